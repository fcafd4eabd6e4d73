from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lontar.core"
    label = "core"
    verbose_name = _("Inti Lontar")

    def ready(self) -> None:
        # Registers the deployment checks (`lontar check --deploy`).
        from lontar.core import (
            checks,  # noqa: F401
            content_version,
        )
        from lontar.core.sitemaps import discover_sections

        content_version.connect()
        # Each app's `sitemaps.py` registers its public section (lontar/core/sitemaps.py).
        discover_sections()
