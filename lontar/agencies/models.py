"""Agencies (instansi), their organisational units, and the staff who work in them.

Every domain record in Lontar belongs to an agency; one installation hosts many agencies (a
province's Diskominfo hosts the sites of all its OPD), each on its own Wagtail Site.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from lontar.agencies import theme
from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.core import public_urls

INDONESIAN_TIME_ZONES = [
    ("Asia/Jakarta", _("WIB (Asia/Jakarta)")),
    ("Asia/Makassar", _("WITA (Asia/Makassar)")),
    ("Asia/Jayapura", _("WIT (Asia/Jayapura)")),
]

nip_validator = RegexValidator(
    r"^\d{18}$", _("NIP terdiri atas 18 angka tanpa spasi."), code="invalid_nip"
)


def validate_theme_colour(value: str) -> None:
    """A theme colour must read as text on white and carry white text (WCAG AA, theme.py)."""
    problem = theme.colour_problem(value)
    if problem:
        raise ValidationError(problem, code="low_contrast")


class Agency(index.Indexed, models.Model):
    """A public body (Badan Publik) with its own site: a province, regency, city or an OPD."""

    class Kind(models.TextChoices):
        PROVINCE = "provinsi", _("Pemerintah Provinsi")
        REGENCY = "kabupaten", _("Pemerintah Kabupaten")
        CITY = "kota", _("Pemerintah Kota")
        OPD = "opd", _("Perangkat Daerah (OPD)")

    class PPIDRole(models.TextChoices):
        MAIN = "utama", _("PPID Utama")
        BRANCH = "pelaksana", _("PPID Pelaksana")

    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(
        _("nama singkat"), max_length=40, unique=True, help_text=_("Mis. BKD, Diskominfo.")
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    # The organisation `id` of the CKAN API: stable for ever, while the slug may be renamed.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices, default=Kind.OPD)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("instansi induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("situs"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("koleksi media"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The one address every absolute link of this agency starts with (lontar/core/public_urls.py).
    public_base_url = models.CharField(
        _("alamat publik"),
        max_length=200,
        blank=True,
        validators=[public_urls.validate_base_url],
        help_text=_(
            "Alamat situs ini bagi warga: skema, nama host dan port bila bukan 80/443, tanpa "
            "jalur. Mis. https://bkd.example.go.id. Semua tautan di peta situs, umpan, surel, "
            "API dan PDF dibuat dari alamat ini."
        ),
    )
    tagline = models.CharField(_("slogan"), max_length=200, blank=True)
    # Theming (agencies/theme.py): both colours are checked for WCAG AA contrast against white.
    brand_colour = models.CharField(
        _("warna utama"),
        max_length=7,
        blank=True,
        validators=[validate_theme_colour],
        help_text=_(
            "Kode heksadesimal, mis. #0b4f6c: latar kepala situs dan tombol, warna tautan."
        ),
    )
    accent_colour = models.CharField(
        _("warna aksen"),
        max_length=7,
        blank=True,
        validators=[validate_theme_colour],
        help_text=_("Kode heksadesimal, mis. #8a4b08: garis kutipan dan tombol yang ditekan."),
    )
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    whatsapp = models.CharField(_("WhatsApp layanan"), max_length=40, blank=True)
    office_hours = models.TextField(
        _("jam layanan"), blank=True, help_text=_("Satu baris per hari atau rentang hari.")
    )
    time_zone = models.CharField(
        _("zona waktu"), max_length=40, choices=INDONESIAN_TIME_ZONES, default="Asia/Makassar"
    )
    ppid_role = models.CharField(
        _("kedudukan PPID"), max_length=20, choices=PPIDRole.choices, default=PPIDRole.BRANCH
    )
    ppid_name = models.CharField(_("nama PPID"), max_length=200, blank=True)
    ppid_email = models.EmailField(_("surel PPID"), blank=True)
    ppid_phone = models.CharField(_("telepon PPID"), max_length=40, blank=True)
    # Read-only retirement (lontar/core/retirement.py): the pages stay readable, every public
    # form and the staff login on this site close, and a banner points to the successor.
    retired_at = models.DateTimeField(
        _("dipensiunkan sejak"),
        null=True,
        blank=True,
        help_text=_(
            "Isi bila situs ini tidak lagi dikelola: halaman tetap dapat dibaca, tetapi semua "
            "formulir publik dan login pegawai di situs ini ditutup. Kosongkan untuk membukanya "
            "kembali."
        ),
    )
    successor_url = models.URLField(
        _("alamat pengganti"),
        blank=True,
        help_text=_("Situs yang kini melayani warga, mis. situs instansi penerus."),
    )
    retirement_note = models.CharField(
        _("keterangan penutupan"),
        max_length=300,
        blank=True,
        help_text=_("Satu atau dua kalimat untuk warga, mis. alasan dan ke mana harus pergi."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
                FieldPanel("public_base_url"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
                FieldRowPanel([FieldPanel("brand_colour"), FieldPanel("accent_colour")]),
            ],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("whatsapp"), FieldPanel("email")]),
                FieldPanel("office_hours"),
                FieldPanel("time_zone"),
            ],
            heading=_("Kontak dan layanan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ppid_role"),
                FieldPanel("ppid_name"),
                FieldRowPanel([FieldPanel("ppid_email"), FieldPanel("ppid_phone")]),
            ],
            heading=_("PPID"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("retired_at"),
                FieldPanel("successor_url"),
                FieldPanel("retirement_note"),
            ],
            heading=_("Penutupan situs (hanya baca)"),
            classname="collapsed",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("short_name")]
    agency_scope = "self"
    base_form_class = AgencyScopedAdminForm

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.public_base_url:
            try:
                self.public_base_url = public_urls.normalise_base_url(self.public_base_url)
            except ValueError:
                pass  # the field's validator has said why
        for name in ("brand_colour", "accent_colour"):
            try:
                setattr(self, name, theme.normalise(getattr(self, name)))
            except ValueError:
                pass  # empty (the default colours) or refused by the field's validator

    def absolute_url(self, path: str) -> str:
        """The absolute URL of a site path on this agency's public address."""
        return public_urls.absolute_url(self, path)

    @property
    def base_url(self) -> str:
        """This agency's public origin, e.g. "https://bkd.example.go.id" (no trailing slash)."""
        return public_urls.base_url(self)

    @property
    def zone(self) -> ZoneInfo:
        """The agency's time zone: the one its deadlines, periods and reports are counted in."""
        return ZoneInfo(self.time_zone)

    def now(self) -> datetime:
        """The current moment on the agency's wall clock (aware, in `zone`)."""
        return timezone.now().astimezone(self.zone)

    def today(self) -> date:
        """Today's date where the agency is: the one date every deadline, survey period and
        report of the agency starts from (not the installation's TIME_ZONE)."""
        return self.now().date()

    @property
    def is_retired(self) -> bool:
        """True once the retirement moment has come: the site is read-only from then on."""
        return self.retired_at is not None and self.retired_at <= timezone.now()

    @property
    def theme_css(self) -> str:
        """The inline CSS giving this agency's site its colours ("" for the defaults)."""
        return theme.theme_css(brand=self.brand_colour, accent=self.accent_colour)

    @property
    def office_hour_lines(self) -> list[str]:
        return [line.strip() for line in self.office_hours.splitlines() if line.strip()]


