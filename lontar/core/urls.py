from django.urls import path

from lontar.core import sitemap_views

urlpatterns = [
    path("sitemap.xml", sitemap_views.sitemap_index, name="sitemap"),
    path(
        "sitemap-<slug:key>-<int:page>.xml", sitemap_views.sitemap_section, name="sitemap-section"
    ),
]
