"""schema.org `FAQPage` for a published question's page: the question and the agency's answer,
in their public (redacted) wording only."""

from __future__ import annotations

from django.utils.safestring import SafeString

from lontar.core import jsonld


def faq_json_ld(question, agency, url: str) -> SafeString:
    answer: dict = {"@type": "Answer", "text": jsonld.plain(question.public_answer)}
    if question.published_at:
        answer["dateCreated"] = question.published_at.isoformat()
    data = {
        "@context": jsonld.CONTEXT,
        "@type": "FAQPage",
        "url": url,
        "inLanguage": "id",
        "publisher": jsonld.organization(agency),
        "mainEntity": [
            {
                "@type": "Question",
                "name": jsonld.plain(question.public_question, 1000),
                "acceptedAnswer": answer,
            }
        ],
    }
    return jsonld.script(data)
