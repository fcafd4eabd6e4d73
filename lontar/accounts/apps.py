from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lontar.accounts"
    label = "accounts"
    verbose_name = _("Akun staf")

    def ready(self) -> None:
        from lontar.accounts import sessions  # noqa: F401  (connects the session signals)
