"""Every stored field has a class in the data map; a new field without one fails here."""

from __future__ import annotations

from django.apps import apps

from lontar.core import datamap
from lontar.core.datamap import DATA_MAP, LEVELS, PERSONAL, SECRET


def unclassified(data_map: dict[str, dict[str, str]]) -> list[str]:
    """`app.Model.field` for every concrete field of our apps (and mapped others) not in the map."""
    missing = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not (datamap.is_our_model(model) or meta.label in data_map):
            continue
        known = data_map.get(meta.label, {})
        missing += [f"{meta.label}.{f.name}" for f in meta.concrete_fields if f.name not in known]
    return missing


def test_every_field_of_our_models_is_classified():
    missing = unclassified(DATA_MAP)
    assert not missing, (
        "Classify these fields in lontar/core/datamap.py (public, internal, personal, secret): "
        + ", ".join(missing)
    )


def test_a_new_unclassified_field_is_named(monkeypatch):
    trimmed = {label: dict(fields) for label, fields in DATA_MAP.items()}
    del trimmed["ppid.InformationRequest"]["occupation"]
    del trimmed["qna.Question"]

    missing = unclassified(trimmed)

    assert "ppid.InformationRequest.occupation" in missing
    assert "qna.Question.asker_name" in missing


def test_the_map_names_only_real_fields_and_known_classes():
    stale = []
    for label, fields in DATA_MAP.items():
        model = apps.get_model(label)
        names = {field.name for field in model._meta.concrete_fields}
        stale += [f"{label}.{name}" for name in fields if name not in names]
        assert set(fields.values()) <= set(LEVELS), label
    assert not stale, f"No such fields: {stale}"


def test_third_party_holders_of_personal_data_are_mapped():
    user = DATA_MAP["auth.User"]
    assert user["password"] == SECRET
    assert {user[name] for name in ("username", "first_name", "last_name", "email")} == {PERSONAL}
    assert not [
        f.name for f in apps.get_model("auth.User")._meta.concrete_fields if f.name not in user
    ]


def test_requesters_identity_and_files_are_personal():
    request = apps.get_model("ppid.InformationRequest")
    personal = {field.name for field in datamap.personal_fields(request)}
    assert {
        "name",
        "nik_encrypted",
        "nik_lookup",
        "address",
        "phone",
        "email",
        "occupation",
        "identity_scan",
        "proxy_letter",
        "notice_pdf",
    } <= personal
    assert "ip_address" in {
        f.name for f in datamap.personal_fields(apps.get_model("ppid.RequestEvent"))
    }
