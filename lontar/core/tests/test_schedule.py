import time
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lontar.core.jobs_admin import JOB_REPORT_URL_NAME
from lontar.core.management.commands.worker import load_job_modules
from lontar.core.models import ScheduledJob
from lontar.core.schedule import (
    LEASE,
    RETRY_FIRST,
    PeriodicJob,
    claim_if_due,
    record_failure,
    record_success,
    renew_lease,
    retry_delay,
    run_due_jobs,
    run_job,
)
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


# --- leases, heartbeats, failures, clock jumps (issue 19) -------------------------------------

HOURLY = PeriodicJob("uji.per-jam", timedelta(hours=1), lambda: None)
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _row(job=HOURLY) -> ScheduledJob:
    return ScheduledJob.objects.get(name=job.name)


def test_a_worker_that_dies_mid_job_is_taken_over_once_the_lease_lapses():
    assert claim_if_due(HOURLY, START, owner="worker-a")  # …and worker-a dies: no heartbeat

    during_lease = claim_if_due(HOURLY, START + LEASE - timedelta(seconds=1), owner="worker-b")
    after_lease = claim_if_due(HOURLY, START + LEASE + timedelta(seconds=1), owner="worker-b")

    assert (during_lease, after_lease) == (False, True)
    assert _row().lease_owner == "worker-b"


def test_a_running_job_renews_its_lease_and_is_never_taken_over_while_alive(time_machine):
    # A job three periods long: without the heartbeat, worker-b would start it again.
    time_machine.move_to(START, tick=False)
    assert claim_if_due(HOURLY, START, owner="worker-a")
    taken = []
    for minute in range(1, 181):
        time_machine.move_to(START + timedelta(minutes=minute), tick=False)
        if minute % 2 == 0:  # heartbeats every LEASE / 3 (here more often)
            assert renew_lease(HOURLY, owner="worker-a")
        taken.append(claim_if_due(HOURLY, owner="worker-b"))

    assert not any(taken)
    record_success(HOURLY, owner="worker-a")
    row = _row()
    assert (row.lease_owner, row.lease_expires_at, row.failures) == ("", None, 0)
    # Due again: it started three hours ago.
    assert claim_if_due(HOURLY, owner="worker-b")


def test_a_renewal_after_a_takeover_reports_the_lost_lease():
    claim_if_due(HOURLY, START, owner="worker-a")
    claim_if_due(HOURLY, START + LEASE + timedelta(seconds=1), owner="worker-b")

    assert not renew_lease(HOURLY, owner="worker-a")
    assert _row().lease_owner == "worker-b"


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_keeps_the_lease_of_a_slow_job():
    lease = timedelta(seconds=0.6)
    attempts = []

    def slow_job():
        for _ in range(4):  # 2 s: more than three leases
            time.sleep(0.5)
            attempts.append(claim_if_due(slow, owner="worker-b", lease=lease))

    slow = PeriodicJob("uji.lambat", timedelta(seconds=1), slow_job)
    assert claim_if_due(slow, owner="worker-a", lease=lease)

    assert run_job(slow, owner="worker-a", lease=lease)

    assert attempts == [False, False, False, False]
    assert _row(slow).heartbeat_at > _row(slow).last_started_at


def _failing_job():
    requester_email = "budi.santoso@example.com"  # a local value: must never be stored
    raise ValueError(f"permohonan ditolak untuk {requester_email}, NIK 3171012505900001")


def test_a_failure_is_recorded_without_values_and_retried_with_backoff(time_machine):
    job = PeriodicJob("uji.gagal", timedelta(days=1), _failing_job)
    time_machine.move_to(START, tick=False)

    assert claim_if_due(job, owner="worker-a")
    assert not run_job(job, owner="worker-a")

    row = _row(job)
    assert row.failures == 1
    assert row.last_failed_at == START
    assert "ValueError" in row.last_error
    assert "_failing_job" in row.last_error  # the stack frames are there
    assert "[SUREL]" in row.last_error
    assert "budi.santoso" not in row.last_error
    assert "3171012505900001" not in row.last_error
    assert (row.lease_owner, row.lease_expires_at) == ("", None)
    # Retried a minute later, then two, then four — not a whole day later.
    assert row.next_run_at == START + RETRY_FIRST
    time_machine.move_to(START + timedelta(seconds=59), tick=False)
    assert not claim_if_due(job, owner="worker-a")
    time_machine.move_to(START + timedelta(minutes=1), tick=False)
    assert claim_if_due(job, owner="worker-a")
    run_job(job, owner="worker-a")
    assert _row(job).next_run_at == START + timedelta(minutes=3)
    assert _row(job).failures == 2


