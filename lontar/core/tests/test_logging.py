import io
import logging
from types import SimpleNamespace

import pytest
from django.core.servers.basehttp import WSGIRequestHandler

from lontar.core.logging import PersonalDataFilter, mask_personal_data, scrub_path


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NIK 5371044107900003 ditolak", "NIK [NIK] ditolak"),
        ("hubungi 081234567890 segera", "hubungi [TELEPON] segera"),
        ("telepon +6281234567890", "telepon [TELEPON]"),
        # One detector for logs and Q&A (finding 10): a landline may be a citizen's home.
        ("kantor (0380) 821410", "kantor [TELEPON]"),
        ("HP 0812-3456-7890", "HP [TELEPON]"),
        ("NIK 3201 0101 9001 0001", "NIK [NIK]"),
        ("NIK 5371.0441.0790.9431", "NIK [NIK]"),
        ("cari 3201%200101%209001%200001", "cari [NIK]"),
        ("wa %2B6281234567890", "wa [TELEPON]"),
        ("surel warga%40contoh.id", "surel [SUREL]"),
        ("kirim ke warga@contoh.id", "kirim ke [SUREL]"),
        ("permohonan 0123/PPID-BKD/XI/2026", "permohonan 0123/PPID-BKD/XI/2026"),
    ],
)
def test_personal_data_is_masked_in_log_lines(line, expected):
    assert mask_personal_data(line) == expected


def test_log_records_with_arguments_are_masked_before_output(caplog):
    logger = logging.getLogger("lontar.test")
    logger.addFilter(PersonalDataFilter())
    with caplog.at_level(logging.INFO, logger="lontar.test"):
        logger.info("pemohon %s, telepon %s", "5371044107900003", "081234567890")

    assert "5371044107900003" not in caplog.text
    assert "081234567890" not in caplog.text
    assert "[NIK]" in caplog.text and "[TELEPON]" in caplog.text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/cari/?q=3201010190010001", "/cari/"),
        ("/api/3/action/package_show?id=x&key=ltr_abc", "/api/3/action/package_show"),
        ("/ppid/lacak/?kode=AB12CD34", "/ppid/lacak/"),
        ("/survei/ppid/?undangan=abcDEF123", "/survei/ppid/"),
        ("/tanya-jawab/lacak/Zx9-aQ2mPp0wLr7TtYvB4n/", "/tanya-jawab/lacak/[token]/"),
        (
            "/admin/password_reset/confirm/MQ/cb3k1q-0f9e2c7a1b/",
            "/admin/password_reset/confirm/[token]/",
        ),
        ("/unduh/aB3dE5fG7hJ9kL1mN2pQ4rS/berkas.pdf", "/unduh/[token]/berkas.pdf"),
        (
            "/berita/pengumuman-hasil-seleksi-cpns-2026/",
            "/berita/pengumuman-hasil-seleksi-cpns-2026/",
        ),
        ("/tanya-jawab/lacak/", "/tanya-jawab/lacak/"),
    ],
)
def test_paths_lose_query_strings_and_capability_tokens(path, expected):
    assert scrub_path(path) == expected
    assert (
        mask_personal_data(f'"GET {path} HTTP/1.1" 200 512') == f'"GET {expected} HTTP/1.1" 200 512'
    )


def test_text_that_is_not_a_path_keeps_its_slashes():
    line = "Golongan III/a, tanggal 12/03/2026, nomor 0001/PPID-BKD/XI/2026"
    assert mask_personal_data(line) == line


@pytest.fixture
def console_output():
    """What the configured console handler writes, whichever logger it serves."""
    handler = next(
        h
        for h in logging.getLogger("django.server").handlers
        if isinstance(h, logging.StreamHandler)
    )
    assert any(isinstance(f, PersonalDataFilter) for f in handler.filters)
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


NIK_QUERY = "/cari/?q=3201+0101+9001+0001&key=ltr_Secret9Key&kode=AB12CD34"


def test_dev_server_request_lines_carry_no_query_string_nor_nik(console_output):
    handler = SimpleNamespace(request=None, log_date_time_string=lambda: "30/Nov/2026 07:00:00")
    WSGIRequestHandler.log_message(handler, '"%s" %s %s', f"GET {NIK_QUERY} HTTP/1.1", "200", "9")
    WSGIRequestHandler.log_message(
        handler, '"%s" %s %s', "GET /tanya-jawab/lacak/Zx9-aQ2mPp0wLr7TtYvB4n/ HTTP/1.1", "404", "9"
    )

    output = console_output.getvalue()
    assert '"GET /cari/ HTTP/1.1" 200 9' in output
    assert "/tanya-jawab/lacak/[token]/" in output
    for secret in ("3201", "ltr_Secret9Key", "AB12CD34", "Zx9-aQ2mPp0wLr7TtYvB4n", "?"):
        assert secret not in output


@pytest.mark.django_db
def test_not_found_warnings_carry_no_token(client, console_output):
    token = "Zx9-aQ2mPp0wLr7TtYvB4n"
    response = client.get(f"/tanya-jawab/lacak/{token}/?kode=AB12CD34&q=warga%40contoh.id")

    assert response.status_code == 404
    output = console_output.getvalue()
    assert "Not Found" in output and "/tanya-jawab/lacak/[token]/" in output
    for secret in (token, "AB12CD34", "warga"):
        assert secret not in output
