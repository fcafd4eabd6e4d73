from django.urls import path

from lontar.programs import views

app_name = "programs"
urlpatterns = [
    path("program/", views.program_list, name="list"),
    path("program/unduh.csv", views.program_csv, name="csv"),
    path("program/unduh.xlsx", views.program_xlsx, name="xlsx"),
    path("program/<int:pk>/", views.program_detail, name="detail"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/<int:pk>/", views.event_detail, name="event"),
    path("agenda/kalender.ics", views.agenda_feed, name="feed"),
    path("agenda/kalender/<slug:category>.ics", views.agenda_feed, name="feed-category"),
    path("dokumen-perencanaan/", views.planning_documents, name="documents"),
]
