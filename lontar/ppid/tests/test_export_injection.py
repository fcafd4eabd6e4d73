"""The public register's CSV never hands a spreadsheet a formula; its summary is redacted."""

from __future__ import annotations

import csv
import io

import pytest

from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://x","y")'
SUM = "@SUM(1+1)"


def test_register_csv_prefixes_formula_text(client, agency_a):
    for summary in (LINK, SUM):
        request, _ = make_request(agency_a)
        request.public_summary = summary  # e.g. copied from what the citizen typed
        request.save()

    response = client.get("/ppid/register.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    summaries = {row[2] for row in rows[1:]}
    assert summaries == {"'" + LINK, "'" + SUM}


def test_register_never_prints_personal_data_left_in_an_old_summary(client, agency_a):
    request, _ = make_request(agency_a)
    # Written before the summary check existed, or straight into the database.
    request.public_summary = "Salinan SK a.n. NIK 3201 0101 9001 0001, HP 0812-3456-7890"
    request.save()

    page = client.get("/ppid/register/").content.decode()
    csv_text = client.get("/ppid/register.csv").content.decode()

    for text in (page, csv_text):
        assert "Salinan SK a.n. NIK [NIK], HP [TELEPON]" in text
        assert "3201 0101" not in text and "0812-3456" not in text


@pytest.mark.parametrize(
    "summary",
    ["Data NIK 5371.0441.0790.9431", "Hubungi 0812-3456-7890", "Surel warga%40contoh.id"],
)
def test_officer_summary_with_personal_data_is_refused(agency_a, ppid_officer_a, summary):
    from django.core.exceptions import ValidationError

    from lontar.ppid import services

    request, _ = make_request(agency_a)
    with pytest.raises(ValidationError):
        services.set_public_summary(request, summary=summary, by=ppid_officer_a)
