"""Phone and WhatsApp links, office hours in English (issue 17)."""

import pytest

from lontar.core.templatetags.contact_links import office_hours_line, tel_href, whatsapp_href


@pytest.mark.parametrize(
    ("number", "tel", "wa"),
    [
        ("0812-3456-7890", "tel:+6281234567890", "https://wa.me/6281234567890"),
        ("+62 812 3456 7890", "tel:+6281234567890", "https://wa.me/6281234567890"),
        ("(0380) 821 410", "tel:+62380821410", "https://wa.me/62380821410"),
        ("", "", ""),
    ],
)
def test_numbers_become_links_a_phone_can_follow(number, tel, wa):
    assert tel_href(number) == tel
    assert whatsapp_href(number) == wa


def test_office_hours_read_in_english_and_stay_indonesian_otherwise():
    line = "Sabtu, Minggu, dan hari libur: tutup"
    assert office_hours_line(line, "en") == "Saturday, Sunday, and public holidays: closed"
    assert office_hours_line(line, "id") == line
    assert office_hours_line("Senin–Kamis: 07.30–16.00", "en") == "Monday–Thursday: 07.30–16.00"
