from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
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
        # Wagtail's page URLs read the agencies' public base URLs from a cached map.
        from wagtail.models import Site

        from lontar.core.public_urls import forget_base_urls

        for model in (self.get_model("Agency"), Site):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_base_urls, sender=model, dispatch_uid=f"lontar.base_urls.{model}"
                )
