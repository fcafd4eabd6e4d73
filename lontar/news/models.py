"""News: each agency's news index, its articles, categories, tags and readers' likes."""

from __future__ import annotations

import math
import re

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lontar.agencies.owned import AgencySlugged
from lontar.core.public_urls import PublicUrlPageMixin
from lontar.news.forms import NewsArticleForm
from lontar.pages.blocks import ContentBlocks

# Indonesian is read more slowly per word than English (~230 wpm): its words are longer, built
# from a root with prefixes and suffixes ("memperdayakan", "kepegawaian"). Studies of adult
# Indonesian silent reading put it around 175-220 words a minute; 200 is the round middle.
INDONESIAN_WORDS_PER_MINUTE = 200
_WORD = re.compile(r"\w+", re.UNICODE)


def count_words(text: str) -> int:
    return len(_WORD.findall(strip_tags(text)))


def reading_minutes(word_count: int) -> int:
    """Whole minutes, at least one, for a text of `word_count` Indonesian words."""
    return max(1, math.ceil(word_count / INDONESIAN_WORDS_PER_MINUTE))


class NewsCategory(AgencySlugged):
    """A rubric of one agency's news ("Umum", "Kepegawaian", "Pengumuman")."""

    class Meta(AgencySlugged.Meta):
        verbose_name = _("kategori berita")
        verbose_name_plural = _("kategori berita")
        default_related_name = "news_categories"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "slug"], name="news_category_slug_unique_in_agency"
            )
        ]


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsIndexPage(PublicUrlPageMixin, RoutablePageMixin, Page):
    """/berita/: the agency's news, with category and tag archives (one per agency site)."""

    intro = models.TextField(_("pengantar"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    # Its English translation exists only as the parent of translated articles: the index lists
    # the Indonesian articles (each served in English at its own URL when translated), so
    # lontar/pages/views.py always serves the Indonesian index.
    serves_english_translation = False

    class Meta:
        verbose_name = _("indeks berita")
        verbose_name_plural = _("indeks berita")

    def route(self, request, path_components):
        # An article is one level down: fetch it as its specific class in one query instead of
        # Wagtail's two (the generic page, then the specific one).
        if len(path_components) == 1 and self.live:
            article = NewsArticlePage.objects.child_of(self).filter(slug=path_components[0])
            found = article.first()
            if found is not None:
                return found.route(request, [])
        return super().route(request, path_components)

    @path("")
    def index_route(self, request):
        from lontar.news import views

        return views.news_index(request, self)

    @path("kategori/<slug:slug>/")
    def category_route(self, request, slug):
        from lontar.news import views

        return views.news_index(request, self, category_slug=slug)

    @path("tag/<slug:slug>/")
    def tag_route(self, request, slug):
        from lontar.news import views

        return views.news_index(request, self, tag_slug=slug)


class NewsArticlePage(PublicUrlPageMixin, Page):
    """One news article, written by an ASN of the agency and reviewed by an editor."""

    lead = models.TextField(
        _("ringkasan"), max_length=400, help_text=_("Satu atau dua kalimat pembuka.")
    )
    date = models.DateField(_("tanggal berita"), default=timezone.localdate)
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("teks alternatif gambar utama"),
        max_length=250,
        blank=True,
        help_text=_("Apa yang tampak pada gambar, untuk pembaca layar."),
    )
    hero_caption = models.CharField(_("keterangan gambar utama"), max_length=300, blank=True)
    body = StreamField(ContentBlocks(), verbose_name=_("isi"), use_json_field=True)
    author = models.ForeignKey(
        "agencies.StaffProfile",
        verbose_name=_("penulis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_articles",
        help_text=_("Kosongkan untuk diri Anda sendiri."),
    )
    source = models.CharField(
        _("sumber"), max_length=200, blank=True, help_text=_("Mis. Bidang Mutasi dan Promosi.")
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("tag"))
    word_count = models.PositiveIntegerField(_("jumlah kata"), default=0, editable=False)
    # Chosen by the province: its announcement shows on every OPD's site (lontar/province).
    shown_across_province = models.BooleanField(
        _("tampilkan di situs semua OPD"),
        default=False,
        help_text=_("Hanya berlaku untuk berita pemerintah provinsi."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        # Plain selects: the form limits both lists to the page's own agency.
        FieldRowPanel([FieldPanel("date"), FieldPanel("category", widget=forms.Select)]),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt"), FieldPanel("hero_caption")],
            heading=_("Gambar utama"),
        ),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("author", widget=forms.Select), FieldPanel("source")]),
        FieldPanel("tags"),
        FieldPanel("shown_across_province"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
        index.FilterField("category"),
        index.FilterField("author"),
    ]
    base_form_class = NewsArticleForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        # Every listing (index, category and tag archives, author pages, feeds) is newest
        # first; with 100k articles the sort must come from an index, not a full scan.
        indexes = [
            models.Index(fields=["-date"], name="news_article_date"),
            models.Index(fields=["category", "-date"], name="news_article_category_date"),
            models.Index(fields=["author", "-date"], name="scale_article_author_date"),
            # The province's announcements on every OPD home page: the few shared articles,
            # newest first, without walking every article of the province (issue 22).
            models.Index(
                fields=["-date"],
                condition=models.Q(shown_across_province=True),
                name="scale_article_province_date",
            ),
        ]

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)

    def body_text(self) -> str:
        """The article's words without markup (rich text, headings, quotes, captions)."""
        parts: list[str] = [self.lead]
        for block in self.body.raw_data:
            parts.extend(_strings_in(block.get("value")))
        return " ".join(strip_tags(part) for part in parts)

    def save(self, *args, **kwargs):
        if self.author_id is None and self.owner_id is not None:
            from lontar.agencies.models import StaffProfile

            self.author = StaffProfile.objects.filter(user_id=self.owner_id).first()
        self.word_count = count_words(self.body_text())
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from lontar.news import article as article_context_module
        from lontar.news import likes
        from lontar.pages.translations import source_page

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context_module.article_context(self, request))
        # An English translation is read and liked as its Indonesian article: one count, one
        # like button, the Indonesian listings' neighbours and related articles.
        source = source_page(self, request) if self.pk else self
        context["counted_page"] = source
        if source.pk != self.pk:
            context["like"] = likes.like_state(source, request)
            extras = article_context_module.published_extras(source, request)
            context["related"] = extras["related"]
            context["previous_article"] = extras["previous"]
            context["next_article"] = extras["following"]
        return context


