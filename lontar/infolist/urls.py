from django.urls import path

from lontar.infolist import views

app_name = "infolist"
urlpatterns = [
    path("ppid/dip/", views.dip, name="dip"),
    path("ppid/dip.xlsx", views.dip_xlsx, name="dip-xlsx"),
    path("ppid/dip.pdf", views.dip_pdf, name="dip-pdf"),
    path("ppid/dik/", views.dik, name="dik"),
    path("ppid/serta-merta/", views.notices, name="notices"),
    path("ppid/maklumat/", views.pledge, name="pledge"),
    path("ppid/sop/", views.procedures, name="procedures"),
]
