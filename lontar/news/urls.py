from django.urls import path

from lontar.news import feeds, views

app_name = "news"
urlpatterns = [
    path("berita/feed/rss/", feeds.NewsFeed(), name="feed_rss"),
    path("berita/feed/atom/", feeds.AtomNewsFeed(), name="feed_atom"),
    path("berita/kategori/<slug:slug>/feed/rss/", feeds.NewsFeed(), name="category_feed_rss"),
    path("berita/kategori/<slug:slug>/feed/atom/", feeds.AtomNewsFeed(), name="category_feed_atom"),
    path("berita/suka/<int:page_id>/", views.like, name="like"),
    path("penulis/", views.authors, name="authors"),
    path("penulis/<slug:slug>/", views.author, name="author"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
