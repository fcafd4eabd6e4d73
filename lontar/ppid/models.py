"""Information requests (permohonan informasi publik) and their legal record."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from lontar.agencies.models import Agency, Unit, nip_validator
from lontar.ppid.notices import NoticeChannel, NoticeKind
from lontar.ppid.numbering import DEFAULT_PATTERN
from lontar.ppid.settings_form import PPIDSettingsForm, validate_number_pattern
from lontar.ppid.states import Decision, Status


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


def _random_pdf_path(folder: str) -> str:
    # Server-chosen and unguessable: nothing about the request can be read from the path.
    return f"ppid/{folder}/{uuid.uuid4().hex}.pdf"


def receipt_upload_to(instance, filename: str) -> str:
    return _random_pdf_path("tanda-terima")


def notice_upload_to(instance, filename: str) -> str:
    return _random_pdf_path("pemberitahuan")


def sent_notice_upload_to(instance, filename: str) -> str:
    return _random_pdf_path("surat")


def signature_upload_to(instance, filename: str) -> str:
    suffix = ".png" if str(filename).lower().endswith(".png") else ".jpg"
    return f"ppid/ttd/{uuid.uuid4().hex}{suffix}"


RETENTION_YEARS_MIN, RETENTION_YEARS_MAX = 1, 30
COPY_TARIFF_MAX_LENGTH = 1000


class PPIDSettings(models.Model):
    """How one agency's PPID desk works: number format, required uploads, retention, tariff."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="ppid_settings")
    # A pattern in the token language of numbering.py, never a Python format string.
    number_format = models.CharField(
        _("format nomor pendaftaran"),
        max_length=80,
        default=DEFAULT_PATTERN,
        validators=[validate_number_pattern],
        help_text=_("Kunci: {nomor}, {nomor:N}, {singkatan}, {bulan}, {bulan_romawi}, {tahun}."),
    )
    require_identity_scan = models.BooleanField(_("wajib unggah KTP/identitas"), default=False)
    retention_years = models.PositiveSmallIntegerField(
        _("masa simpan data pribadi pemohon (tahun)"),
        default=5,
        validators=[
            MinValueValidator(
                RETENTION_YEARS_MIN, _("Masa simpan paling singkat %(limit_value)s tahun.")
            ),
            MaxValueValidator(
                RETENTION_YEARS_MAX, _("Masa simpan paling lama %(limit_value)s tahun.")
            ),
        ],
        help_text=_("1 sampai 30 tahun."),
    )
    copy_tariff = models.TextField(
        _("standar biaya salinan"),
        blank=True,
        max_length=COPY_TARIFF_MAX_LENGTH,
        # Only the agency's own decision is ever shown; until it decides, copies are free
        # (ppid/costs.py). No figure is offered in its name.
        default="",
        help_text=_("Isi sesuai keputusan pimpinan tentang standar biaya. Kosong = gratis."),
    )
    payment_instructions = models.TextField(
        _("cara dan tempat pembayaran"),
        blank=True,
        max_length=COPY_TARIFF_MAX_LENGTH,
        help_text=_("Diusulkan pada pemberitahuan yang memuat biaya."),
    )
    privacy_officer = models.CharField(
        _("pejabat pelindungan data pribadi"), max_length=200, blank=True
    )
    # The signature block of every written notice (issue 16): the official who signs, the NIP
    # and an uploaded specimen signature, kept in the private storage (never public).
    signatory_name = models.CharField(_("nama pejabat penanda tangan"), max_length=200, blank=True)
    signatory_nip = models.CharField(
        _("NIP pejabat penanda tangan"), max_length=18, blank=True, validators=[nip_validator]
    )
    signatory_position = models.CharField(_("jabatan penanda tangan"), max_length=200, blank=True)
    signature_specimen = models.FileField(
        _("spesimen tanda tangan (PNG/JPEG)"),
        storage=private_storage,
        upload_to=signature_upload_to,
        blank=True,
        help_text=_(
            "Gambar tanda tangan untuk pemberitahuan tertulis; tidak pernah ditampilkan publik."
        ),
    )

    panels = [
        FieldPanel("agency"),
        FieldPanel("number_format"),
        FieldPanel("require_identity_scan"),
        FieldPanel("retention_years"),
        FieldPanel("copy_tariff"),
        FieldPanel("payment_instructions"),
        FieldPanel("privacy_officer"),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_nip"),
                FieldPanel("signatory_position"),
                FieldPanel("signature_specimen"),
            ],
            heading=_("Penanda tangan pemberitahuan tertulis"),
        ),
    ]
    base_form_class = PPIDSettingsForm

    class Meta:
        verbose_name = _("pengaturan PPID")
        verbose_name_plural = _("pengaturan PPID")

    def __str__(self) -> str:
        return str(self.agency)


