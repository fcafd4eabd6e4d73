from django.urls import path

from lontar.podcast import views

app_name = "podcast"
urlpatterns = [
    path("podcast/", views.index, name="index"),
    path("podcast/<slug:show_slug>/", views.show, name="show"),
    path("podcast/<slug:show_slug>/feed.xml", views.feed, name="feed"),
    path("podcast/<slug:show_slug>/<slug:slug>/", views.episode, name="episode"),
    path("podcast/<slug:show_slug>/<slug:slug>/audio.<slug:extension>", views.audio, name="audio"),
    path("podcast/<slug:show_slug>/<slug:slug>/transkrip/", views.transcript, name="transcript"),
    path("podcast/<slug:show_slug>/<slug:slug>/bab.json", views.chapters, name="chapters"),
]
