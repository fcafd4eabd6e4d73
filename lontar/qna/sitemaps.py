"""The sitemap section of the agency's published questions, the FAQ (lontar/core/sitemaps.py)."""

from lontar.core.sitemaps import SitemapSection, path_maker, register_section
from lontar.qna.models import Answer, Question
from lontar.qna.selectors import published_questions

register_section(
    SitemapSection(
        key="tanya-jawab",
        queryset=published_questions,
        path_of=path_maker("qna:detail"),
        lastmod_field="published_at",
        models=(Question, Answer),
        order=50,
    )
)
