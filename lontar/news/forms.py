"""The article editing form: authors and categories come from the page's own agency only."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


def agency_of_page(page):
    """The agency whose site tree holds the page (or its parent when it is being created)."""
    from lontar.agencies.models import Agency

    if page is None or not page.path:
        return None
    roots = [page.path[:i] for i in range(len(page.path), 0, -page.steplen)]
    return Agency.objects.filter(site__root_page__path__in=roots).first()


class NewsArticleForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        page = self.instance if self.instance.pk else parent_page
        agency = agency_of_page(page)
        if agency is None:
            return
        if "author" in self.fields:
            self.fields["author"].queryset = self.fields["author"].queryset.filter(agency=agency)
        if "category" in self.fields:
            self.fields["category"].queryset = self.fields["category"].queryset.filter(
                agency=agency
            )