class RegistrationCounter(models.Model):
    """The last registration number given by an agency in a year; locked while numbering."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_counter_per_agency_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"


class InformationRequest(models.Model):
    """A request for public information, from receipt to completion (UU 14/2008 Pasal 22)."""

    class Channel(models.TextChoices):
        WEB = "web", _("Formulir daring")
        LETTER = "surat", _("Surat")
        EMAIL = "surel", _("Surel")
        IN_PERSON = "langsung", _("Datang langsung")

    class IdentityKind(models.TextChoices):
        PERSON = "perorangan", _("Perorangan (NIK)")
        LEGAL_ENTITY = "badan_hukum", _("Badan hukum (nomor SK pengesahan)")
        GROUP = "kelompok", _("Kelompok orang (melalui wakil)")

    class ObtainMethod(models.TextChoices):
        SEE = "melihat", _("Melihat/membaca/mendengarkan/mencatat")
        SOFTCOPY = "salinan_elektronik", _("Salinan elektronik (softcopy)")
        HARDCOPY = "salinan_cetak", _("Salinan cetak (hardcopy)")

    class DeliveryMethod(models.TextChoices):
        PICK_UP = "ambil", _("Mengambil langsung")
        POST = "pos", _("Pos/kurir")
        EMAIL = "surel", _("Surel")

    class InformationForm(models.TextChoices):
        SOFTCOPY = "softcopy", _("Softcopy (elektronik)")
        HARDCOPY = "hardcopy", _("Hardcopy (cetak)")
        BOTH = "keduanya", _("Softcopy dan hardcopy")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="information_requests"
    )
    number = models.CharField(_("nomor pendaftaran"), max_length=80, db_index=True)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    tracking_code_hash = models.CharField(max_length=64)
    channel = models.CharField(_("saluran"), max_length=10, choices=Channel.choices)
    received_at = models.DateTimeField(_("diterima"))
    registered_at = models.DateTimeField(_("didaftarkan"), default=timezone.now)

    # Requester — personal data: never on public pages, in logs or in other roles' exports.
    name = models.CharField(_("nama lengkap"), max_length=200)
    identity_kind = models.CharField(
        _("jenis pemohon"), max_length=12, choices=IdentityKind.choices
    )
    nik_encrypted = models.TextField(blank=True)
    nik_lookup = models.CharField(max_length=64, blank=True, db_index=True)
    legal_entity_decree = models.CharField(_("nomor SK badan hukum"), max_length=120, blank=True)
    address = models.TextField(_("alamat"))
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=120, blank=True)
    identity_scan = models.FileField(
        _("pindaian KTP/identitas"),
        storage=private_storage,
        upload_to="ppid/identitas/",
        blank=True,
    )
    proxy_letter = models.FileField(
        _("surat kuasa"), storage=private_storage, upload_to="ppid/kuasa/", blank=True
    )
    consent_at = models.DateTimeField(_("persetujuan pemrosesan data"), null=True, blank=True)
    # The exact privacy notice the requester agreed to (ppid/privacy.py), web and intake alike.
    consent_text = models.TextField(_("teks pemberitahuan privasi yang disetujui"), blank=True)
    consent_version = models.CharField(max_length=40, blank=True)
    # Groups of people (kelompok orang) request through a representative (`name`).
    group_name = models.CharField(_("nama kelompok"), max_length=200, blank=True)
    group_mandate = models.FileField(
        _("bukti kuasa kelompok"),
        storage=private_storage,
        upload_to="ppid/kuasa-kelompok/",
        blank=True,
    )
    filed_by_proxy = models.BooleanField(_("diajukan oleh kuasa"), default=False)
    represented_person = models.CharField(_("pihak yang diwakili"), max_length=200, blank=True)
    notice_channel = models.CharField(
        _("pemberitahuan disampaikan melalui"),
        max_length=10,
        blank=True,
        choices=NoticeChannel.choices,
    )

    information_requested = models.TextField(_("rincian informasi yang diminta"))
    purpose = models.TextField(_("tujuan penggunaan informasi"))
    obtain_method = models.CharField(
        _("cara memperoleh informasi"), max_length=20, choices=ObtainMethod.choices
    )
    # Blank when the requester only views the information: nothing is delivered.
    delivery_method = models.CharField(
        _("cara mendapatkan salinan"), max_length=10, choices=DeliveryMethod.choices, blank=True
    )
    public_summary = models.CharField(
        _("ringkasan untuk register publik"),
        max_length=300,
        blank=True,
        help_text=_("Ditulis petugas tanpa data pribadi; tampil di register publik."),
    )

    # The legal clock, computed once at receipt and stored with the days it skipped.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    notice_due = models.DateField(_("batas pemberitahuan tertulis"))
    extended_due = models.DateField(_("batas bila diperpanjang"))
    skipped_days = models.JSONField(default=list)
    extended_at = models.DateTimeField(null=True, blank=True)
    extension_reason = models.TextField(_("alasan perpanjangan"), blank=True)

    assigned_unit = models.ForeignKey(
        Unit, verbose_name=_("unit pengolah"), null=True, blank=True, on_delete=models.SET_NULL
    )
    internal_due = models.DateField(_("batas internal unit"), null=True, blank=True)
    disposition_note = models.TextField(_("catatan disposisi"), blank=True)

    # The written notice (pemberitahuan tertulis), UU 14/2008 Pasal 22 ayat (7) a–g.
    decision = models.CharField(_("keputusan"), max_length=30, choices=Decision.choices, blank=True)
    information_held = models.BooleanField(_("informasi dikuasai"), default=True)
    holder_body = models.CharField(_("badan publik yang menguasai"), max_length=200, blank=True)
    # The grounds as one line (the register shows it) and as a list (the notice, the report).
    refusal_ground = models.CharField(_("dasar pengecualian"), max_length=300, blank=True)
    refusal_grounds = models.JSONField(_("dasar pengecualian (Pasal 17)"), default=list, blank=True)
    exemption_years = models.PositiveSmallIntegerField(
        _("jangka waktu pengecualian (tahun)"), null=True, blank=True
    )
    consequence_test = models.TextField(_("uji konsekuensi"), blank=True)
    exempt_list_reference = models.CharField(
        _("rujukan daftar informasi dikecualikan"), max_length=120, blank=True
    )
    material_given = models.TextField(_("materi informasi yang diberikan"), blank=True)
    redaction_note = models.TextField(_("penghitaman dan alasannya"), blank=True)
    delivery_format = models.CharField(_("cara dan format penyampaian"), max_length=200, blank=True)
    cost_amount = models.PositiveIntegerField(_("biaya (Rp)"), default=0)
    cost_note = models.CharField(_("rincian biaya dan cara bayar"), max_length=300, blank=True)
    documentation_days = models.PositiveSmallIntegerField(
        _("waktu pendokumentasian (hari)"), null=True, blank=True
    )
    payment_method = models.CharField(_("cara dan tempat pembayaran"), max_length=300, blank=True)
    # Register columns of Perki 1/2021 (register permohonan).
    information_form = models.CharField(
        _("bentuk informasi yang dikuasai"),
        max_length=10,
        choices=InformationForm.choices,
        blank=True,
    )
    information_given_on = models.DateField(_("tanggal informasi diberikan"), null=True, blank=True)
    register_remarks = models.CharField(_("keterangan register"), max_length=300, blank=True)
    # Generated documents are built once and served from storage (see ppid/documents.py).
    notice_pdf = models.FileField(storage=private_storage, upload_to=notice_upload_to, blank=True)
    receipt_pdf = models.FileField(
        storage=private_storage, upload_to=receipt_upload_to, blank=True, editable=False
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    retain_personal_data_until = models.DateField(null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)
    # The provincial PPID structure (issue 18; ppid/utama.py, ppid/forwarding.py): the PPID
    # Pelaksana the PPID Utama disposed the request to, and the request it was forwarded from.
    handling_agency = models.ForeignKey(
        Agency,
        verbose_name=_("didisposisikan ke PPID Pelaksana"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disposed_requests",
    )
    forwarded_from = models.OneToOneField(
        "self",
        verbose_name=_("diteruskan dari"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forwarded_to",
    )

    agency_scope = "agency"

    class Meta:
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "sequence"], name="request_number_unique_per_year"
            )
        ]
        indexes = [
            models.Index(fields=["agency", "status", "notice_due"]),
            # The public register, newest first, at any depth of pagination (issue 22).
            models.Index(fields=["agency", "-received_at"], name="scale_request_received"),
            # The PPID queue: the few open requests among years of closed ones (issue 22).
            # By status first: the open ones are read along it, without a row of the table.
            models.Index(fields=["status", "agency", "handling_agency"], name="scale_request_open"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in Status.open_statuses()

    @property
    def current_due(self):
        return self.extended_due if self.extended_at else self.notice_due

    @cached_property
    def skipped_explanation(self) -> str:
        from lontar.ppid.clock import explain_due

        return explain_due(self)


class RequestEvent(models.Model):
    """One step in a request's life: append-only, the legal record of who did what and when."""

    information_request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    kind = models.CharField(max_length=30)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    public_note = models.TextField(blank=True)
    internal_note = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("Request events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Request events are append-only.")


