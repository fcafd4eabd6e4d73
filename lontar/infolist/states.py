"""The life of an urgent (serta merta) notice: draft → published → withdrawn. Pure."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.core.transitions import Transition, Workflow

DESK_PERMISSION = "infolist.change_urgentnotice"
PUBLISH = "publish"
WITHDRAW = "withdraw"

NOTICE_WORKFLOW = Workflow(
    [
        Transition(PUBLISH, frozenset({"draf"}), "terbit", DESK_PERMISSION),
        Transition(WITHDRAW, frozenset({"terbit"}), "ditarik", DESK_PERMISSION),
    ]
)

REFUSALS = {
    PUBLISH: _("Hanya pengumuman draf yang dapat diterbitkan."),
    WITHDRAW: _("Hanya pengumuman yang sedang terbit yang dapat ditarik."),
}
