"""`lontar worker`: runs queued background tasks and the periodic jobs of every app."""

from __future__ import annotations

import importlib
import logging
import threading
import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from lontar.core.public_urls import verify_at_startup
from lontar.core.schedule import WORKER_ID, run_due_jobs

logger = logging.getLogger("lontar.worker")


def load_job_modules() -> None:
    for config in apps.get_app_configs():
        if config.name.startswith("lontar."):
            try:
                importlib.import_module(f"{config.name}.jobs")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.jobs":
                    raise


def schedule_loop(stop: threading.Event, tick: float) -> None:
    while not stop.is_set():
        try:
            for name in run_due_jobs():
                logger.info("periodic job done: %s", name)
        except Exception:  # a failing job must not stop the others or the queue
            logger.exception("periodic jobs failed")
        finally:
            close_old_connections()
        stop.wait(tick)


class Command(BaseCommand):
    help = "Run the background task queue and the periodic jobs (scheduled publishing, reminders)."

    def add_arguments(self, parser):
        parser.add_argument("--tick", type=float, default=20.0, help="Seconds between checks.")
        parser.add_argument("--once", action="store_true", help="Run due jobs once and exit.")

    def handle(self, *args, tick: float, once: bool, **options):
        load_job_modules()
        # The worker sends the e-mails: their links need every agency's public address.
        verify_at_startup()
        # The id the job rows name as lease owner (admin report "Tugas terjadwal").
        logger.info("worker %s starting", WORKER_ID)
        if once:
            for name in run_due_jobs():
                self.stdout.write(f"ran {name}")
            return
        stop = threading.Event()
        thread = threading.Thread(target=schedule_loop, args=(stop, tick), daemon=True)
        thread.start()
        from django_tasks_db.management.commands.db_worker import Worker

        worker = Worker(
            queue_names=["*"],
            interval=1.0,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"lontar-{int(time.time())}",
            excluded_queue_names=[],
        )
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
