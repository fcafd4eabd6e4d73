from datetime import timedelta

import pytest
from django.utils import timezone

from lontar.core.management.commands.worker import load_job_modules
from lontar.core.schedule import PeriodicJob, claim_if_due, run_due_jobs
from lontar.pages.models import StandardPage

pytestmark = pytest.mark.django_db


def test_a_job_runs_once_per_period_even_with_two_workers():
    job = PeriodicJob("uji.harian", timedelta(days=1), lambda: None)
    now = timezone.now()

    first_worker = claim_if_due(job, now)
    second_worker = claim_if_due(job, now)
    next_day = claim_if_due(job, now + timedelta(days=1, seconds=1))

    assert (first_worker, second_worker, next_day) == (True, False, True)


def test_worker_publishes_a_page_an_editor_scheduled(agency_a, time_machine):
    home = agency_a.site.root_page
    page = StandardPage(title="Pengumuman seleksi", slug="pengumuman-seleksi", live=False)
    home.add_child(instance=page)
    go_live = timezone.now() + timedelta(hours=2)
    page.go_live_at = go_live
    page.save_revision().publish()  # with a future go_live_at, Wagtail only schedules it
    page.refresh_from_db()
    assert not page.live
    load_job_modules()

    time_machine.move_to(go_live + timedelta(minutes=1))
    ran = run_due_jobs()

    page.refresh_from_db()
    assert "lontar.core.jobs.publish_scheduled_pages" in ran
    assert page.live
