from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog, set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lontar.core import views as core_views
from lontar.core.sameorigin import same_origin_post
from lontar.pages import views as page_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("aksesibilitas/", core_views.accessibility, name="accessibility"),
    path("healthz/ready", core_views.healthz_ready, name="healthz-ready"),
    # The switcher on every cached page posts without a token (decision 0021).
    path("i18n/setlang/", same_origin_post(set_language), name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # The second sign-in step; before Wagtail's admin, whose catch-all would otherwise answer.
    path("admin/2fa/", include("lontar.accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    # Each app owns its full paths (Indonesian, e.g. /ppid/permohonan/baru/); listed before the
    # Wagtail page tree, which serves everything else.
    path("", include("lontar.core.urls")),  # the sitemaps
    path("", include("lontar.search.urls")),
    path("", include("lontar.news.urls")),
    path("", include("lontar.ppid.urls")),
    path("survei/", include("lontar.survey.urls")),
    path("", include("lontar.regulations.urls")),
    path("", include("lontar.qna.urls")),
    path("", include("lontar.podcast.urls")),
    path("", include("lontar.opendata.urls")),
    path("", include("lontar.programs.urls")),
    path("", include("lontar.objections.urls")),
    path("", include("lontar.infolist.urls")),
    path("", include("lontar.ppidstats.urls")),
    path("", include("lontar.annualreport.urls")),
    path("", include("lontar.newsroom.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree serves every path not claimed above; it must stay last. Its serving view
# is ours: it routes through the Indonesian tree and serves English translations at the same URL
# (lontar/pages/views.py, docs/decisions/0004-language.md).
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, page_views.serve, name="wagtail_serve"),
]

handler500 = "lontar.core.views.server_error"
