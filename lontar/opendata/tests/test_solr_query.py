"""The Solr query subset CKAN clients send in `fq`, read as Solr reads it (table-tested)."""

import pytest

from lontar.opendata import solr
from lontar.opendata.solr import And, MatchAll, Not, Or, Range, Term


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("", MatchAll()),
        ("*:*", MatchAll()),
        ("organization:bkd", Term("organization", "bkd")),
        (
            "organization:a OR organization:b",
            Or((Term("organization", "a"), Term("organization", "b"))),
        ),
        (
            "-organization:x -organization:y",
            And((Not(Term("organization", "x")), Not(Term("organization", "y")))),
        ),
        ('groups:"data sektoral"', Term("groups", "data sektoral", phrase=True)),
        (
            "metadata_modified:[2026-01-01T00:00:00.123456Z TO *]",
            Range("metadata_modified", "2026-01-01T00:00:00.123456Z", "*"),
        ),
        ("name:{a TO b]", Range("name", "a", "b", include_low=False, include_high=True)),
        (
            # the harvester's include + incremental: (a or b) and modified since
            "organization:a OR organization:b metadata_modified:[2026-01-01T00:00:00Z TO *]",
            And(
                (
                    Or((Term("organization", "a"), Term("organization", "b"))),
                    Range("metadata_modified", "2026-01-01T00:00:00Z", "*"),
                )
            ),
        ),
        (
            'tags:(ASN OR "data pegawai") AND NOT res_format:XLSX',
            And(
                (
                    Or((Term("tags", "ASN"), Term("tags", "data pegawai", phrase=True))),
                    Not(Term("res_format", "XLSX")),
                )
            ),
        ),
        ("+tags:ASN", Term("tags", "ASN")),
        ("pegawai", Term("text", "pegawai")),
    ],
)
def test_queries_parse_as_solr_reads_them(text, tree):
    assert solr.parse(text) == tree


@pytest.mark.parametrize(
    "text",
    ["(tags:a", 'name:"open', "name:[a TO]", "{not json", "tags:", "(" * 50 + "a" + ")" * 50],
)
def test_broken_queries_are_refused(text):
    with pytest.raises(solr.QuerySyntaxError):
        solr.parse(text)
