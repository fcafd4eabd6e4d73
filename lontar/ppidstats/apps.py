from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PpidstatsConfig(AppConfig):
    name = "lontar.ppidstats"
    label = "ppidstats"
    verbose_name = _("Statistik layanan informasi")

    def ready(self) -> None:
        # Stored year figures go stale when a record of their year changes (snapshots.py).
        from lontar.objections.models import DisputeStep, Objection
        from lontar.ppid.models import InformationRequest
        from lontar.ppidstats import snapshots

        for model in (InformationRequest, Objection):
            for signal in (post_save, post_delete):
                signal.connect(
                    snapshots.request_changed,
                    sender=model,
                    dispatch_uid=f"ppidstats.{model.__name__}.{signal is post_save}",
                )
        for signal in (post_save, post_delete):
            signal.connect(
                snapshots.dispute_step_changed,
                sender=DisputeStep,
                dispatch_uid=f"ppidstats.DisputeStep.{signal is post_save}",
            )
