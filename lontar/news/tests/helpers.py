"""Builders for news tests: an agency's news index and published articles."""

from __future__ import annotations

from datetime import date

from lontar.news.models import NewsArticlePage, NewsCategory, NewsIndexPage


def news_index(agency) -> NewsIndexPage:
    home = agency.site.root_page
    existing = NewsIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = NewsIndexPage(title="Berita", slug="berita", intro="Kabar terbaru.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def category(agency, name: str = "Umum", slug: str | None = None) -> NewsCategory:
    return NewsCategory.objects.get_or_create(
        agency=agency, slug=slug or name.lower(), defaults={"name": name}
    )[0]


def article(
    index: NewsIndexPage,
    title: str,
    *,
    on: date = date(2026, 3, 2),
    tags: tuple[str, ...] = (),
    category: NewsCategory | None = None,
    author=None,
    text: str = "Isi berita tentang layanan kepegawaian.",
    publish: bool = True,
    hero_image=None,
) -> NewsArticlePage:
    page = NewsArticlePage(
        title=title,
        lead=f"Ringkasan: {title}.",
        date=on,
        category=category,
        author=author,
        source="Bidang Uji",
        hero_image=hero_image,
        hero_image_alt="Gambar uji" if hero_image else "",
        body=[("paragraph", f"<p>{text}</p>")],
        live=False,
    )
    index.add_child(instance=page)
    page.tags.add(*tags)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page
