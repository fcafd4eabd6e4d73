from django.urls import path

from lontar.newsroom import views

app_name = "newsroom"
urlpatterns = [
    path("berita/dibaca/<int:page_id>.gif", views.read_pixel, name="read_pixel"),
]