_NOT_TEXT = frozenset({"id", "type", "level", "url", "page", "image", "document", "decorative"})


def _strings_in(value) -> list[str]:
    """Every string a reader sees inside a block's raw value (nested dicts and lists)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, v in value.items() if key not in _NOT_TEXT for s in _strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings_in(v)]
    return []


class ArticleLike(models.Model):
    """One visitor's "Anda suka berita ini?" for one article.

    `visitor` is a hash of the random id in the visitor's signed cookie; `fingerprint` is a
    hash of IP address and user agent salted with the day and the secret key, so the same
    browser without its cookie is recognised for that day only. The raw IP is never stored.
    """

    article = models.ForeignKey(NewsArticlePage, on_delete=models.CASCADE, related_name="likes")
    visitor = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suka")
        verbose_name_plural = _("suka")
        constraints = [
            models.UniqueConstraint(fields=["article", "visitor"], name="one_like_per_visitor")
        ]
        indexes = [models.Index(fields=["article", "fingerprint"])]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.visitor[:8]}"


class AuthorTally(models.Model):
    """How many live, public articles a staff member has on their agency's site: maintained by
    `news/tallies.py` when an article is published, unpublished, moved or deleted, so the
    authors page and the author pages never count the articles per request (issue 22)."""

    profile = models.OneToOneField(
        "agencies.StaffProfile",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="article_tally",
    )
    articles = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["-articles"], name="scale_author_tally_articles")]

    def __str__(self) -> str:
        return f"{self.profile_id}: {self.articles}"


class IndexTally(models.Model):
    """How many live, public articles a news index holds, in all (`category` null) and per
    category: maintained with the author tallies (news/tallies.py), read by the index's
    pagination instead of counting the articles per request (issue 22)."""

    index = models.ForeignKey("news.NewsIndexPage", on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(
        "news.NewsCategory", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    articles = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["index", "category"], name="scale_index_tally_unique")
        ]

    def __str__(self) -> str:
        return f"{self.index_id}/{self.category_id}: {self.articles}"
