from django.urls import path

from lontar.opendata import api_views, content_views, views

app_name = "opendata"
urlpatterns = [
    path("data/", views.dataset_list, name="list"),
    path("data/catalog.jsonld", views.catalog_jsonld, name="catalog-jsonld"),
    path("data/catalog.ttl", views.catalog_turtle, name="catalog-ttl"),
    path("data/sumber/<int:pk>/unduh/", views.resource_download, name="download"),
    path("data/<slug:slug>/", views.dataset_detail, name="detail"),
    path("api/3", api_views.api_version, {"version": 3}, name="ckan-version"),
    path("api/3/", api_views.api_version, {"version": 3}, name="ckan-version-slash"),
    path("api/3/action/<str:name>", api_views.action, name="ckan-action"),
    # CKAN answers both; ckanapi calls the unversioned one.
    path("api/action/<str:name>", api_views.action, name="ckan-action-unversioned"),
    path("api/v1/", content_views.docs, name="api-docs"),
    path("api/v1/openapi.json", content_views.openapi, name="openapi"),
    path("api/v1/<slug:source>/", content_views.content_list, name="content-list"),
]
