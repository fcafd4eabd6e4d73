from django.urls import path

from lontar.qna import views

app_name = "qna"
urlpatterns = [
    path("tanya-jawab/", views.index, name="index"),
    path("tanya-jawab/tanya/", views.ask, name="ask"),
    path("tanya-jawab/lacak/<str:token>/", views.track, name="track"),
    path("tanya-jawab/<int:pk>/", views.detail, name="detail"),
    path("tanya-jawab/<int:pk>/umpan-balik/", views.feedback, name="feedback"),
]
