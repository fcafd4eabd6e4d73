from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidConfig(AppConfig):
    name = "lontar.ppid"
    label = "ppid"
    verbose_name = _("Layanan informasi (PPID)")

    def ready(self) -> None:
        from lontar.core import outbox
        from lontar.ppid import lists, notice_services

        lists.connect()  # the register's stored count and bookmarks (issue 22)

        # An e-mailed notice is delivered when the mail server took it (issue 21).
        outbox.message_sent.connect(notice_services.mail_sent, dispatch_uid="ppid.mail_sent")
        outbox.message_failed.connect(notice_services.mail_failed, dispatch_uid="ppid.mail_failed")
