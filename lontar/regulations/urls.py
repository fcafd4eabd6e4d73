from django.urls import path

from lontar.regulations import jdihn, views

app_name = "regulations"
urlpatterns = [
    path("regulasi/", views.regulation_list, name="list"),
    path("regulasi/<int:pk>/", views.regulation_detail, name="detail"),
    path("regulasi/<int:pk>/naskah.pdf", views.regulation_pdf, name="pdf"),
    path("regulasi/<int:pk>/unduh/", views.regulation_download, name="download"),
    path("regulasi/<int:pk>/abstrak.pdf", views.regulation_abstract, name="abstract"),
    path("api/jdihn/", jdihn.jdihn_list, name="jdihn-list"),
    path("api/jdihn/<str:pk>/", jdihn.jdihn_detail, name="jdihn-detail"),
]
