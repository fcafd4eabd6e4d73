"""Every notice names its date, number, request, requester and signatory, and the items the
law asks of its kind (UU 14/2008 Pasal 22 ayat (7) a–g). No database: the request is an
unsaved row."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from lontar.agencies.models import Agency
from lontar.ppid.models import InformationRequest
from lontar.ppid.notice_content import notice_items
from lontar.ppid.notices import (
    REQUIRED_ITEMS,
    DeliveryState,
    NoticeChannel,
    NoticeItem,
    NoticeKind,
    channel_for,
    delivery_state,
    is_sent_by_itself,
    kind_for_decision,
    missing_items,
    notice_number,
)

A_TO_G = ("a", "b", "c", "d", "e", "f", "g")
COMMON = ("date", "number", "request_number", "request_date", "requester", "signatory")


def _request(**overrides) -> InformationRequest:
    values = {
        "agency": Agency(name="BKD Uji", time_zone="Asia/Makassar"),
        "number": "012/PPID-BKD/2026",
        "received_at": datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar")),
        "name": "Maria Uji",
        "information_requested": "Daftar formasi",
        "purpose": "Liputan",
        "obtain_method": "salinan_cetak",
        "delivery_method": "ambil",
        "notice_due": date(2026, 11, 16),
        "extended_due": date(2026, 11, 25),
        "extension_reason": "Dokumen tersebar di tiga unit dan perlu dihimpun.",
        "decision": "diberikan",
        "material_given": "Rekap formasi",
        "information_held": True,
        "cost_amount": 0,
        "refusal_grounds": [],
    }
    values.update(overrides)
    return InformationRequest(**values)


REQUESTS = {
    NoticeKind.RECEIPT: _request(),
    NoticeKind.EXTENSION: _request(),
    NoticeKind.ANSWER: _request(cost_amount=4000, payment_method="Transfer ke rekening BKD"),
    NoticeKind.REFUSAL: _request(
        decision="ditolak",
        refusal_grounds=["Pasal 17 huruf h", "Pasal 17 huruf a"],
        exemption_years=5,
        consequence_test="Membuka nama peserta merugikan peserta lebih dari manfaatnya.",
    ),
    NoticeKind.FORWARDING: _request(
        decision="tidak_dikuasai", information_held=False, holder_body="BPS Provinsi"
    ),
    NoticeKind.NOT_HELD: _request(decision="tidak_dikuasai", information_held=False),
}


def _items(kind: str) -> list[NoticeItem]:
    return notice_items(
        kind,
        REQUESTS[kind],
        number=notice_number("012/PPID-BKD/2026", 2, kind),
        issued_on=date(2026, 11, 10),
        signatory="Kepala BKD selaku PPID",
        tariff="Gratis.",
    )


@pytest.mark.parametrize(
    ("kind", "also_required"),
    [
        (NoticeKind.RECEIPT, ("information_requested", "notice_due", "tariff")),
        (NoticeKind.EXTENSION, ("extension_reason", "extended_due")),
        (NoticeKind.ANSWER, A_TO_G),
        (NoticeKind.REFUSAL, ("a", "c", "grounds", "exemption_duration", "objection")),
        (NoticeKind.FORWARDING, ("a", "b", "objection")),
        (NoticeKind.NOT_HELD, ("a", "b", "objection")),
    ],
)
def test_each_kind_requires_and_carries_its_items(kind, also_required):
    assert REQUIRED_ITEMS[kind] == (*COMMON, *also_required)
    items = _items(kind)
    assert missing_items(kind, items) == []
    values = {item.key: item.value for item in items}
    assert values["number"] == f"02/{notice_number('x', 2, kind).split('/')[1]}/012/PPID-BKD/2026"
    assert values["date"] == "Selasa, 10 November 2026"
    assert values["signatory"] == "Kepala BKD selaku PPID"
    assert values["request_number"] == "012/PPID-BKD/2026"


def test_a_notice_without_a_required_item_is_incomplete():
    items = [item for item in _items(NoticeKind.ANSWER) if item.key != "g"]
    assert missing_items(NoticeKind.ANSWER, items) == ["g"]
    blank = [NoticeItem(i.key, i.label, "" if i.key == "signatory" else i.value) for i in items]
    assert missing_items(NoticeKind.ANSWER, blank) == ["signatory", "g"]


def test_a_cost_on_an_answer_says_how_and_where_to_pay():
    values = {item.key: item.value for item in _items(NoticeKind.ANSWER)}
    assert values["g"].startswith("Rp4.000")
    assert "Transfer ke rekening BKD" in values["g"]


def test_a_refusal_names_every_ground_in_order_and_the_duration():
    values = {item.key: item.value for item in _items(NoticeKind.REFUSAL)}
    assert values["grounds"] == "Pasal 17 huruf a, Pasal 17 huruf h"
    assert values["exemption_duration"] == "5 tahun"


def test_a_group_and_a_proxy_are_named_as_such():
    group = _request(group_name="Forum Warga", name="Yoh")
    proxy = _request(filed_by_proxy=True, represented_person="Ibu Ani", name="Yoh")
    for request, expected in (
        (group, "Forum Warga (diwakili oleh Yoh)"),
        (proxy, "Ibu Ani (melalui kuasa Yoh)"),
    ):
        items = notice_items(
            NoticeKind.RECEIPT, request, number="n", issued_on=date(2026, 11, 3), signatory="s"
        )
        assert {i.key: i.value for i in items}["requester"] == expected


@pytest.mark.parametrize(
    ("decision", "holder_known", "kind"),
    [
        ("diberikan", False, NoticeKind.ANSWER),
        ("sebagian", False, NoticeKind.ANSWER),
        ("belum_didokumentasikan", False, NoticeKind.ANSWER),
        ("ditolak", False, NoticeKind.REFUSAL),
        ("tidak_dikuasai", True, NoticeKind.FORWARDING),
        ("tidak_dikuasai", False, NoticeKind.NOT_HELD),
    ],
)
def test_the_decision_decides_the_kind_of_notice(decision, holder_known, kind):
    assert kind_for_decision(decision, holder_known=holder_known) == kind


def test_notice_numbers_start_at_one():
    assert notice_number("001/X/2026", 1, NoticeKind.RECEIPT) == "01/TT/001/X/2026"
    with pytest.raises(ValueError):
        notice_number("001/X/2026", 0, NoticeKind.RECEIPT)


@pytest.mark.parametrize(
    ("chosen", "filed_through", "has_email", "kind", "channel"),
    [
        ("surel", "web", True, NoticeKind.ANSWER, NoticeChannel.EMAIL),
        ("surel", "web", False, NoticeKind.ANSWER, NoticeChannel.DESK),  # no address: the desk
        ("pos", "web", True, NoticeKind.EXTENSION, NoticeChannel.POST),
        ("meja", "surat", False, NoticeKind.EXTENSION, NoticeChannel.DESK),
        ("", "langsung", True, NoticeKind.RECEIPT, NoticeChannel.PRINTED),  # Pasal 22 ayat (4)
        ("cetak", "surat", False, NoticeKind.RECEIPT, NoticeChannel.PRINTED),
        ("cetak", "surat", False, NoticeKind.ANSWER, NoticeChannel.DESK),
        ("", "surat", False, NoticeKind.RECEIPT, NoticeChannel.POST),  # ayat (6): with the post
        ("", "web", True, NoticeKind.ANSWER, NoticeChannel.EMAIL),
        ("", "surel", False, NoticeKind.ANSWER, NoticeChannel.DESK),
    ],
)
def test_the_channel_follows_the_requesters_choice_where_it_can(
    chosen, filed_through, has_email, kind, channel
):
    assert (
        channel_for(chosen=chosen, filed_through=filed_through, has_email=has_email, kind=kind)
        == channel
    )


def test_only_email_is_delivered_without_an_officer():
    assert is_sent_by_itself(NoticeChannel.EMAIL)
    assert not any(is_sent_by_itself(c) for c in NoticeChannel.values if c != "surel")


@pytest.mark.parametrize(
    ("channel", "delivered", "mail_status", "state"),
    [
        ("surel", False, "pending", DeliveryState.QUEUED),  # queued is not delivered
        ("surel", False, "failed", DeliveryState.FAILED),
        ("surel", False, "sent", DeliveryState.DELIVERED),  # the server took it
        ("surel", False, None, DeliveryState.WAITING),  # no mail (erased, never queued)
        ("surel", True, "failed", DeliveryState.DELIVERED),  # delivered on paper after all
        ("meja", False, None, DeliveryState.WAITING),
        ("pos", True, None, DeliveryState.DELIVERED),
        ("cetak", False, "pending", DeliveryState.WAITING),  # paper never follows a mail
    ],
)
def test_where_a_notice_stands(channel, delivered, mail_status, state):
    assert delivery_state(channel=channel, delivered=delivered, mail_status=mail_status) == state


def test_a_viewer_is_told_how_to_see_and_nothing_about_delivery():
    from lontar.ppid.notice_content import obtain_and_delivery

    viewer = _request(obtain_method="melihat", delivery_method="")
    assert obtain_and_delivery(viewer) == "Melihat/membaca/mendengarkan/mencatat"
    assert obtain_and_delivery(_request()) == "Salinan cetak (hardcopy), Mengambil langsung"
