from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, **kwargs) -> None:
    from lontar.agencies.services import sync_role_groups

    sync_role_groups()


class AgenciesConfig(AppConfig):
    name = "lontar.agencies"
    label = "agencies"
    verbose_name = _("Instansi")

    def ready(self) -> None:
        # After every migrate, not only this app's: permissions of apps migrated later (PPID,
        # news …) must reach the role groups too.
        post_migrate.connect(_sync_roles, dispatch_uid="lontar.agencies.sync_roles")