def test_retry_delay_doubles_up_to_the_period():
    delays = [retry_delay(n, timedelta(hours=1)) for n in range(1, 9)]

    assert delays == [timedelta(minutes=m) for m in (1, 2, 4, 8, 16, 32, 60, 60)]
    assert retry_delay(500, timedelta(days=1)) == timedelta(days=1)


def test_success_after_failures_clears_the_error(time_machine):
    time_machine.move_to(START, tick=False)
    assert claim_if_due(HOURLY, owner="worker-a")
    record_failure(HOURLY, ValueError("x"), owner="worker-a")
    time_machine.move_to(START + timedelta(minutes=2), tick=False)
    assert claim_if_due(HOURLY, owner="worker-a")
    record_success(HOURLY, owner="worker-a")

    row = _row()
    assert (row.failures, row.last_error) == (0, "")


def test_a_worker_down_for_a_day_runs_each_job_once_when_it_returns():
    runs = []
    job = PeriodicJob("uji.menit", timedelta(minutes=1), lambda: runs.append(1))
    assert claim_if_due(job, START, owner="worker-a")

    back = START + timedelta(days=1)
    results = [claim_if_due(job, back + timedelta(seconds=s), owner="worker-a") for s in range(5)]
    for _ in range(3):
        if claim_if_due(job, back + timedelta(seconds=10), owner="worker-a"):
            run_job(job, owner="worker-a")

    assert results == [True, False, False, False, False]
    assert _row(job).next_run_at == back + job.every


def test_the_clock_jumping_forward_runs_a_job_once(time_machine):
    time_machine.move_to(START, tick=False)
    assert claim_if_due(HOURLY, owner="worker-a")
    record_success(HOURLY, owner="worker-a")

    time_machine.move_to(START + timedelta(days=3), tick=False)
    first = claim_if_due(HOURLY, owner="worker-a")
    record_success(HOURLY, owner="worker-a")
    second = claim_if_due(HOURLY, owner="worker-b")

    assert (first, second) == (True, False)


def test_the_clock_going_back_neither_reruns_a_job_nor_blocks_it_for_the_gap(time_machine):
    time_machine.move_to(START, tick=False)
    assert claim_if_due(HOURLY, owner="worker-a")
    record_success(HOURLY, owner="worker-a")

    back = START - timedelta(days=30)
    time_machine.move_to(back, tick=False)
    at_once = claim_if_due(HOURLY, owner="worker-b")
    time_machine.move_to(back + HOURLY.every + timedelta(seconds=1), tick=False)
    a_period_later = claim_if_due(HOURLY, owner="worker-b")

    assert (at_once, a_period_later) == (False, True)


def test_the_clock_going_back_lets_a_dead_workers_lease_lapse_within_one_lease(time_machine):
    time_machine.move_to(START, tick=False)
    assert claim_if_due(HOURLY, owner="worker-a")  # worker-a dies holding the lease

    back = START - timedelta(days=30)
    time_machine.move_to(back + HOURLY.every, tick=False)
    while_leased = claim_if_due(HOURLY, owner="worker-b")
    time_machine.move_to(back + HOURLY.every + LEASE + timedelta(seconds=1), tick=False)
    lapsed = claim_if_due(HOURLY, owner="worker-b")

    assert (while_leased, lapsed) == (False, True)


def test_a_row_from_before_leases_is_due_a_period_after_its_last_start():
    ScheduledJob.objects.create(name=HOURLY.name, last_started_at=START)

    assert not claim_if_due(HOURLY, START + timedelta(minutes=59), owner="worker-a")
    assert claim_if_due(HOURLY, START + timedelta(minutes=61), owner="worker-a")


def test_platform_admins_see_job_status_and_the_redacted_error(client, platform_admin, editor):
    job = PeriodicJob("uji.laporan", timedelta(days=1), _failing_job)
    claim_if_due(job, owner="worker-a")
    run_job(job, owner="worker-a")
    url = reverse(JOB_REPORT_URL_NAME)

    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(platform_admin)
    response = client.get(url)

    assert response.status_code == 200
    body = response.content.decode()
    assert "uji.laporan" in body
    assert "[SUREL]" in body
    assert "budi.santoso" not in body
