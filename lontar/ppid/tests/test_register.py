"""One rule for the public register's columns (`ppid/register.py`), wherever it is published."""

import csv
import io

import pytest

from lontar.opendata.generators import GENERATORS
from lontar.ppid.register import REGISTER_COLUMNS, column_headings, public_register_table
from lontar.ppid.tests.helpers import NIK, PHONE, make_request

pytestmark = pytest.mark.django_db


def test_page_csv_and_open_data_share_the_same_columns_and_rows(client, agency_a):
    request, _ = make_request(agency_a)

    csv_rows = list(csv.reader(io.StringIO(client.get("/ppid/register.csv").content.decode())))
    columns, rows = public_register_table(agency_a)

    assert csv_rows[0] == columns == column_headings()
    assert len(columns) == len(REGISTER_COLUMNS) and columns[0] == "Nomor pendaftaran"
    assert csv_rows[1] == rows[0] and rows[0][0] == request.number
    assert GENERATORS["ppid-register"].generate(agency_a) == (columns, rows)
    page = client.get("/ppid/register/").content.decode()
    assert all(heading in page for heading in columns)


def test_no_column_carries_the_requesters_personal_data(agency_a):
    make_request(agency_a)
    _columns, rows = public_register_table(agency_a)
    flat = " ".join(str(value) for row in rows for value in row)
    for secret in (NIK, PHONE, "Maria Uji Pemohon", "pemohon@contoh.id", "Jalan Flamboyan"):
        assert secret not in flat
