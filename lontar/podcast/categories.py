"""Apple Podcasts categories (Apple's published list, as of 2019, unchanged since).

Apple reads `<itunes:category text="…"/>` — the name as an attribute, exactly as listed, with an
optional nested subcategory. A show's category is stored as "Category" or
"Category > Subcategory". Government, the natural home of an agency's podcast, has no
subcategories in Apple's list, so the default is the bare "Government".
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SEPARATOR = " > "

APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": (
        "Books",
        "Design",
        "Fashion & Beauty",
        "Food",
        "Performing Arts",
        "Visual Arts",
    ),
    "Business": (
        "Careers",
        "Entrepreneurship",
        "Investing",
        "Management",
        "Marketing",
        "Non-Profit",
    ),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": (
        "Alternative Health",
        "Fitness",
        "Medicine",
        "Mental Health",
        "Nutrition",
        "Sexuality",
    ),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": (
        "Animation & Manga",
        "Automotive",
        "Aviation",
        "Crafts",
        "Games",
        "Hobbies",
        "Home & Garden",
        "Video Games",
    ),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": (
        "Business News",
        "Daily News",
        "Entertainment News",
        "News Commentary",
        "Politics",
        "Sports News",
        "Tech News",
    ),
    "Religion & Spirituality": (
        "Buddhism",
        "Christianity",
        "Hinduism",
        "Islam",
        "Judaism",
        "Religion",
        "Spirituality",
    ),
    "Science": (
        "Astronomy",
        "Chemistry",
        "Earth Sciences",
        "Life Sciences",
        "Mathematics",
        "Natural Sciences",
        "Nature",
        "Physics",
        "Social Sciences",
    ),
    "Society & Culture": (
        "Documentary",
        "Personal Journals",
        "Philosophy",
        "Places & Travel",
        "Relationships",
    ),
    "Sports": (
        "Baseball",
        "Basketball",
        "Cricket",
        "Fantasy Sports",
        "Football",
        "Golf",
        "Hockey",
        "Rugby",
        "Running",
        "Soccer",
        "Swimming",
        "Tennis",
        "Volleyball",
        "Wilderness",
        "Wrestling",
    ),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}


def split(value: str) -> tuple[str, str]:
    """("Category", "Subcategory" or "") of a stored value."""
    category, _sep, sub = (value or "").partition(">")
    return category.strip(), sub.strip()


def validate(value: str) -> str:
    """The value normalised ("News > Politics"), or ValidationError naming what Apple lists."""
    category, sub = split(value)
    if category not in APPLE_CATEGORIES:
        raise ValidationError(
            _("“%(value)s” bukan kategori Apple Podcasts. Contoh: Government, Education, News.")
            % {"value": category},
            code="category",
        )
    if sub and sub not in APPLE_CATEGORIES[category]:
        allowed = ", ".join(APPLE_CATEGORIES[category]) or _("tidak ada")
        raise ValidationError(
            _("Subkategori “%(sub)s” tidak ada di bawah %(cat)s. Pilihan: %(allowed)s.")
            % {"sub": sub, "cat": category, "allowed": allowed},
            code="subcategory",
        )
    return f"{category}{SEPARATOR}{sub}" if sub else category
