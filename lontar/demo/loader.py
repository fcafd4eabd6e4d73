"""Builds the demo province: agencies with their sites, pages, menus, units, staff and logins.

Each step is idempotent: running `lontar load_demo` again changes nothing that exists. Apps
that add demo content of their own provide `lontar.<app>.demo.load(context)`, called in
INSTALLED_APPS order after the agencies exist.
"""

from __future__ import annotations

import importlib
import io
import random
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from lontar.agencies.models import Agency, StaffProfile, Unit
from lontar.agencies.onboarding import NewAgency, create_agency
from lontar.agencies.roles import Role
from lontar.agencies.services import set_staff_roles
from lontar.demo import content
from lontar.pages.models import HomePage
from lontar.pages.onboarding import stream, with_english
from lontar.pages.translations import publish_translation


@dataclass
class DemoContext:
    """What later demo steps need: the agencies by key and the demo logins created."""

    agencies: dict[str, Agency] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # username, role, agency
    created: bool = False


def _png(text: str, color: tuple[int, int, int], size: tuple[int, int], circle: bool) -> bytes:
    image = PILImage.new("RGB", size, color if not circle else (255, 255, 255))
    draw = ImageDraw.Draw(image)
    if circle:
        draw.ellipse((4, 4, size[0] - 4, size[1] - 4), fill=color, outline=(212, 175, 55), width=8)
    else:
        # A simple landscape of hills, so the hero image has something to crop.
        rng = random.Random(text)
        for layer in range(4):
            shade = tuple(min(255, c + 30 * (layer + 1)) for c in color)
            base = size[1] * (0.45 + 0.12 * layer)
            points = [(0, size[1])]
            for x in range(0, size[0] + 80, 80):
                points.append((x, base + rng.randint(-40, 40)))
            points.append((size[0], size[1]))
            draw.polygon(points, fill=shade)
    font = ImageFont.load_default(size=max(18, size[1] // 5))
    box = draw.textbbox((0, 0), text, font=font)
    x = (size[0] - (box[2] - box[0])) / 2
    y = (size[1] - (box[3] - box[1])) / 2 if circle else size[1] * 0.12
    draw.text((x, y), text, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def generated_image(*, title: str, text: str, color, agency: Agency, size=(480, 480), circle=True):
    """A demo picture drawn here, so nothing is downloaded."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title, collection=agency.collection).first()
    if existing:
        return existing
    data = _png(text, color, size, circle)
    name = f"{agency.slug}-{abs(hash(title)) % 10**8}.png"
    return Image.objects.create(
        title=title,
        file=ImageFile(io.BytesIO(data), name=name),
        collection=agency.collection,
        description=title,
    )


def add_menu_item(agency: Agency, *, label: str, url: str, after: str | None = None) -> None:
    """For app demo steps: add a top-level menu link to an agency's site once."""
    home = agency.site.root_page.specific
    items = list(home.main_menu.raw_data)
    if any(item["value"]["label"] == label for item in items):
        return
    value = {"label": label, "page": None, "url": url, "children": []}
    new = {"type": "item", "value": with_english(value)}
    position = len(items)
    if after:
        for index, item in enumerate(items):
            if item["value"]["label"] == after:
                position = index + 1
    items.insert(position, new)
    home.main_menu = items
    home.save_revision().publish()


def _nip(birth: date, appointed: tuple[int, int], sex: int, serial: int) -> str:
    # NIP layout: birth date (8), appointment year and month (6), sex (1), serial (3).
    return f"{birth:%Y%m%d}{appointed[0]:04d}{appointed[1]:02d}{sex}{serial:03d}"


def _ensure_user(username: str, first: str, last: str, agency: Agency) -> tuple[object, bool]:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username.replace('.', '_')}@demo.lontar.invalid",
            "is_staff": True,
        },
    )
    if created:
        user.set_password(settings.LONTAR_DEMO_PASSWORD)
        user.save()
    return user, created