class ReleasedDocument(models.Model):
    """A document released to the requester, downloadable with the tracking code."""

    information_request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("judul"), max_length=200)
    file = models.FileField(storage=private_storage, upload_to="ppid/dokumen/")
    added_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.title


class PersonalFileAccess(models.Model):
    """Each time a staff member opens an identity scan or proxy letter."""

    information_request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    which = models.CharField(max_length=30)
    at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id} {self.which} {self.at:%Y-%m-%d %H:%M}"


class ReminderSent(models.Model):
    """A deadline reminder e-mailed to the officers: at most one per request, kind and day."""

    class Kind(models.TextChoices):
        FIVE_DAYS = "h-5", _("5 hari kerja sebelum batas waktu")
        TWO_DAYS = "h-2", _("2 hari kerja sebelum batas waktu")
        DUE_TODAY = "h-0", _("hari batas waktu")
        OVERDUE = "terlambat", _("melewati batas waktu")

    information_request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    sent_on = models.DateField()
    due = models.DateField()
    recipient_count = models.PositiveSmallIntegerField(default=0)
    escalated = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["information_request", "kind", "sent_on"], name="one_reminder_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.information_request_id} {self.kind} {self.sent_on}"


class Notice(models.Model):
    """One notice to the requester, numbered, dated, signed and kept exactly as it was sent.

    The PDF is written once and never rebuilt; delivery on paper is recorded by an officer,
    by e-mail when the outbox reports that the mail server accepted the mail that carries it
    (`email_key` names that outbox message; ppid/notice_services.py).
    """

    information_request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=NoticeKind.choices)
    sequence = models.PositiveSmallIntegerField()
    number = models.CharField(_("nomor surat"), max_length=120)
    issued_on = models.DateField(_("tanggal surat"))
    signatory = models.CharField(_("penanda tangan"), max_length=200)
    pdf = models.FileField(storage=private_storage, upload_to=sent_notice_upload_to, blank=True)
    channel = models.CharField(
        _("disampaikan melalui"), max_length=10, choices=NoticeChannel.choices
    )
    delivered_at = models.DateTimeField(_("disampaikan pada"), null=True, blank=True)
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    delivery_note = models.CharField(_("catatan penyampaian"), max_length=300, blank=True)
    # The outbox key of the e-mail carrying this notice (core.OutboxMessage.key), when e-mailed.
    email_key = models.CharField(max_length=200, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["information_request", "sequence"], name="one_notice_number_per_request"
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_delivered(self) -> bool:
        return self.delivered_at is not None
