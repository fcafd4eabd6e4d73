"""The regulations library (JDIH): an agency's legal documents and the relations between them."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.agencies.owned import AgencyOwned
from lontar.regulations.status import RelationKind, Status

pdf_only = FileExtensionValidator(["pdf"], _("Hanya berkas PDF."))


def private_storage():
    """PDFs are kept out of public media and served through views (download count, drafts)."""
    from django.core.files.storage import storages

    return storages["private"]


class DocumentType(models.TextChoices):
    REGULATION = "peraturan", _("Peraturan")
    MONOGRAPH = "monografi", _("Monografi")
    ARTICLE = "artikel", _("Artikel")
    COURT_DECISION = "putusan", _("Putusan")


class DocumentStatus(models.TextChoices):
    IN_FORCE = Status.IN_FORCE.value, _("Berlaku")
    AMENDED = Status.AMENDED.value, _("Diubah")
    NOT_IN_FORCE = Status.NOT_IN_FORCE.value, _("Tidak berlaku")


class Subject(AgencyOwned):
    """A subject heading (subjek) of an agency's catalogue, e.g. "KEPEGAWAIAN - DISIPLIN"."""

    name = models.CharField(_("nama"), max_length=150)

    panels = [FieldPanel("agency"), FieldPanel("name")]

    class Meta:
        verbose_name = _("subjek")
        verbose_name_plural = _("subjek")
        default_related_name = "regulation_subjects"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="regulations_subject_unique")
        ]

    def __str__(self) -> str:
        return self.name


class LegalDocumentQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


def short_name_patterns() -> tuple[str, str]:
    """The short name's two patterns (with a number, without), translated: a list of many
    documents translates them once, not once per row (issue 22)."""
    return str(_("%(kind)s Nomor %(number)s Tahun %(year)s")), str(_("%(kind)s Tahun %(year)s"))


def short_name_of(
    kind: str, abbreviation: str, number: str, year: int, patterns: tuple[str, str] | None = None
) -> str:
    """A document's short name from its columns (for lists read as plain values)."""
    with_number, without_number = patterns or short_name_patterns()
    kind = abbreviation or kind
    if number:
        return with_number % {"kind": kind, "number": number, "year": year}
    return without_number % {"kind": kind, "year": year}


