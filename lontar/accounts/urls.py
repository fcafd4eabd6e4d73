from django.urls import path

from lontar.accounts import views

app_name = "accounts"

urlpatterns = [
    path("daftar/", views.enrol, name="enrol"),
    path("verifikasi/", views.verify, name="verify"),
]
