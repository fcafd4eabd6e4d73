from django.urls import path

from lontar.objections import views

app_name = "objections"
urlpatterns = [
    path("ppid/keberatan/baru/", views.new_objection, name="new"),
    path("ppid/keberatan/terkirim/", views.receipt, name="receipt"),
    path("ppid/keberatan/terkirim/tanda-terima.pdf", views.receipt_pdf, name="receipt-pdf"),
    path("ppid/keberatan/lacak/", views.track, name="track"),
    path("ppid/keberatan/lacak/rincian/", views.track_detail, name="track-detail"),
    path("ppid/keberatan/lacak/berkas-sengketa.zip", views.dossier, name="dossier"),
    path("ppid/keberatan/register/", views.register, name="register"),
]
