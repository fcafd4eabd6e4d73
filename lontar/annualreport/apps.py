from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualReportConfig(AppConfig):
    name = "lontar.annualreport"
    label = "annualreport"
    verbose_name = _("Laporan layanan informasi publik")
