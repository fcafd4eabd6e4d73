"""The open-data catalogue: datasets (after Satu Data Indonesia / BPS MS-Keg and MS-Var), their
variables and resources, groups, and the data-sharing agreements that give partners a key."""

from __future__ import annotations

import hashlib
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import ClusterableModel
from wagtail.search import index

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.agencies.models import Agency, Unit
from lontar.opendata.files import safe_filename
from lontar.opendata.forms import ResourceAdminForm


class Group(models.Model):
    """A theme that groups datasets across agencies (CKAN group), e.g. "Kepegawaian"."""

    class EUTheme(models.TextChoices):
        """The EU data themes (DCAT-AP's dcat:theme vocabulary), so harvesters in other
        portals can place the group's datasets."""

        AGRI = "AGRI", _("Pertanian, perikanan, kehutanan, dan pangan")
        ECON = "ECON", _("Ekonomi dan keuangan")
        EDUC = "EDUC", _("Pendidikan, budaya, dan olahraga")
        ENER = "ENER", _("Energi")
        ENVI = "ENVI", _("Lingkungan")
        GOVE = "GOVE", _("Pemerintahan dan sektor publik")
        HEAL = "HEAL", _("Kesehatan")
        INTR = "INTR", _("Isu internasional")
        JUST = "JUST", _("Hukum dan keadilan")
        REGI = "REGI", _("Wilayah dan kota")
        SOCI = "SOCI", _("Penduduk dan masyarakat")
        TECH = "TECH", _("Sains dan teknologi")
        TRAN = "TRAN", _("Transportasi")

    # The CKAN `id`: stable for ever, while `name` (the slug) may be renamed.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.SlugField(_("nama (slug)"), max_length=80, unique=True)
    title = models.CharField(_("judul"), max_length=150)
    description = models.TextField(_("keterangan"), blank=True)
    eu_theme = models.CharField(
        _("tema data (kosakata UE)"),
        max_length=4,
        choices=EUTheme.choices,
        default=EUTheme.GOVE,
        help_text=_("Tema DCAT-AP untuk katalog yang dipanen portal lain."),
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("kelompok data")
        verbose_name_plural = _("kelompok data")

    def __str__(self) -> str:
        return self.title


class Dataset(index.Indexed, ClusterableModel):
    """One dataset of an agency (metadata after the SDI / MS-Keg core)."""

    class Frequency(models.TextChoices):
        DAILY = "harian", _("Harian")
        MONTHLY = "bulanan", _("Bulanan")
        QUARTERLY = "triwulanan", _("Triwulanan")
        SEMESTER = "semesteran", _("Semesteran")
        YEARLY = "tahunan", _("Tahunan")
        IRREGULAR = "tidak-tetap", _("Tidak tetap")
        CONTINUOUS = "terus-menerus", _("Terus-menerus (langsung dari sistem)")

    class Visibility(models.TextChoices):
        PUBLIC = "publik", _("Publik")
        PARTNERS = "mitra", _("Dibagikan kepada mitra")

    class License(models.TextChoices):
        CC_BY = "cc-by-4.0", _("Creative Commons Atribusi 4.0")
        CC0 = "cc-zero", _("CC0 (domain publik)")
        ODBL = "odc-odbl", _("Open Database License")
        RESTRICTED = "terbatas", _("Terbatas (perjanjian berbagi pakai data)")

    agency = models.ForeignKey(
        Agency, verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="datasets"
    )
    # The CKAN `id` harvesters key on: stable for ever, while the slug may be renamed.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("judul"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("deskripsi"))
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit produsen data"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    period_start = models.DateField(_("periode awal"), null=True, blank=True)
    period_end = models.DateField(_("periode akhir"), null=True, blank=True)
    frequency = models.CharField(
        _("frekuensi pemutakhiran"),
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.YEARLY,
    )
    license = models.CharField(
        _("lisensi"), max_length=20, choices=License.choices, default=License.CC_BY
    )
    contact_name = models.CharField(_("narahubung"), max_length=150, blank=True)
    contact_email = models.EmailField(_("surel narahubung"), blank=True)
    region_codes = models.CharField(
        _("kode wilayah"),
        max_length=200,
        blank=True,
        help_text=_("Kode wilayah Kemendagri dipisah koma, mis. 53, 53.01."),
    )
    tags = models.CharField(
        _("tag"), max_length=300, blank=True, help_text=_("Dipisah koma, mis. ASN, pegawai.")
    )
    groups = models.ManyToManyField(
        Group, verbose_name=_("kelompok"), blank=True, related_name="datasets"
    )
    visibility = models.CharField(
        _("keterbukaan"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("agency"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("unit"),
        MultiFieldPanel(
            [FieldPanel("period_start"), FieldPanel("period_end"), FieldPanel("frequency")],
            heading=_("Cakupan"),
        ),
        FieldPanel("license"),
        FieldPanel("contact_name"),
        FieldPanel("contact_email"),
        FieldPanel("region_codes"),
        FieldPanel("tags"),
        FieldPanel("groups"),
        FieldPanel("visibility"),
        InlinePanel("variables", label=_("Variabel")),
    ]
    base_form_class = AgencyScopedAdminForm

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("tags"),
        index.AutocompleteField("title"),
        index.FilterField("agency"),
        index.FilterField("visibility"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("dataset")
        verbose_name_plural = _("dataset")
        indexes = [
            # CKAN's package_search and the catalogue, newest first, without sorting every
            # public dataset of the platform (issue 22).
            models.Index(fields=["visibility", "-updated_at"], name="scale_dataset_updated"),
            # The public list, by title: a page read along the index, not a sort of them all.
            models.Index(fields=["visibility", "title", "id"], name="scale_dataset_title"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    @property
    def region_code_list(self) -> list[str]:
        return [code.strip() for code in self.region_codes.split(",") if code.strip()]

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


class Variable(models.Model):
    """A variable of the dataset (MS-Var): its definition, unit of measure and type."""

    class DataType(models.TextChoices):
        TEXT = "text", _("Teks")
        INTEGER = "int", _("Bilangan bulat")
        NUMBER = "numeric", _("Bilangan desimal")
        DATE = "date", _("Tanggal")

    dataset = ParentalKey(Dataset, on_delete=models.CASCADE, related_name="variables")
    name = models.CharField(_("nama variabel"), max_length=100)
    definition = models.TextField(_("definisi"), blank=True)
    unit_of_measure = models.CharField(_("satuan"), max_length=60, blank=True)
    data_type = models.CharField(
        _("tipe data"), max_length=10, choices=DataType.choices, default=DataType.TEXT
    )
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("variabel")
        verbose_name_plural = _("variabel")

    def __str__(self) -> str:
        return self.name


MAX_UPLOAD_BYTES = 10 * 1024 * 1024
RESOURCE_DIR = "opendata/sumber"
SAFE_EXTENSIONS = frozenset({"csv", "xlsx", "json"})


def private_storage():
    """Resource files live outside public media: a partner-only table must never be reachable
    by a guessable /media/ URL, so every file is served through the download view's checks."""
    from django.core.files.storage import storages

    return storages["private"]


def random_file_name(original: str, fallback_extension: str = "bin") -> str:
    """A server-chosen, unguessable path that keeps only a known extension of the upload."""
    extension = original.rsplit(".", 1)[-1].lower() if "." in original else ""
    if extension not in SAFE_EXTENSIONS:
        extension = fallback_extension.lower()
    if extension not in SAFE_EXTENSIONS:
        extension = "bin"
    return f"{RESOURCE_DIR}/{uuid.uuid4().hex}.{extension}"


def resource_upload_to(instance: Resource, filename: str) -> str:
    # Called when the file is stored; the only moment the uploader's name is still known.
    instance.original_filename = safe_filename(filename, fallback="")
    return random_file_name(filename, instance.format or "bin")


class Resource(models.Model):
    """A distribution of a dataset: an uploaded file or a live table generated by the portal."""

    agency_scope = "dataset__agency"

    class Format(models.TextChoices):
        CSV = "CSV", "CSV"
        XLSX = "XLSX", "XLSX"
        JSON = "JSON", "JSON"

    dataset = models.ForeignKey(
        Dataset, verbose_name=_("dataset"), on_delete=models.CASCADE, related_name="resources"
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("nama"), max_length=200)
    description = models.TextField(_("keterangan"), blank=True)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.CSV
    )
    file = models.FileField(
        _("berkas"),
        upload_to=resource_upload_to,
        storage=private_storage,
        max_length=200,
        blank=True,
    )
    # After `file`: the value is read when saving, after the upload has named it.
    original_filename = models.CharField(
        _("nama berkas asli"), max_length=255, blank=True, editable=False
    )
    generator = models.CharField(
        _("sumber langsung"),
        max_length=60,
        blank=True,
        help_text=_("Kosongkan bila mengunggah berkas."),
    )
    download_count = models.PositiveIntegerField(_("jumlah unduhan"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = ResourceAdminForm

    class Meta:
        ordering = ["dataset", "pk"]
        verbose_name = _("sumber data")
        verbose_name_plural = _("sumber data")

    def __str__(self) -> str:
        return self.name

    @property
    def is_live(self) -> bool:
        return bool(self.generator)

    def download_filename(self) -> str:
        """The name offered to the browser: the uploader's (sanitised) or one from the title."""
        if self.generator or not self.file:
            return f"{slugify(self.name) or 'data'}.csv"
        extension = self.file.name.rsplit(".", 1)[-1]
        fallback = f"{slugify(self.name) or 'data'}.{extension}"
        return safe_filename(self.original_filename, fallback=fallback)

    def clean(self) -> None:
        from lontar.opendata.generators import GENERATORS

        if self.generator and self.generator not in GENERATORS:
            known = ", ".join(sorted(GENERATORS))
            raise ValidationError({"generator": _("Sumber langsung dikenal: %s.") % known})
        if bool(self.generator) == bool(self.file):
            raise ValidationError(_("Isi salah satu: unggah berkas atau pilih sumber langsung."))
        if self.file and not getattr(self.file, "_committed", True):
            self._check_upload()

    def _check_upload(self) -> None:
        from lontar.opendata import tabular

        if not self.file.name.lower().endswith("." + self.format.lower()):
            raise ValidationError({"file": _("Ekstensi berkas tidak sesuai dengan format.")})
        if self.file.size > MAX_UPLOAD_BYTES:
            raise ValidationError({"file": _("Berkas lebih dari 10 MB.")})
        data = self.file.read()
        self.file.seek(0)
        try:
            table = tabular.parse(data, self.format)
        except Exception as error:  # any parser failure means "not a table"
            raise ValidationError(
                {"file": _("Berkas tidak dapat dibaca sebagai tabel.")}
            ) from error
        if not table.columns:
            raise ValidationError({"file": _("Baris pertama berkas harus berisi nama kolom.")})


class PartnerAgreement(models.Model):
    """A data-sharing agreement (perjanjian berbagi pakai data) with a partner."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="partner_agreements",
    )
    partner_name = models.CharField(_("mitra (instansi/organisasi)"), max_length=200)
    purpose = models.TextField(_("tujuan"))
    legal_basis = models.TextField(_("dasar hukum"))
    datasets = models.ManyToManyField(
        Dataset, verbose_name=_("dataset yang dicakup"), related_name="agreements"
    )
    starts_on = models.DateField(_("mulai berlaku"))
    ends_on = models.DateField(_("berakhir"))
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)

    base_form_class = AgencyScopedAdminForm

    class Meta:
        ordering = ["partner_name"]
        verbose_name = _("perjanjian berbagi data")
        verbose_name_plural = _("perjanjian berbagi data")

    def __str__(self) -> str:
        return self.partner_name

    def is_active(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and self.starts_on <= today <= self.ends_on


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class PartnerKey(models.Model):
    """An API key of an agreement; only its hash is stored (the key is shown once)."""

    agency_scope = "agreement__agency"

    agreement = models.ForeignKey(
        PartnerAgreement,
        verbose_name=_("perjanjian"),
        on_delete=models.CASCADE,
        related_name="keys",
    )
    label = models.CharField(_("label"), max_length=100)
    prefix = models.CharField(max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("kunci mitra")
        verbose_name_plural = _("kunci mitra")

    def __str__(self) -> str:
        return f"{self.label} ({self.prefix}…)"


class PartnerKeyUse(models.Model):
    """One use of a partner key (allowed or refused)."""

    agency_scope = "key__agreement__agency"

    key = models.ForeignKey(PartnerKey, on_delete=models.CASCADE, related_name="uses")
    at = models.DateTimeField(default=timezone.now)
    path = models.CharField(max_length=300)
    dataset = models.ForeignKey(
        Dataset, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    allowed = models.BooleanField(default=False)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("penggunaan kunci mitra")
        verbose_name_plural = _("penggunaan kunci mitra")

    def __str__(self) -> str:
        return f"{self.key} · {self.at:%Y-%m-%d %H:%M} · {self.path}"