def _bkd_staff(agency: Agency, ctx: DemoContext) -> None:
    units = list(agency.units.order_by("sort_order"))
    rng = random.Random(2026)
    for serial, (first, last, unit_index, position, roles, username, sex) in enumerate(
        content.BKD_STAFF, start=1
    ):
        user, created = _ensure_user(username, first, last, agency)
        birth = date(rng.randint(1968, 1995), rng.randint(1, 12), rng.randint(1, 28))
        appointed = (birth.year + rng.randint(23, 28), rng.choice([1, 3, 4]))
        StaffProfile.objects.get_or_create(
            user=user,
            defaults={
                "agency": agency,
                "unit": units[unit_index],
                "nip": _nip(birth, appointed, sex, serial),
                "position": position,
                "slug": f"{first}-{last}".lower().replace(" ", "-"),
                "bio": f"{position} pada {units[unit_index].name}.",
            },
        )
        if created:  # never change the roles of an account that already exists
            set_staff_roles(user=user, agency=agency, roles=[Role(r) for r in roles])
        ctx.logins.append((username, ", ".join(roles), agency.short_name))


def _other_staff(agency: Agency, spec: dict, ctx: DemoContext) -> None:
    key = spec["key"]
    for suffix, role, first, last in [
        ("admin", Role.AGENCY_ADMIN, "Admin", agency.short_name),
        ("ppid", Role.PPID_OFFICER, "Petugas PPID", agency.short_name),
        ("editor", Role.EDITOR, "Editor", agency.short_name),
    ]:
        username = f"{key}.{suffix}"
        user, created = _ensure_user(username, first, last, agency)
        StaffProfile.objects.get_or_create(
            user=user,
            defaults={
                "agency": agency,
                "unit": agency.units.first(),
                "position": role.value,
                "slug": username.replace(".", "-"),
            },
        )
        if created:
            set_staff_roles(user=user, agency=agency, roles=[role])
        ctx.logins.append((username, role.value, agency.short_name))


def _onboard(spec: dict, parent: Agency | None) -> tuple[Agency, bool]:
    """The demo agency through the one onboarding service, then the demo's own details."""
    is_bkd = spec["key"] == "bkd"
    bodies = bodies_en = {}
    if is_bkd:
        bodies = {"profil": stream(content.BKD_PROFILE), "visi-misi": stream(content.BKD_VISION)}
        bodies_en = {
            "profil": stream(content.BKD_PROFILE_EN),
            "visi-misi": stream(content.BKD_VISION_EN),
        }
    onboarded = create_agency(
        NewAgency(
            name=spec["name"],
            short_name=spec["short_name"],
            slug=spec["slug"],
            public_base_url=f"http://{spec['hostname']}",  # load_demo --port moves it
            kind=spec["kind"],
            parent=parent,
            time_zone="Asia/Makassar",
            email=spec["email"],
            phone=spec["phone"],
            address=spec["address"],
            site_hostname=spec["hostname"],
            site_port=80,
            is_default_site=is_bkd,
            intro=spec["intro"],
            page_bodies=bodies,
            page_bodies_en=bodies_en,
        )
    )
    agency = onboarded.agency
    if onboarded.created:
        for name, value in {
            "tagline": spec["tagline"],
            "whatsapp": spec.get("whatsapp", ""),
            "office_hours": content.OFFICE_HOURS,
            "ppid_role": spec["ppid_role"],
            "ppid_name": spec["ppid_name"],
            "ppid_email": spec.get("ppid_email", spec["email"]),
            "ppid_phone": spec.get("ppid_phone", spec["phone"]),
        }.items():
            setattr(agency, name, value)
        agency.save()
        if is_bkd:
            home = agency.site.root_page.specific
            home.title = "Selamat datang di BKD Nusa Cendana"
            home.save_revision().publish()
    return agency, onboarded.created


def _ensure_units(agency: Agency, spec: dict) -> None:
    if agency.units.exists():
        return
    if spec["key"] == "bkd":
        rows = [(u["name"], u["kind"], u["head_title"], u["duties"]) for u in content.BKD_UNITS]
    else:
        rows = [
            (name, kind, head, f"<p>Melaksanakan tugas {name.lower()}.</p>")
            for name, kind, head in spec["units"]
        ]
    for order, (name, kind, head, duties) in enumerate(rows):
        Unit.objects.create(
            agency=agency, name=name, kind=kind, head_title=head, duties=duties, sort_order=order
        )


