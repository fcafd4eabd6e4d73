"""The pages every agency site has: its home page and its standard content pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lontar.agencies.selectors import agency_for_request
from lontar.core import jsonld
from lontar.core.public_urls import PublicUrlPageMixin
from lontar.pages.blocks import CallToActionBlock, ContentBlocks, FooterColumnBlock, MenuItemBlock
from lontar.pages.translations import source_page, with_visitor_titles


class HomePage(PublicUrlPageMixin, Page):
    """The root of one agency's site; it also holds the site's main menu and footer."""

    intro = models.TextField(_("pengantar"), blank=True, max_length=600)
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
    services = StreamField(
        [("service", CallToActionBlock())],
        verbose_name=_("layanan unggulan"),
        blank=True,
        use_json_field=True,
    )
    body = StreamField(ContentBlocks(), verbose_name=_("isi"), blank=True, use_json_field=True)
    announcement = models.CharField(
        _("pengumuman"),
        max_length=300,
        blank=True,
        help_text=_("Satu kalimat di bagian atas setiap halaman; kosongkan bila tidak ada."),
    )
    main_menu = StreamField(
        [("item", MenuItemBlock())], verbose_name=_("menu utama"), blank=True, use_json_field=True
    )
    footer = StreamField(
        [("column", FooterColumnBlock())],
        verbose_name=_("kaki halaman"),
        blank=True,
        use_json_field=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Gambar utama")
        ),
        FieldPanel("services"),
        FieldPanel("body"),
    ]
    navigation_panels = [FieldPanel("announcement"), FieldPanel("main_menu"), FieldPanel("footer")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Isi")),
            ObjectList(navigation_panels, heading=_("Navigasi")),
            ObjectList(Page.promote_panels, heading=_("Promosi")),
            ObjectList(Page.settings_panels, heading=_("Pengaturan")),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("beranda")
        verbose_name_plural = _("beranda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["canonical_url"] = self.get_full_url(request)
        agency = agency_for_request(request)
        if agency is not None:
            # The agency itself, with its logo: what search engines show beside its results.
            context["json_ld"] = jsonld.script(
                {"@context": jsonld.CONTEXT, **jsonld.organization(agency, full=True)}
            )
        return context


class StandardPage(PublicUrlPageMixin, Page):
    """A content page: profile, vision and mission, structure, duties, contact and the like."""

    lead = models.TextField(_("ringkasan"), blank=True, max_length=600)
    body = StreamField(ContentBlocks(), verbose_name=_("isi"), blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("halaman standar")
        verbose_name_plural = _("halaman standar")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The Indonesian tree decides which subpages exist (an English visitor reads this page's
        # translation, whose own tree has only the pages translated so far); each is named in
        # the visitor's language when it has an English translation.
        source = source_page(self, request)
        context["subpages"] = with_visitor_titles(
            source.get_children().live().public().specific().only("title", "translation_key")
        )
        context["canonical_url"] = self.get_full_url(request)
        return context
