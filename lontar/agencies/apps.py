from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, **kwargs) -> None:
    # post_migrate is sent once per installed app with models, in order: only after the last
    # one have all apps' permissions been created (and one sync per migrate or flush is enough).
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from lontar.agencies.services import sync_role_groups

    sync_role_groups()


class AgenciesConfig(AppConfig):
    name = "lontar.agencies"
    label = "agencies"
    verbose_name = _("Instansi")

    def ready(self) -> None:
        # After every migrate, once all apps are done: permissions of apps migrated later
        # (PPID, news …) must reach the role groups too.
        post_migrate.connect(_sync_roles, dispatch_uid="lontar.agencies.sync_roles")
        # Wagtail's page URLs read the agencies' public base URLs from a cached map.
        from wagtail.models import Site

        from lontar.core.public_urls import forget_base_urls

        for model in (self.get_model("Agency"), Site):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_base_urls, sender=model, dispatch_uid=f"lontar.base_urls.{model}"
                )
