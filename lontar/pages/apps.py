from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _restore_wagtail_roots(sender, **kwargs) -> None:
    # `flush` (every transactional test, or by hand) empties Wagtail's tree and then sends
    # post_migrate; on an ordinary migrate the roots exist and nothing happens.
    from lontar.pages.tree import ensure_wagtail_roots

    ensure_wagtail_roots()


class PagesConfig(AppConfig):
    name = "lontar.pages"
    label = "pages"
    verbose_name = _("Halaman")

    def ready(self) -> None:
        from wagtail.models import Site

        from lontar.pages.site_roots import site_root_paths

        # Wagtail's own reads each site's root translations one site at a time (site_roots.py).
        Site.get_site_root_paths = staticmethod(site_root_paths)  # type: ignore[method-assign]
        post_migrate.connect(
            _restore_wagtail_roots, sender=self, dispatch_uid="lontar.pages.wagtail_roots"
        )
