from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lontar.core import bookmarks, dbstats
from lontar.demo.loader import demo_sites, load_demo, set_demo_addresses


class Command(BaseCommand):
    help = "Load the demo province (idempotent) and print the demo sites and staff logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="Port the server runs on: the demo sites' public addresses and links use it.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Load even when LONTAR_DEBUG is off."
        )

    def handle(self, *args, port: int, force: bool, **options):
        # The demo creates logins with a published password: never on a real installation
        # by accident.
        if not (settings.DEBUG or getattr(settings, "TESTING", False) or force):
            raise CommandError(
                "Demo data has well-known passwords; load it only with LONTAR_DEBUG=1 or --force."
            )
        ctx = load_demo()
        set_demo_addresses(port)
        dbstats.analyze()  # what the worker does daily: the planner knows the tables
        bookmarks.rebuild_all()  # the long lists' counts and bookmarks (core/bookmarks.py)
        verb = "Demo dimuat" if ctx.created else "Demo sudah ada; tidak ada yang dimuat ulang"
        self.stdout.write(self.style.SUCCESS(verb + "."))
        self.stdout.write("\nSitus demo:")
        for name, host in demo_sites():
            self.stdout.write(f"  http://{host}:{port}/  {name}")
        self.stdout.write(f"\nAdmin: http://127.0.0.1:{port}/admin/")
        self.stdout.write(f"Login staf demo (kata sandi: {settings.LONTAR_DEMO_PASSWORD}):")
        for username, role, agency in ctx.logins:
            self.stdout.write(f"  {username:<18} {role:<16} {agency}")
        self.stdout.write(
            "Petugas PPID, Atasan PPID, Admin Agency dan Admin Platform wajib mendaftarkan "
            "aplikasi autentikator (TOTP) saat pertama masuk; kode QR dan kuncinya tampil di layar."
        )