class Unit(index.Indexed, models.Model):
    """An organisational unit of an agency (Sekretariat, Bidang, UPT), with its tugas & fungsi."""

    class Kind(models.TextChoices):
        LEADERSHIP = "pimpinan", _("Pimpinan")
        SECRETARIAT = "sekretariat", _("Sekretariat")
        DIVISION = "bidang", _("Bidang")
        SUBDIVISION = "subbagian", _("Subbagian/Subbidang")
        TECHNICAL = "upt", _("UPT")
        FUNCTIONAL = "fungsional", _("Kelompok Jabatan Fungsional")

    agency = models.ForeignKey(
        Agency, verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    name = models.CharField(_("nama unit"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices, default=Kind.DIVISION)
    head_title = models.CharField(_("jabatan pimpinan unit"), max_length=200, blank=True)
    duties = RichTextField(
        _("tugas pokok dan fungsi"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
    )
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent"), FieldPanel("sort_order")]),
        FieldPanel("head_title"),
        FieldPanel("duties"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("agency")]
    base_form_class = AgencyScopedAdminForm

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["agency", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="unit_slug_unique_in_agency")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class StaffProfile(index.Indexed, models.Model):
    """A staff member (ASN) of one agency: the person behind a login, a byline or a decision."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="staff"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
    )
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        blank=True,
        validators=[nip_validator],
        help_text=_("Nomor Induk Pegawai, 18 angka. Kosongkan untuk non-ASN."),
    )
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    slug = models.SlugField(_("slug halaman penulis"), max_length=80, unique=True)
    bio = models.TextField(_("profil singkat"), blank=True)
    # Perki 1/2021 lists the profiles of officials (career, education) as information available
    # at any time; optional, and published only where the agency chooses (issue 21).
    education = models.TextField(_("riwayat pendidikan"), blank=True, max_length=2000)
    career = models.TextField(_("riwayat karier"), blank=True, max_length=2000)
    shown_on_ppid_page = models.BooleanField(
        _("tampilkan di halaman PPID"),
        default=False,
        help_text=_("Nama, jabatan, riwayat pendidikan dan karier tampil di halaman /ppid/."),
    )

    panels = [
        FieldPanel("user", read_only=True),
        FieldRowPanel([FieldPanel("agency"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("nip"), FieldPanel("position")]),
        FieldPanel("photo"),
        FieldPanel("slug"),
        FieldPanel("bio"),
        FieldPanel("education"),
        FieldPanel("career"),
        FieldPanel("shown_on_ppid_page"),
    ]
    search_fields = [index.SearchField("position"), index.FilterField("agency")]
    base_form_class = AgencyScopedAdminForm

    class Meta:
        verbose_name = _("profil staf")
        verbose_name_plural = _("profil staf")
        ordering = ["agency", "user__first_name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"], condition=~models.Q(nip=""), name="staff_nip_unique_when_set"
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @cached_property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class WorkingDayOverride(models.Model):
    """An agency's correction to the national calendar: an extra closure, or a holiday that
    does not apply (decrees change mid-year, after the holidays package was released)."""

    class Kind(models.TextChoices):
        CLOSED = "tutup", _("Libur tambahan (kantor tutup)")
        WORKING = "masuk", _("Hari libur dibatalkan (kantor buka)")

    agency = models.ForeignKey(
        Agency, verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="calendar"
    )
    day = models.DateField(_("tanggal"))
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    reason = models.CharField(_("alasan/dasar"), max_length=200)

    panels = [FieldPanel("agency"), FieldPanel("day"), FieldPanel("kind"), FieldPanel("reason")]
    base_form_class = AgencyScopedAdminForm

    class Meta:
        verbose_name = _("koreksi hari kerja")
        verbose_name_plural = _("koreksi hari kerja")
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="one_override_per_agency_day")
        ]

    def __str__(self) -> str:
        return f"{self.day:%d-%m-%Y} {self.get_kind_display()}: {self.reason}"


class AgencyCalendarSettings(models.Model):
    """Whether cuti bersama counts as a working day for this agency's legal deadlines."""

    agency = models.OneToOneField(
        Agency, on_delete=models.CASCADE, related_name="calendar_settings"
    )
    cuti_bersama_is_working_day = models.BooleanField(
        _("cuti bersama dihitung hari kerja"),
        default=False,
        help_text=_("Bawaan: tidak. Ubah hanya bila pimpinan menetapkan kantor tetap buka."),
    )

    panels = [FieldPanel("agency"), FieldPanel("cuti_bersama_is_working_day")]
    base_form_class = AgencyScopedAdminForm

    class Meta:
        verbose_name = _("pengaturan kalender")
        verbose_name_plural = _("pengaturan kalender")

    def __str__(self) -> str:
        return str(self.agency)