class LegalDocument(index.Indexed, AgencyOwned):
    """One catalogued legal document with the metadata JDIH members share (docs/domain/jdih.md)."""

    # PROTECT: a catalogued law is not deleted along with its agency.
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        related_name="legal_documents",
    )
    document_type = models.CharField(
        _("tipe dokumen"),
        max_length=20,
        choices=DocumentType.choices,
        default=DocumentType.REGULATION,
    )
    kind = models.CharField(
        _("jenis/bentuk"), max_length=120, help_text=_("Mis. Peraturan Gubernur.")
    )
    kind_abbreviation = models.CharField(
        _("singkatan jenis"), max_length=30, blank=True, help_text=_("Mis. Pergub.")
    )
    number = models.CharField(_("nomor"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    title = models.CharField(_("judul"), max_length=500)
    teu_body = models.CharField(
        _("T.E.U. badan"),
        max_length=200,
        blank=True,
        help_text=_("Tajuk entri utama, mis. Pemerintah Provinsi Nusa Cendana."),
    )
    place_enacted = models.CharField(_("tempat penetapan"), max_length=100, blank=True)
    enacted_on = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    promulgated_on = models.DateField(_("tanggal pengundangan"), null=True, blank=True)
    effective_on = models.DateField(_("tanggal berlaku"), null=True, blank=True)
    source = models.CharField(
        _("sumber"),
        max_length=200,
        blank=True,
        help_text=_("Mis. Berita Daerah 2021 Nomor 12."),
    )
    subjects = models.ManyToManyField(
        Subject, verbose_name=_("subjek"), blank=True, related_name="documents"
    )
    field_of_law = models.CharField(_("bidang hukum"), max_length=120, blank=True)
    language = models.CharField(_("bahasa"), max_length=40, default="Indonesia")
    signer = models.CharField(_("penandatangan"), max_length=150, blank=True)
    initiating_unit = models.CharField(_("pemrakarsa"), max_length=200, blank=True)
    original_location = models.CharField(_("lokasi dokumen asli"), max_length=200, blank=True)
    abstract = models.TextField(_("abstrak"), blank=True)
    # Mainly for monographs (books) and articles.
    call_number = models.CharField(_("nomor panggil"), max_length=60, blank=True)
    publisher = models.CharField(_("penerbit"), max_length=150, blank=True)
    physical_description = models.CharField(_("deskripsi fisik"), max_length=150, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    index_number = models.CharField(_("nomor induk buku"), max_length=40, blank=True)

    file = models.FileField(
        _("berkas naskah (PDF)"),
        upload_to="regulasi/naskah/",
        blank=True,
        validators=[pdf_only],
        storage=private_storage,
    )
    abstract_file = models.FileField(
        _("berkas abstrak (PDF)"),
        upload_to="regulasi/abstrak/",
        storage=private_storage,
        blank=True,
        validators=[pdf_only],
    )
    extracted_text = models.TextField(_("teks naskah"), blank=True, editable=False)
    text_extracted_from = models.CharField(max_length=255, blank=True, editable=False)
    download_count = models.PositiveIntegerField(_("jumlah unduhan"), default=0, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.IN_FORCE,
        editable=False,
        help_text=_("Diturunkan dari hubungan antardokumen."),
    )
    is_published = models.BooleanField(_("tampilkan di situs"), default=True)
    # Chosen by the province: its regulation shows on every OPD's site (lontar/province).
    shown_across_province = models.BooleanField(
        _("tampilkan di situs semua OPD"),
        default=False,
        help_text=_("Hanya berlaku untuk produk hukum pemerintah provinsi."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LegalDocumentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("agency"),
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("is_published")]),
                FieldPanel("shown_across_province"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("kind_abbreviation")]),
                FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
                FieldPanel("title"),
                FieldPanel("teu_body"),
            ],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_enacted"),
                FieldRowPanel(
                    [
                        FieldPanel("enacted_on"),
                        FieldPanel("promulgated_on"),
                        FieldPanel("effective_on"),
                    ]
                ),
                FieldPanel("source"),
                FieldPanel("signer"),
                FieldPanel("initiating_unit"),
                FieldPanel("original_location"),
            ],
            heading=_("Penetapan dan pengundangan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("field_of_law"), FieldPanel("language")]),
                FieldPanel("abstract"),
            ],
            heading=_("Isi"),
        ),
        MultiFieldPanel([FieldPanel("file"), FieldPanel("abstract_file")], heading=_("Berkas")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("call_number"), FieldPanel("index_number")]),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("isbn")]),
                FieldPanel("physical_description"),
            ],
            heading=_("Monografi"),
        ),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("number"),
        index.SearchField("kind"),
        index.SearchField("abstract"),
        index.SearchField("extracted_text"),
        index.AutocompleteField("title"),
        index.FilterField("agency"),
        index.FilterField("is_published"),
        index.FilterField("document_type"),
        index.FilterField("year"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("dokumen hukum")
        verbose_name_plural = _("dokumen hukum")
        ordering = ["-year", "kind", "number"]
        indexes = [
            models.Index(fields=["agency", "is_published", "year"]),
            # The list's and the JDIHN feed's default order, newest first, to the last key
            # (issue 22): a page is read along it with no sort. Partial on the published
            # documents: Django writes `WHERE is_published` (no `= true`), which SQLite cannot
            # match with an index column but matches with an index's own condition.
            models.Index(
                fields=["agency", "-year", "-promulgated_on", "-id"],
                condition=models.Q(is_published=True),
                name="scale_legaldoc_newest_pk",
            ),
            # The DIP's order (regulations/infolist.py): its first 500 without sorting 5,000.
            models.Index(
                fields=["agency", "-year", "kind", "number"],
                condition=models.Q(is_published=True),
                name="scale_legaldoc_dip",
            ),
            # The JDIHN feed's Last-Modified: the newest change, one index entry.
            models.Index(fields=["agency", "-updated_at"], name="scale_legaldoc_updated"),
        ]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("regulations:detail", args=[self.pk])

    @property
    def short_name(self) -> str:
        """E.g. "Pergub Nomor 5 Tahun 2021"."""
        return short_name_of(self.kind, self.kind_abbreviation, self.number, self.year)

    @property
    def full_name(self) -> str:
        """E.g. "Peraturan Gubernur Nomor 5 Tahun 2021 tentang Disiplin ASN"."""
        if self.document_type == DocumentType.REGULATION:
            number = f" Nomor {self.number}" if self.number else ""
            return f"{self.kind}{number} Tahun {self.year} tentang {self.title}"
        return self.title

    def clean(self) -> None:
        super().clean()
        dates = [self.enacted_on, self.promulgated_on]
        if all(dates) and self.promulgated_on < self.enacted_on:
            raise ValidationError(
                {"promulgated_on": _("Tanggal pengundangan tidak boleh sebelum penetapan.")}
            )


class DocumentRelation(models.Model):
    """ "`source` amends / revokes / implements `target`", both documents of one agency."""

    class Kind(models.TextChoices):
        AMENDS = RelationKind.AMENDS.value, _("mengubah")
        REVOKES = RelationKind.REVOKES.value, _("mencabut")
        IMPLEMENTS = RelationKind.IMPLEMENTS.value, _("melaksanakan")

    # How the relation reads from the target's side ("dicabut dengan").
    INVERSE_LABELS = {
        RelationKind.AMENDS.value: _("diubah dengan"),
        RelationKind.REVOKES.value: _("dicabut dengan"),
        RelationKind.IMPLEMENTS.value: _("dilaksanakan dengan"),
    }

    source = models.ForeignKey(
        LegalDocument,
        verbose_name=_("dokumen"),
        on_delete=models.CASCADE,
        related_name="outgoing_relations",
    )
    kind = models.CharField(_("hubungan"), max_length=20, choices=Kind.choices)
    target = models.ForeignKey(
        LegalDocument,
        verbose_name=_("dokumen yang dituju"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )
    note = models.CharField(
        _("catatan"), max_length=255, blank=True, help_text=_("Mis. pasal yang diubah.")
    )

    panels = [FieldPanel("source"), FieldPanel("kind"), FieldPanel("target"), FieldPanel("note")]
    agency_scope = "source__agency"
    base_form_class = AgencyScopedAdminForm

    class Meta:
        verbose_name = _("hubungan dokumen")
        verbose_name_plural = _("hubungan dokumen")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="regulations_relation_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="regulations_relation_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"

    @property
    def inverse_label(self) -> str:
        return self.INVERSE_LABELS[self.kind]

    def clean(self) -> None:
        super().clean()
        if self.source_id and self.target_id:
            if self.source_id == self.target_id:
                raise ValidationError(
                    {"target": _("Dokumen tidak dapat berhubungan dengan dirinya.")}
                )
            if self.source.agency_id != self.target.agency_id:
                raise ValidationError(
                    {"target": _("Kedua dokumen harus milik instansi yang sama.")}
                )
