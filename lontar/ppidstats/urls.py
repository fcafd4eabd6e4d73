from django.urls import path

from lontar.ppidstats import views

app_name = "ppidstats"
urlpatterns = [
    path("ppid/statistik/", views.statistics_page, name="statistics"),
    path("ppid/statistik.csv", views.statistics_csv, name="statistics-csv"),
]
