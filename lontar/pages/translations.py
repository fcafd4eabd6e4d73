"""English versions of pages: which version a visitor reads, and how the versions are made.

Every agency's site has one page tree, in Indonesian (`LANGUAGE_CODE`), whose URLs are the only
public page URLs. With Wagtail's locales (`WAGTAIL_I18N_ENABLED`) each page may have an English
translation, kept in the agency's English tree (the translation of its home page, a sibling of
it under Wagtail's root, made by onboarding as an alias). A visitor who chose English reads the
translation at the Indonesian page's URL when one is published; otherwise the Indonesian page,
under a notice (docs/decisions/0004-language.md).

A translation counts only when it is live and not an alias: an alias mirrors the Indonesian page
(Wagtail makes aliases of untranslated parents), so it is Indonesian text.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import get_language
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page

ENGLISH = "en"


def content_languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_locales() -> None:
    """A Wagtail Locale row for each content language (Indonesian first)."""
    for code in content_languages():
        Locale.objects.get_or_create(language_code=code)


def visitor_wants_english() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).startswith(ENGLISH)


def written_translations(pages: Iterable[Page], language: str = ENGLISH) -> dict[object, Page]:
    """{translation_key: page} of the live, written (not alias) translations of `pages` into
    `language`, in one query."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    found = (
        Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language, alias_of__isnull=True)
        .only("id", "title", "translation_key", "url_path", "content_type_id")
    )
    return {page.translation_key: page for page in found}


def served_translation(page: Page, language: str = ENGLISH) -> Page | None:
    """The live, written translation of `page` into `language`, as `page`'s own class, or None.

    One query: a translation has the same page type as its source.
    """
    model = page.specific_class or type(page)
    return (
        model.objects.live()
        .filter(
            translation_key=page.translation_key,
            locale__language_code=language,
            alias_of__isnull=True,
        )
        .exclude(pk=page.pk)
        .first()
    )


def with_visitor_titles(pages: Iterable[Page]) -> list[Page]:
    """`pages` with `display_title` set: the English title of each page that has a written
    English translation when the visitor chose English, else its own title."""
    pages = list(pages)
    english = written_translations(pages) if visitor_wants_english() else {}
    for page in pages:
        translation = english.get(page.translation_key)
        page.display_title = translation.title if translation is not None else page.title
    return pages


def source_page(page: Page, request=None) -> Page:
    """The Indonesian page `page` translates (itself when it is Indonesian or has none).

    No query when `request` is the one serving `page`: lontar/pages/views.py notes the
    Indonesian page it routed to."""
    served = getattr(request, "lontar_source_page", None)
    if getattr(request, "lontar_content_language", None) == settings.LANGUAGE_CODE:
        return page
    if served is not None and served.translation_key == page.translation_key:
        return served
    if page.locale_id == Locale.get_default().pk:
        return page
    model = page.specific_class or type(page)
    source = (
        model.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .exclude(pk=page.pk)
        .first()
    )
    return source or page


# --- Making translations (onboarding, the demo) ---------------------------------------------


def english_locale() -> Locale:
    ensure_locales()
    return Locale.objects.get(language_code=ENGLISH)


def english_home(home: Page) -> Page:
    """The agency's English tree: the English translation of its home page, made once as an
    alias (it mirrors the Indonesian home, and is not served, until an editor translates it)."""
    locale = english_locale()
    existing = home.get_translation_or_none(locale)
    if existing is not None:
        return existing
    return home.copy_for_translation(locale, alias=True)


def publish_translation(page: Page, *, title: str, **fields: object) -> Page:
    """Publish an English translation of `page` with `title` and `fields`, made once: an
    existing written translation is left alone (staff may have edited it); an alias is turned
    into a written page. Untranslated parents become aliases."""
    locale = english_locale()
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific
    if existing is not None:
        ConvertAliasPageAction(existing.specific).execute(skip_permission_checks=True)
        translation = Page.objects.get(pk=existing.pk).specific
    else:
        translation = page.specific.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    translation.draft_title = title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
