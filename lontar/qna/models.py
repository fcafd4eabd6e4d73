"""Questions from the public, the agency's answers, and what of them is public.

Pre-moderation: nothing is shown publicly until staff publish it, and what is shown is the
public text (`public_question`, `public_answer`), redacted by staff before publishing.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from lontar.agencies.owned import AgencyOwned
from lontar.qna.states import Status  # re-exported: the table lives in states.py


class Category(models.TextChoices):
    PROMOTION = "kenaikan-pangkat", _("Kenaikan pangkat")
    RETIREMENT = "pensiun", _("Pensiun")
    TRANSFER = "mutasi", _("Mutasi")
    LEAVE = "cuti", _("Cuti")
    RECRUITMENT = "cpns-pppk", _("CPNS/PPPK")
    DISCIPLINE = "disiplin", _("Disiplin")
    SALARY = "gaji", _("Gaji")
    OTHER = "lainnya", _("Lainnya")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class QuestionQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Question(index.Indexed, AgencyOwned):
    asker_name = models.CharField(_("nama penanya"), max_length=200)
    email = models.EmailField(_("surel"))
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    category = models.CharField(_("kategori"), max_length=30, choices=Category.choices)
    anonymous_in_public = models.BooleanField(_("anonim di publik"), default=True)
    question_text = models.TextField(_("pertanyaan"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    tracking_token = models.CharField(
        _("token lacak"), max_length=64, unique=True, default=new_token, editable=False
    )
    assigned_unit = models.ForeignKey(
        "agencies.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit penjawab"),
    )
    public_question = models.TextField(_("pertanyaan (versi publik)"), blank=True)
    public_answer = models.TextField(_("jawaban (versi publik)"), blank=True)
    created_at = models.DateTimeField(_("diterima"), auto_now_add=True)
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    helpful_yes = models.PositiveIntegerField(_("membantu"), default=0)
    helpful_no = models.PositiveIntegerField(_("tidak membantu"), default=0)

    objects = QuestionQuerySet.as_manager()

    search_fields = [
        index.SearchField("public_question", boost=2),
        index.SearchField("public_answer"),
        index.FilterField("agency"),
        index.FilterField("status"),
        index.FilterField("category"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pertanyaan")
        verbose_name_plural = _("pertanyaan")
        default_related_name = "questions"
        # The published questions, newest first (issue 22).
        indexes = [
            models.Index(
                fields=["agency", "status", "-published_at"], name="scale_question_published"
            )
        ]

    def __str__(self) -> str:
        # Never the text as typed: it may carry personal data, and the audit trail keeps this.
        return self.public_question[:80] or _("Pertanyaan #%(pk)s") % {"pk": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("qna:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def public_asker(self) -> str:
        return str(_("Anonim")) if self.anonymous_in_public else self.asker_name

    def tracking_url(self) -> str:
        return reverse("qna:track", args=[self.tracking_token])


class Answer(models.Model):
    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, related_name="answer", verbose_name=_("pertanyaan")
    )
    unit = models.ForeignKey(
        "agencies.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit penjawab"),
    )
    text = models.TextField(_("jawaban"))
    regulations = models.ManyToManyField(
        "regulations.LegalDocument",
        blank=True,
        related_name="+",
        verbose_name=_("regulasi terkait"),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("dijawab"), auto_now=True)

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")

    def __str__(self) -> str:
        return self.text[:80]
