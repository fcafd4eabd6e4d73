"""The question desk in the Wagtail admin."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lontar.qna import admin_views, selectors


class QuestionMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return selectors.may_handle_questions(request.user)


@hooks.register("register_admin_menu_item")
def register_qna_menu_item() -> MenuItem:
    return QuestionMenuItem(
        _("Tanya jawab"),
        reverse("qna_admin_queue"),
        name="tanya-jawab",
        icon_name="help",
        order=320,
    )


@hooks.register("register_admin_urls")
def register_qna_admin_urls() -> list:
    prefix = "tanya-jawab/"
    return [
        path(prefix, admin_views.queue, name="qna_admin_queue"),
        path(f"{prefix}<int:pk>/", admin_views.detail, name="qna_admin_detail"),
        path(f"{prefix}<int:pk>/disposisi/", admin_views.assign, name="qna_admin_assign"),
        path(f"{prefix}<int:pk>/jawab/", admin_views.answer, name="qna_admin_answer"),
        path(f"{prefix}<int:pk>/terbitkan/", admin_views.publish, name="qna_admin_publish"),
        path(f"{prefix}<int:pk>/tarik/", admin_views.withdraw, name="qna_admin_withdraw"),
    ]
