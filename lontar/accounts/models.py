from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginSession(models.Model):
    """Which session belongs to which user, so all of a user's sessions can be ended at once.

    Django's database sessions store the user id only inside the encoded session data; finding a
    user's sessions would mean decoding every session row.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_sessions"
    )
    session_key = models.CharField(_("kunci sesi"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("sesi masuk")
        verbose_name_plural = _("sesi masuk")

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.created_at:%Y-%m-%d %H:%M}"
