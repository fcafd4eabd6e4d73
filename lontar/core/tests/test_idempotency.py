"""The idempotency toolkit: keys, `submit_once`, the purge job and the hidden field."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.template import Context, Template
from django.utils import timezone

from lontar.core import idempotency
from lontar.core.jobs import purge_submission_keys
from lontar.core.models import ScheduledJob, SubmissionKey
from lontar.core.schedule import REGISTRY

pytestmark = pytest.mark.django_db


def test_keys_are_random_and_only_their_own_shape_is_accepted():
    first, second = idempotency.new_key(), idempotency.new_key()
    assert first != second and idempotency.clean_key(first) == first
    for junk in (
        "",
        "short",
        "x" * 65,
        "a b c d e f g h i j",
        None,
        42,
        "<script>alert(1)</script>",
    ):
        assert idempotency.clean_key(junk) == ""


def test_the_same_key_creates_once_and_then_names_the_first_record(agency_a):
    key = idempotency.new_key()
    made = []

    def create():
        job = ScheduledJob.objects.create(name=f"job-{len(made)}")
        made.append(job)
        return job

    first = idempotency.submit_once("test.scope", key, agency=agency_a, create=create)
    again = idempotency.submit_once("test.scope", key, agency=agency_a, create=create)
    other_scope = idempotency.submit_once("test.other", key, agency=agency_a, create=create)

    assert first.created == made[0] and first.earlier is None
    assert again.created is None and again.earlier.object_id == str(made[0].pk)
    assert again.earlier.object_type == "core.scheduledjob"
    assert other_scope.created == made[1]
    assert ScheduledJob.objects.count() == 2


def test_without_a_key_every_post_creates(agency_a):
    for name in ("a", "b"):
        outcome = idempotency.submit_once(
            "test.scope",
            "",
            agency=agency_a,
            create=lambda n=name: ScheduledJob.objects.create(name=n),
        )
        assert outcome.created is not None
    assert SubmissionKey.objects.count() == 0


def test_a_failing_create_leaves_no_key_so_the_citizen_can_send_again(agency_a):
    key = idempotency.new_key()

    def broken():
        ScheduledJob.objects.create(name="dup")
        return ScheduledJob.objects.create(name="dup")  # unique name: IntegrityError

    with pytest.raises(IntegrityError):
        idempotency.submit_once("test.scope", key, agency=agency_a, create=broken)
    assert not SubmissionKey.objects.exists() and not ScheduledJob.objects.exists()
    retried = idempotency.submit_once(
        "test.scope", key, agency=agency_a, create=lambda: ScheduledJob.objects.create(name="ok")
    )
    assert retried.created is not None


def test_a_key_that_raced_in_first_is_answered_as_a_repeat(agency_a, monkeypatch):
    """The unique constraint is the last word: a key written between the look and the insert."""
    key = idempotency.new_key()
    winner = ScheduledJob.objects.create(name="winner")
    real_earlier = idempotency.earlier
    calls = []

    def earlier_after_the_race(scope, k):
        calls.append(k)
        if len(calls) == 1:  # the first look sees nothing; then the twin commits
            SubmissionKey.objects.create(
                scope=scope,
                key=k,
                agency=agency_a,
                object_type="core.scheduledjob",
                object_id=str(winner.pk),
            )
            return None
        return real_earlier(scope, k)

    monkeypatch.setattr(idempotency, "earlier", earlier_after_the_race)
    outcome = idempotency.submit_once(
        "test.scope", key, agency=agency_a, create=lambda: ScheduledJob.objects.create(name="loser")
    )

    assert outcome.created is None and outcome.earlier.object_id == str(winner.pk)
    assert list(ScheduledJob.objects.values_list("name", flat=True)) == ["winner"]


def test_keys_older_than_a_week_are_purged_by_a_periodic_job(agency_a):
    now = timezone.now()
    SubmissionKey.objects.create(scope="s", key="old" * 6, created_at=now - timedelta(days=8))
    SubmissionKey.objects.create(scope="s", key="new" * 6, created_at=now - timedelta(days=6))

    assert idempotency.purge(now) == 1
    assert list(SubmissionKey.objects.values_list("key", flat=True)) == ["new" * 6]
    assert any(job.run is purge_submission_keys for job in REGISTRY.values())


def test_the_template_tag_keeps_a_posted_key_and_otherwise_makes_one():
    from lontar.survey.forms import PageFeedbackForm

    template = Template("{% load idempotency %}{% submission_key_field form %}")
    fresh = template.render(Context({}))
    key = idempotency.new_key()
    kept = template.render(Context({"form": PageFeedbackForm({"submission_key": key})}))

    assert fresh.startswith('<input type="hidden" name="submission_key" value="')
    assert idempotency.clean_key(fresh.split('value="')[1].split('"')[0])
    assert f'value="{key}"' in kept
