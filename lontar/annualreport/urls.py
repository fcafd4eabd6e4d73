from django.urls import path

from lontar.annualreport import views

app_name = "annualreport"
urlpatterns = [
    path("ppid/laporan-layanan/", views.report_list, name="list"),
    path("ppid/laporan-layanan/<int:year>/", views.report_detail, name="detail"),
    path("ppid/laporan-layanan/<int:year>.pdf", views.report_pdf, name="pdf"),
    path("ppid/laporan-layanan/<int:year>.xlsx", views.report_xlsx, name="xlsx"),
]
