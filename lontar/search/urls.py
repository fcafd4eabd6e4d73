from django.urls import path

from lontar.search import views

app_name = "search"
urlpatterns = [path("cari/", views.search, name="search")]
