from wagtail.signals import page_published, page_unpublished, post_page_move

from lontar.pages.navigation import bump_pages_version


def connect() -> None:
    page_published.connect(bump_pages_version, dispatch_uid="lontar.pages.nav.published")
    page_unpublished.connect(bump_pages_version, dispatch_uid="lontar.pages.nav.unpublished")
    post_page_move.connect(bump_pages_version, dispatch_uid="lontar.pages.nav.moved")
