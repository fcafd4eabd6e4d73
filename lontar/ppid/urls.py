from django.urls import path

from lontar.ppid import views

app_name = "ppid"
urlpatterns = [
    path("ppid/", views.index, name="index"),
    path("ppid/permohonan/baru/", views.new_request, name="new-request"),
    path("ppid/permohonan/terkirim/", views.receipt, name="receipt"),
    path("ppid/permohonan/terkirim/tanda-terima.pdf", views.receipt_download, name="receipt-pdf"),
    path("ppid/lacak/", views.track, name="track"),
    path("ppid/lacak/permohonan/", views.track_detail, name="track-detail"),
    path("ppid/lacak/berkas/<str:kind>/", views.tracked_file, name="tracked-file"),
    path("ppid/lacak/berkas/<str:kind>/<int:pk>/", views.tracked_file, name="tracked-document"),
    path("ppid/register/", views.register, name="register"),
    path("ppid/register.csv", views.register_csv, name="register-csv"),
]
