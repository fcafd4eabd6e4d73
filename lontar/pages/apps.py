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
        post_migrate.connect(
            _restore_wagtail_roots, sender=self, dispatch_uid="lontar.pages.wagtail_roots"
        )
