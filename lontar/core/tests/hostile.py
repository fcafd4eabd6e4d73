"""Hostile inputs and a small published site to throw them at (shared by the fuzz and the
regression tests of finding 6: no parameter, form field or header may cause a 5xx)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.core import signing
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

# One 5,000-digit number: past int()'s 4,300-digit limit, and past every 64-bit column.
HUGE = "9" * 5000
LONG = "x" * 100_000  # 100 KB
# Values that once reached int(), the FTS5 parser or PostgreSQL unchecked.
NAMED = [
    "²",  # str.isdigit() is true, int() refuses it
    "３",  # full-width: int() accepts it quietly
    "٣",  # Arabic-Indic three
    "𝟡",  # mathematical digit nine
    HUGE,
    "-" + HUGE,
    "9223372036854775808",  # 2**63: one past SQLite/PostgreSQL bigint
    "-1",
    "0",
    "1e3",
    " 2024 ",
    '"',
    '"cuti',
    "'",
    "\\",
    "%",
    "*",
    "NEAR(cuti besar)",
    "cuti AND OR NOT",
    "(",
    "-cuti",
    "cuti:*",
    "\x00",
    "cuti\x00besar",
    "\x1b[31m",
    "\u202e",  # right-to-left override
    "\u200b",  # zero-width space
    "<script>alert(1)</script>",
    "' OR '1'='1",
    LONG,
]

EXAMPLES = int(os.environ.get("LONTAR_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis directory in the working tree; failures print the input
    # No shrinking: minimising a 100 KB or 5,000-digit failing input takes minutes, and the
    # unshrunk input (printed with the failure) already names the parameter and the value.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the site is built once per target, on purpose
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

# Anything a browser or a script can put into a query string or a form: every code point
# except lone surrogates (which no UTF-8 request can carry), control characters included.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
hostile_text = st.one_of(
    st.sampled_from(NAMED),
    any_text,
    st.integers().map(str),
    st.integers(min_value=1, max_value=5000).map(lambda n: "9" * n),
    st.text(st.sampled_from("0123456789²³¹٠١٢３４"), min_size=1, max_size=8),
)


def as_header(text: str) -> str:
    """What a WSGI server hands Django for a header: the raw bytes read as Latin-1."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


hostile_header = hostile_text.map(as_header)


def params_for(names: list[str]) -> st.SearchStrategy[dict[str, str]]:
    """Some of `names`, each with a hostile value (an empty dict is a fair example too)."""
    return st.fixed_dictionaries({}, optional=dict.fromkeys(names, hostile_text))


@dataclass
class Site:
    """Ids and URLs of one agency's published records, built once per test."""

    agency: object
    urls: dict[str, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)


def build_site(agency) -> Site:
    from lontar.news.tests.helpers import article, category, news_index
    from lontar.opendata.tests.helpers import add_csv, make_dataset
    from lontar.podcast.tests.helpers import make_episode, make_show
    from lontar.ppid.tests.helpers import make_request
    from lontar.programs.tests.helpers import event, program
    from lontar.qna.models import Status
    from lontar.qna.tests.helpers import make_question
    from lontar.regulations.tests.helpers import make_document
    from lontar.survey.models import SurveyPeriod, SurveyUnit
    from lontar.survey.selectors import today_for

    site = Site(agency)
    index = news_index(agency)
    news = article(index, "Layanan cuti besar", category=category(agency))
    question = make_question(
        agency, text="Syarat cuti besar?", answer_text="Lima tahun.", status=Status.PUBLISHED
    )
    episode = make_episode(make_show(agency), question=question)
    program(agency)
    event(agency)
    document = make_document(agency, title='Peraturan "cuti" pegawai')
    dataset = make_dataset(agency)
    add_csv(dataset)
    make_request(agency)
    unit = SurveyUnit.objects.create(agency=agency, slug="ppid", name="Layanan PPID")
    today = today_for(agency)
    SurveyPeriod.objects.create(
        agency=agency,
        unit=unit,
        name="Triwulan I",
        kind=SurveyPeriod.Kind.QUARTER,
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=60),
        is_open=True,
        population=100,
    )
    site.ids.update(
        article=news.pk, question=question.pk, document=document.pk, home=agency.site.root_page_id
    )
    site.urls.update(
        audio=episode.audio_url(),
        question=f"/tanya-jawab/{question.pk}/",
        tracking=question.tracking_url(),
        article=news.get_url(),
        dataset=f"/data/{dataset.slug}/",
    )
    return site


def signed_fill_time(salt: str) -> str:
    """The hidden 'form shown at' value of a form opened a minute ago (passes the bot check)."""
    return signing.dumps(time.time() - 60, salt=salt)
