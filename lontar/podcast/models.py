"""Podcast shows and episodes, with people, chapters (linked to FAQ entries) and transcripts."""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from lontar.agencies.owned import AgencyOwned
from lontar.podcast.forms import EpisodeAdminForm, ShowAdminForm
from lontar.podcast.timecode import label

# Podcasting 2.0: podcast:guid is a UUIDv5 of the feed URL in this namespace.
PODCAST_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


class Show(index.Indexed, AgencyOwned, ClusterableModel):
    title = models.CharField(_("judul"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("deskripsi"))
    author = models.CharField(_("penyusun"), max_length=200)
    owner_email = models.EmailField(_("surel pemilik"))
    cover = models.ImageField(_("sampul (persegi, 1400–3000 piksel)"), upload_to="podcast/sampul/")
    itunes_category = models.CharField(
        _("kategori Apple Podcasts"), max_length=100, default="Government"
    )
    language = models.CharField(_("bahasa"), max_length=10, default="id")
    explicit = models.BooleanField(_("konten eksplisit"), default=False)
    guid = models.UUIDField(_("GUID podcast"), editable=False, null=True)

    panels = [
        FieldPanel("agency"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("author"),
        FieldPanel("owner_email"),
        FieldPanel("cover"),
        FieldPanel("itunes_category"),
        FieldPanel("explicit"),
    ]
    base_form_class = ShowAdminForm
    search_fields = [index.SearchField("title"), index.FilterField("agency")]

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="podcast_show_unique_slug")
        ]
        verbose_name = _("acara podcast")
        verbose_name_plural = _("acara podcast")
        default_related_name = "podcast_shows"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("podcast:show", args=[self.slug])

    def feed_url(self) -> str:
        return reverse("podcast:feed", args=[self.slug])

    def ensure_guid(self, absolute_feed_url: str) -> uuid.UUID:
        """Fixed once, from the first public feed URL, so moving hosts keeps it."""
        if self.guid is None:
            bare = absolute_feed_url.split("://", 1)[-1].rstrip("/")
            self.guid = uuid.uuid5(PODCAST_NAMESPACE, bare)
            Show.objects.filter(pk=self.pk, guid__isnull=True).update(guid=self.guid)
        return self.guid


class EpisodeQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Episode(index.Indexed, ClusterableModel):
    agency_scope = "show__agency"

    show = models.ForeignKey(
        Show, on_delete=models.CASCADE, related_name="episodes", verbose_name=_("acara")
    )
    title = models.CharField(_("judul"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    notes = models.TextField(_("catatan episode"))
    audio = models.FileField(_("audio (MP3 atau M4A)"), upload_to="podcast/audio/")
    audio_type = models.CharField(_("jenis audio"), max_length=40, editable=False)
    audio_size = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0, editable=False)
    duration_seconds = models.FloatField(_("durasi (detik)"), default=0, editable=False)
    cover = models.ImageField(
        _("sampul episode (tidak wajib)"), upload_to="podcast/sampul/", blank=True
    )
    season = models.PositiveIntegerField(_("musim"), null=True, blank=True)
    number = models.PositiveIntegerField(_("nomor episode"), null=True, blank=True)
    published_at = models.DateTimeField(_("tanggal terbit"), default=timezone.now)
    is_published = models.BooleanField(_("terbit"), default=False)
    explicit = models.BooleanField(_("konten eksplisit"), default=False)
    transcript = models.FileField(
        _("transkrip (WebVTT, SRT, atau teks)"), upload_to="podcast/transkrip/", blank=True
    )
    transcript_type = models.CharField(max_length=40, blank=True, editable=False)
    transcript_text = models.TextField(_("teks transkrip"), blank=True, editable=False)
    guid = models.UUIDField(_("GUID"), default=uuid.uuid4, unique=True, editable=False)

    objects = EpisodeQuerySet.as_manager()

    panels = [
        FieldPanel("show"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("notes"),
        FieldPanel("audio"),
        FieldPanel("cover"),
        FieldRowPanel([FieldPanel("season"), FieldPanel("number")]),
        MultiFieldPanel(
            [FieldPanel("published_at"), FieldPanel("is_published"), FieldPanel("explicit")],
            heading=_("Penerbitan"),
        ),
        FieldPanel("transcript"),
        InlinePanel("people", label=_("Orang (pembawa acara, tamu)")),
        InlinePanel("chapters", label=_("Bab")),
    ]
    base_form_class = EpisodeAdminForm
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("notes"),
        index.SearchField("transcript_text"),
        index.FilterField("show"),
        index.FilterField("is_published"),
        index.FilterField("published_at"),
    ]

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["show", "slug"], name="podcast_episode_unique_slug")
        ]
        verbose_name = _("episode")
        verbose_name_plural = _("episode")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("podcast:episode", args=[self.show.slug, self.slug])

    def audio_url(self) -> str:
        extension = self.audio.name.rsplit(".", 1)[-1] if "." in self.audio.name else "mp3"
        return reverse("podcast:audio", args=[self.show.slug, self.slug, extension])

    def transcript_url(self) -> str:
        return reverse("podcast:transcript", args=[self.show.slug, self.slug])

    def chapters_url(self) -> str:
        return reverse("podcast:chapters", args=[self.show.slug, self.slug])

    @property
    def duration_label(self) -> str:
        return label(self.duration_seconds)


class Person(Orderable):
    class Role(models.TextChoices):
        HOST = "host", _("Pembawa acara")
        GUEST = "guest", _("Tamu")

    episode = ParentalKey(Episode, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("nama"), max_length=200)
    role = models.CharField(_("peran"), max_length=10, choices=Role.choices, default=Role.GUEST)

    panels = [FieldPanel("name"), FieldPanel("role")]

    def __str__(self) -> str:
        return self.name


class Chapter(Orderable):
    episode = ParentalKey(Episode, on_delete=models.CASCADE, related_name="chapters")
    start_seconds = models.PositiveIntegerField(_("mulai (detik)"))
    title = models.CharField(_("judul bab"), max_length=200)
    question = models.ForeignKey(
        "qna.Question",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="podcast_chapters",
        verbose_name=_("tanya jawab terkait"),
        limit_choices_to={"status": "terbit"},
    )

    panels = [FieldPanel("start_seconds"), FieldPanel("title"), FieldPanel("question")]

    class Meta(Orderable.Meta):
        ordering = ["start_seconds", "sort_order"]

    def __str__(self) -> str:
        return f"{self.start_label} {self.title}"

    @property
    def start_label(self) -> str:
        return label(self.start_seconds)

    def get_absolute_url(self) -> str:
        return f"{self.episode.get_absolute_url()}?t={self.start_seconds}#pemutar"
