import logging

import pytest

from lontar.core.logging import PersonalDataFilter, mask_personal_data


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NIK 5371044107900003 ditolak", "NIK [NIK] ditolak"),
        ("hubungi 081234567890 segera", "hubungi [TELEPON] segera"),
        ("telepon +6281234567890", "telepon [TELEPON]"),
        ("kantor (0380) 821410", "kantor (0380) 821410"),  # an office number stays readable
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