@transaction.atomic
def load_agencies(ctx: DemoContext) -> None:
    province = None
    for spec in content.AGENCIES:
        parent = None if spec["kind"] in ("provinsi", "kabupaten") else province
        agency, created = _onboard(spec, parent)
        ctx.created = ctx.created or created
        if spec["key"] == "provinsi":
            province = agency
        home = agency.site.root_page.specific
        if agency.logo is None:
            agency.logo = generated_image(
                title=f"Logo {agency.short_name}",
                text=agency.short_name[:4].upper(),
                color=spec["color"],
                agency=agency,
                size=(192, 192),
            )
            agency.save(update_fields=["logo"])
        _ensure_units(agency, spec)
        pages = {
            page.slug: page for page in home.get_children().filter(slug__in=["profil", "kontak"])
        }
        if not home.services:
            home.hero_image = generated_image(
                title=f"Lanskap {agency.short_name}",
                text=agency.short_name,
                color=spec["color"],
                agency=agency,
                size=(960, 640),
                circle=False,
            )
            home.hero_image_alt = (
                f"Ilustrasi perbukitan dengan tulisan {agency.short_name}, gambar contoh demo."
            )
            home.services = stream(
                [
                    (
                        "service",
                        {
                            "title": "Profil dan tugas kami",
                            "text": "Siapa kami, apa tugas setiap unit, dan siapa pimpinannya.",
                            "page": pages["profil"].pk,
                            "url": "",
                            "button_label": "Lihat profil",
                        },
                    ),
                    (
                        "service",
                        {
                            "title": "Hubungi kami",
                            "text": "Alamat, jam layanan, dan kontak PPID.",
                            "page": pages["kontak"].pk,
                            "url": "",
                            "button_label": "Lihat kontak",
                        },
                    ),
                ]
            )
            home.save_revision().publish()
        if spec["key"] == "bkd":
            _bkd_english_home(home)
        ctx.agencies[spec["key"]] = agency
        if spec["key"] == "bkd":
            _bkd_staff(agency, ctx)
        else:
            _other_staff(agency, spec, ctx)


def _bkd_english_home(home: HomePage) -> None:
    """The BKD's home page in English (made once), with its services in English too."""
    services = [dict(item["value"]) for item in home.services.raw_data if item["type"] == "service"]
    english = [
        (
            "Our profile and duties",
            "Who we are, what each unit does and who leads it.",
            "See our profile",
        ),
        ("Contact us", "Our address, opening hours and PPID contacts.", "See contacts"),
    ]
    for value, (title, text, label) in zip(services, english, strict=False):
        value.update(title=title, text=text, button_label=label)
    publish_translation(
        home,
        title=content.BKD_HOME_TITLE_EN,
        intro=content.BKD_INTRO_EN,
        search_description=content.BKD_INTRO_EN[:155],
        hero_image_alt="Illustration of hills with the words BKD, a demo picture.",
        services=[{"type": "service", "value": value} for value in services],
    )


def load_platform_admin(ctx: DemoContext) -> None:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="admin",
        defaults={"first_name": "Admin", "last_name": "Platform", "email": "admin@demo.invalid"},
    )
    if created:
        user.set_password(settings.LONTAR_DEMO_PASSWORD)
        user.save()
        set_staff_roles(user=user, agency=ctx.agencies["provinsi"], roles=[Role.PLATFORM_ADMIN])
    ctx.logins.insert(0, ("admin", Role.PLATFORM_ADMIN.value, "semua instansi"))


def load_app_demos(ctx: DemoContext) -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("lontar.") or config.name == "lontar.demo":
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        module.load(ctx)


def load_demo() -> DemoContext:
    ctx = DemoContext()
    load_agencies(ctx)
    load_platform_admin(ctx)
    load_app_demos(ctx)
    return ctx


def set_demo_addresses(port: int) -> None:
    """Each demo agency's public base URL follows the port `make run` serves on.

    Run on every `load_demo --port`, not only the first: a second `make run PORT=8001` must move
    the links in sitemaps, feeds and e-mails along with the server.
    """
    for agency in Agency.objects.select_related("site").filter(site__isnull=False):
        host = "127.0.0.1" if agency.site.is_default_site else agency.site.hostname
        address = f"http://{host}" + ("" if port == 80 else f":{port}")
        if agency.public_base_url != address:
            agency.public_base_url = address
            agency.save(update_fields=["public_base_url"])


def demo_sites() -> list[tuple[str, str]]:
    """(agency name, local address) for every demo site, the default site first."""
    rows = []
    for agency in Agency.objects.select_related("site").order_by("-site__is_default_site", "name"):
        if agency.site is None:
            continue
        host = "127.0.0.1" if agency.site.is_default_site else agency.site.hostname
        rows.append((agency.name, host))
    return rows
