"""The site of a new agency: its Wagtail Site, home page, default pages and menus.

Registered as an onboarding step (`agencies/onboarding.py`): run for every agency created and
again, idempotently, when onboarding is repeated. Nothing here overwrites a page or a menu
that exists, so staff edits survive a re-run.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from lontar.agencies.models import Agency
from lontar.agencies.onboarding import NewAgency, OnboardingError, onboarding_step
from lontar.pages.models import HomePage, StandardPage
from lontar.pages.translations import english_home, publish_translation
from lontar.pages.tree import ensure_wagtail_roots

GOVERNMENT_LINKS = [
    ("Komisi Informasi Pusat", "https://komisiinformasi.go.id/"),
    ("Badan Kepegawaian Negara", "https://www.bkn.go.id/"),
]


def stream(blocks: list[tuple[str, object]]) -> list[dict]:
    """StreamField raw data from (block type, JSON value) pairs; page choosers take ids."""
    return [{"type": kind, "value": value} for kind, value in blocks]


def _site_address(spec: NewAgency) -> tuple[str, int]:
    public = urlsplit(spec.public_base_url)
    default_port = 443 if public.scheme == "https" else 80
    hostname = (spec.site_hostname or public.hostname or "").lower()
    return hostname, spec.site_port or public.port or default_port


def _remove_wagtail_welcome(hostname: str, port: int) -> None:
    """Wagtail's installer leaves a "Welcome" page on a default site; a real site replaces it."""
    for site in Site.objects.filter(Q(hostname=hostname, port=port) | Q(is_default_site=True)):
        page = site.root_page
        if page.specific_class is Page and page.slug == "home":
            site.delete()
            page.delete()


def ensure_site(agency: Agency, spec: NewAgency) -> HomePage:
    """The agency's Site on its address and its home page (made once)."""
    if agency.site_id:
        return agency.site.root_page.specific
    root = ensure_wagtail_roots()
    hostname, port = _site_address(spec)
    _remove_wagtail_welcome(hostname, port)
    if Site.objects.filter(hostname=hostname, port=port).exists():
        raise OnboardingError(
            _("Alamat %(address)s sudah dipakai situs lain; pilih alamat publik lain.")
            % {"address": f"{hostname}:{port}"},
            "public_base_url",
        )
    home = root.get_children().filter(slug=spec.slug).first()
    if home is None:
        home = HomePage(
            title=spec.name,
            slug=spec.slug,
            intro=spec.intro[:600],
            seo_title=spec.name[:255],
            search_description=spec.intro[:155],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if spec.is_default_site:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    agency.site = Site.objects.create(
        hostname=hostname,
        port=port,
        site_name=spec.name[:255],
        root_page=home,
        is_default_site=spec.is_default_site,
    )
    agency.save(update_fields=["site"])
    return home.specific


def standard_page(parent: Page, title: str, slug: str, lead: str, body: list) -> StandardPage:
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = StandardPage(title=title, slug=slug, lead=lead, body=body, search_description=lead)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _body(bodies: Mapping[str, list], slug: str, default: list[tuple[str, object]]) -> list:
    return bodies.get(slug) or stream(default)


def default_pages(agency: Agency, home: HomePage, spec: NewAgency) -> dict[str, StandardPage]:
    """Profile, vision, structure, duties, contact and the service notice (maklumat)."""
    bodies = spec.page_bodies
    profile = standard_page(
        home,
        "Profil",
        "profil",
        f"Mengenal {agency.name}: sejarah, kedudukan, dan layanan.",
        _body(bodies, "profil", [("paragraph", f"<p>{spec.intro or agency.name}</p>")]),
    )
    vision = standard_page(
        profile,
        "Visi dan Misi",
        "visi-misi",
        "Arah yang kami tuju dan cara kami menempuhnya.",
        _body(
            bodies,
            "visi-misi",
            [
                ("heading", {"text": "Visi", "level": "h2"}),
                ("paragraph", f"<p>Mewujudkan pelayanan {agency.short_name} yang terbuka.</p>"),
            ],
        ),
    )
    structure = standard_page(
        profile,
        "Struktur Organisasi",
        "struktur-organisasi",
        "Susunan unit kerja dan pimpinannya.",
        _body(
            bodies,
            "struktur-organisasi",
            [
                (
                    "paragraph",
                    f"<p>Susunan organisasi {agency.name} ditetapkan dengan peraturan kepala "
                    "daerah tentang kedudukan, susunan organisasi, tugas dan fungsi, serta tata "
                    "kerja perangkat daerah.</p>",
                ),
                ("units", {"show_duties": False}),
            ],
        ),
    )
    duties = standard_page(
        profile,
        "Tugas Pokok dan Fungsi",
        "tugas-pokok-fungsi",
        "Apa yang dikerjakan setiap unit kerja.",
        _body(bodies, "tugas-pokok-fungsi", [("units", {"show_duties": True})]),
    )
    contact = standard_page(
        home,
        "Kontak",
        "kontak",
        "Alamat, telepon, surel, dan jam layanan kami.",
        _body(
            bodies,
            "kontak",
            [
                ("contact", None),
                (
                    "paragraph",
                    "<p>Permohonan informasi publik dapat diajukan langsung di meja layanan, "
                    "melalui surel PPID, atau melalui formulir daring di situs ini.</p>",
                ),
            ],
        ),
    )
    notice = standard_page(
        home,
        "Maklumat Pelayanan",
        "maklumat-pelayanan",
        "Janji kami kepada setiap warga yang kami layani.",
        _body(
            bodies,
            "maklumat-pelayanan",
            [
                (
                    "paragraph",
                    f"<p>Dengan ini, {agency.name} sanggup menyelenggarakan pelayanan sesuai "
                    "standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji "
                    "ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang "
                    "berlaku.</p>",
                ),
            ],
        ),
    )
    return {
        "profile": profile,
        "vision": vision,
        "structure": structure,
        "duties": duties,
        "contact": contact,
        "notice": notice,
    }


def english_default_pages(
    agency: Agency, home: HomePage, pages: Mapping[str, StandardPage], spec: NewAgency
) -> dict[str, Page]:
    """The English translations of the default pages (made once; staff edits survive), in the
    agency's English tree. The English home stays an alias of the Indonesian one unless the
    spec gives it English opening words."""
    english = english_home(home)
    if spec.intro_en and english.alias_of_id is not None:
        publish_translation(
            home,
            title=agency.name,
            intro=spec.intro_en[:600],
            seo_title=agency.name[:255],
            search_description=spec.intro_en[:155],
        )
    name, short = agency.name, agency.short_name
    texts = {
        "profile": (
            f"Getting to know {name}: its history, position and services.",
            [("paragraph", f"<p>{spec.intro_en or name}</p>")],
        ),
        "vision": (
            "Where we are heading and how we get there.",
            [
                ("heading", {"text": "Vision", "level": "h2"}),
                ("paragraph", f"<p>Open and accountable public service at {short}.</p>"),
            ],
        ),
        "structure": (
            "Our work units and who leads them.",
            [
                (
                    "paragraph",
                    f"<p>The organisation of {name} is set by the regional head's regulation "
                    "on the position, organisation, duties, functions and working procedures "
                    "of regional agencies.</p>",
                ),
                ("units", {"show_duties": False}),
            ],
        ),
        "duties": (
            "What each work unit does.",
            [("units", {"show_duties": True})],
        ),
        "contact": (
            "Our address, telephone, e-mail and opening hours.",
            [
                ("contact", None),
                (
                    "paragraph",
                    "<p>Requests for public information can be made at the service desk, by "
                    "e-mail to the PPID, or with the online form on this site.</p>",
                ),
            ],
        ),
        "notice": (
            "Our promise to every citizen we serve.",
            [
                (
                    "paragraph",
                    f"<p>{name} undertakes to provide its services to the established service "
                    "standards and, should it fail to keep this promise, is ready to accept "
                    "sanctions under the applicable laws and regulations.</p>",
                ),
            ],
        ),
    }
    translations: dict[str, Page] = {}
    for key, page in pages.items():
        lead, default_body = texts[key]
        title = ENGLISH_LABELS.get(page.title, page.title)
        translations[key] = publish_translation(
            page,
            title=title,
            lead=lead,
            search_description=lead,
            body=_body(spec.page_bodies_en, page.slug, default_body),
        )
    return translations


# English menu labels and footer titles of the default menus (staff edit `label_en` later).
ENGLISH_LABELS = {
    "Beranda": "Home",
    "Profil": "Profile",
    "Visi dan Misi": "Vision and mission",
    "Struktur Organisasi": "Organisation",
    "Tugas Pokok dan Fungsi": "Duties and functions",
    "Kontak": "Contact",
    "Maklumat Pelayanan": "Service pledge",
    "Tentang kami": "About us",
    "Tautan pemerintah": "Government links",
    "Komisi Informasi Pusat": "Central Information Commission",
    "Badan Kepegawaian Negara": "National Civil Service Agency",
    "Berita": "News",
    "Data": "Data",
    "Podcast": "Podcast",
    "Layanan Informasi": "Information service",
    "Program": "Programmes",
    "Agenda": "Agenda",
    "Tanya Jawab": "Questions",
    "Regulasi": "Regulations",
    "Survei": "Survey",
}


def with_english(value: dict) -> dict:
    """A menu link, footer link or footer column with its English text from ENGLISH_LABELS."""
    value = dict(value)
    for name in ("label", "title"):
        if name in value and value[name] in ENGLISH_LABELS:
            value[f"{name}_en"] = ENGLISH_LABELS[value[name]]
    for nested in ("children", "links"):
        if nested in value:
            value[nested] = [with_english(child) for child in value[nested]]
    return value


def _link(label: str, page: Page | None = None, url: str = "") -> dict:
    return with_english({"label": label, "page": page.pk if page else None, "url": url})


def menu(pages: Mapping[str, StandardPage]) -> list[dict]:
    profile_children = [
        _link("Profil", pages["profile"]),
        _link("Visi dan Misi", pages["vision"]),
        _link("Struktur Organisasi", pages["structure"]),
        _link("Tugas Pokok dan Fungsi", pages["duties"]),
    ]
    return stream(
        [
            ("item", with_english({**_link("Beranda", url="/"), "children": []})),
            (
                "item",
                with_english({**_link("Profil", pages["profile"]), "children": profile_children}),
            ),
            ("item", with_english({**_link("Kontak", pages["contact"]), "children": []})),
        ]
    )


def footer(pages: Mapping[str, StandardPage]) -> list[dict]:
    about = [
        _link("Profil", pages["profile"]),
        _link("Struktur Organisasi", pages["structure"]),
        _link("Kontak", pages["contact"]),
    ]
    if "notice" in pages:
        about.append(_link("Maklumat Pelayanan", pages["notice"]))
    return stream(
        [
            ("column", with_english({"title": "Tentang kami", "links": about})),
            (
                "column",
                with_english(
                    {
                        "title": "Tautan pemerintah",
                        "links": [_link(label, url=url) for label, url in GOVERNMENT_LINKS],
                    }
                ),
            ),
        ]
    )


@onboarding_step("pages.site", order=10)
def build_site(agency: Agency, spec: NewAgency) -> None:
    home = ensure_site(agency, spec)
    # The English tree exists from the start, so provision_agency gives the agency's groups
    # their rights on it too (agencies/services.py).
    english_home(home)
    if not spec.default_pages:
        return
    pages = default_pages(agency, home, spec)
    if not home.main_menu and not home.footer:
        home.main_menu = menu(pages)
        home.footer = footer(pages)
        home.save_revision().publish()
    english_default_pages(agency, home, pages, spec)
