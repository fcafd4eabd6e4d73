"""The data map: what kind of data every stored field holds (UU 27/2022, ASVS 14.1).

Every concrete field of every model of Lontar's own apps is listed here, and so are the
third-party models that hold personal data. `core/tests/test_datamap.py` fails on any field of
our apps that is missing, so a new field cannot be added without deciding what it is.

- PUBLIC: shown on public pages, feeds or APIs.
- INTERNAL: for staff only, but says nothing about a private person (workflow, counters, keys
  to other rows, officials acting in office).
- PERSONAL: identifies or describes a private person (requester, asker, visitor, staff member
  as a private person): never public, never logged, erased when its retention ends. Erasure of
  an information request (`ppid.services.erase_personal_data`) clears exactly the fields marked
  PERSONAL on the request and on the rows that point to it, files included.
- SECRET: credentials and keyed hashes; never shown to anyone, not even staff.
"""

from __future__ import annotations

from django.db import models

PUBLIC = "public"
INTERNAL = "internal"
PERSONAL = "personal"
SECRET = "secret"
LEVELS = (PUBLIC, INTERNAL, PERSONAL, SECRET)

# The fields every Wagtail page inherits from wagtailcore.Page.
_PAGE = {
    "id": INTERNAL,
    "path": INTERNAL,
    "depth": INTERNAL,
    "numchild": INTERNAL,
    "translation_key": INTERNAL,
    "locale": INTERNAL,
    "latest_revision": INTERNAL,
    "live": INTERNAL,
    "has_unpublished_changes": INTERNAL,
    "first_published_at": PUBLIC,
    "last_published_at": PUBLIC,
    "live_revision": INTERNAL,
    "go_live_at": INTERNAL,
    "expire_at": INTERNAL,
    "expired": INTERNAL,
    "locked": INTERNAL,
    "locked_at": INTERNAL,
    "locked_by": INTERNAL,
    "title": PUBLIC,
    "draft_title": INTERNAL,
    "slug": PUBLIC,
    "content_type": INTERNAL,
    "url_path": PUBLIC,
    "owner": INTERNAL,
    "latest_revision_created_at": INTERNAL,
    "alias_of": INTERNAL,
    "show_in_menus": INTERNAL,
    "seo_title": PUBLIC,
    "search_description": PUBLIC,
    "page_ptr": INTERNAL,
}

DATA_MAP: dict[str, dict[str, str]] = {
    # --- core ---------------------------------------------------------------------------------
    "core.ScheduledJob": {
        "id": INTERNAL,
        "name": INTERNAL,
        "last_started_at": INTERNAL,
        "last_finished_at": INTERNAL,
        "next_run_at": INTERNAL,
        "lease_owner": INTERNAL,
        "lease_expires_at": INTERNAL,
        "heartbeat_at": INTERNAL,
        "failures": INTERNAL,
        "last_failed_at": INTERNAL,
        # Redacted by schedule.py before it is stored: no values, no personal data.
        "last_error": INTERNAL,
    },
    # The audit trail records officials acting in office; `changes` never holds personal data
    # (core/audit.py redacts it), but the address a staff member worked from is theirs.
    "core.AuditEvent": {
        "id": INTERNAL,
        "at": INTERNAL,
        "agency": INTERNAL,
        "actor": INTERNAL,
        "ip_address": PERSONAL,
        "object_type": INTERNAL,
        "object_id": INTERNAL,
        "object_repr": INTERNAL,
        "action": INTERNAL,
        "from_state": INTERNAL,
        "to_state": INTERNAL,
        "changes": INTERNAL,
        "note": INTERNAL,
    },
    # The outbox (core/outbox.py, decision 0015): the message itself names its recipients and
    # often speaks of a requester, so it is personal; the bookkeeping around it is not (keys
    # and errors are built to hold no personal data). Blanked a week after delivery, deleted
    # with the information request it is about when that is erased.
    "core.OutboxMessage": {
        "id": INTERNAL,
        "key": INTERNAL,
        "about": INTERNAL,
        "payload": PERSONAL,
        "recipient_count": INTERNAL,
        "status": INTERNAL,
        "attempts": INTERNAL,
        "next_attempt_at": INTERNAL,
        "last_error": INTERNAL,
        "created_at": INTERNAL,
        "sent_at": INTERNAL,
    },
    # An idempotency key is a random token made when a form is shown; it names the record it
    # created, not the person, and is purged after a week (core/jobs.py).
    "core.SubmissionKey": {
        "id": INTERNAL,
        "scope": INTERNAL,
        "key": INTERNAL,
        "agency": INTERNAL,
        "object_type": INTERNAL,
        "object_id": INTERNAL,
        "created_at": INTERNAL,
    },
    # --- agencies: the body and its officials acting in office are public -----------------------
    "agencies.Agency": {
        "id": INTERNAL,
        "name": PUBLIC,
        "short_name": PUBLIC,
        "slug": PUBLIC,
        "uuid": PUBLIC,  # the organisation id of the CKAN API
        "kind": PUBLIC,
        "parent": PUBLIC,
        "site": INTERNAL,
        "collection": INTERNAL,
        "logo": PUBLIC,
        "public_base_url": PUBLIC,
        "tagline": PUBLIC,
        "address": PUBLIC,
        "phone": PUBLIC,
        "email": PUBLIC,
        "whatsapp": PUBLIC,
        "office_hours": PUBLIC,
        "time_zone": PUBLIC,
        "ppid_role": PUBLIC,
        "ppid_name": PUBLIC,
        "ppid_email": PUBLIC,
        "ppid_phone": PUBLIC,
        "retired_at": PUBLIC,
        "successor_url": PUBLIC,
        "retirement_note": PUBLIC,
    },
    "agencies.Unit": {
        "id": INTERNAL,
        "agency": PUBLIC,
        "parent": PUBLIC,
        "name": PUBLIC,
        "slug": PUBLIC,
        "kind": PUBLIC,
        "head_title": PUBLIC,
        "duties": PUBLIC,
        "sort_order": INTERNAL,
    },
    "agencies.StaffProfile": {
        "id": INTERNAL,
        "user": INTERNAL,
        "agency": INTERNAL,
        "unit": INTERNAL,
        "nip": PERSONAL,  # civil-servant number: identifies the person, not the office
        "position": PUBLIC,
        "photo": PERSONAL,
        "slug": PUBLIC,
        "bio": PUBLIC,
        # An official's profile, published by the agency's choice (Perki 1/2021).
        "education": PUBLIC,
        "career": PUBLIC,
        "shown_on_ppid_page": INTERNAL,
    },
    "agencies.WorkingDayOverride": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "day": PUBLIC,
        "kind": PUBLIC,
        "reason": PUBLIC,
    },
    "agencies.AgencyCalendarSettings": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "cuti_bersama_is_working_day": PUBLIC,
    },
    # --- pages --------------------------------------------------------------------------------
    "pages.HomePage": {
        **_PAGE,
        "intro": PUBLIC,
        "hero_image": PUBLIC,
        "hero_image_alt": PUBLIC,
        "services": PUBLIC,
        "body": PUBLIC,
        "announcement": PUBLIC,
        "main_menu": PUBLIC,
        "footer": PUBLIC,
    },
    "pages.StandardPage": {**_PAGE, "lead": PUBLIC, "body": PUBLIC},
    # --- news ---------------------------------------------------------------------------------
    "news.NewsCategory": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "name": PUBLIC,
        "slug": PUBLIC,
        "description": PUBLIC,
        "sort_order": INTERNAL,
    },
    "news.NewsArticleTag": {"id": INTERNAL, "tag": PUBLIC, "content_object": PUBLIC},
    "news.NewsIndexPage": {**_PAGE, "intro": PUBLIC},
    "news.NewsArticlePage": {
        **_PAGE,
        "lead": PUBLIC,
        "date": PUBLIC,
        "category": PUBLIC,
        "hero_image": PUBLIC,
        "hero_image_alt": PUBLIC,
        "hero_caption": PUBLIC,
        "body": PUBLIC,
        "author": PUBLIC,
        "source": PUBLIC,
        "word_count": INTERNAL,
    },
    "news.ArticleLike": {
        "id": INTERNAL,
        "article": INTERNAL,
        "visitor": PERSONAL,  # a pseudonymous visitor id is still personal data
        "fingerprint": PERSONAL,
        "created_at": INTERNAL,
    },
    # --- ppid ---------------------------------------------------------------------------------
    "ppid.PPIDSettings": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "number_format": INTERNAL,
        "require_identity_scan": PUBLIC,
        "retention_years": PUBLIC,
        "copy_tariff": PUBLIC,
        "payment_instructions": PUBLIC,
        "privacy_officer": PUBLIC,
    },
    "ppid.RegistrationCounter": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "year": INTERNAL,
        "last_number": INTERNAL,
    },
    "ppid.InformationRequest": {
        "id": INTERNAL,
        "agency": PUBLIC,
        "number": PUBLIC,
        "year": PUBLIC,
        "sequence": INTERNAL,
        "tracking_code_hash": SECRET,
        "channel": INTERNAL,
        "received_at": PUBLIC,
        "registered_at": INTERNAL,
        # Who asked: all of it goes when the retention period ends.
        "name": PERSONAL,
        "identity_kind": INTERNAL,
        "nik_encrypted": PERSONAL,
        "nik_lookup": PERSONAL,
        "legal_entity_decree": PERSONAL,
        "address": PERSONAL,
        "phone": PERSONAL,
        "email": PERSONAL,
        "occupation": PERSONAL,
        "identity_scan": PERSONAL,
        "proxy_letter": PERSONAL,
        "consent_at": INTERNAL,  # proof that consent was given outlives the data it covered
        "consent_text": INTERNAL,  # the notice's wording (names officials, not the requester)
        "consent_version": INTERNAL,
        "group_name": PERSONAL,  # a group of citizens, identified through its members
        "group_mandate": PERSONAL,
        "filed_by_proxy": INTERNAL,
        "represented_person": PERSONAL,
        "notice_channel": INTERNAL,
        # What was asked and how it was handled: the legal record, kept.
        "information_requested": INTERNAL,
        "purpose": INTERNAL,
        "obtain_method": INTERNAL,
        "delivery_method": INTERNAL,
        "public_summary": PUBLIC,
        "status": PUBLIC,
        "notice_due": INTERNAL,
        "extended_due": INTERNAL,
        "skipped_days": INTERNAL,
        "extended_at": INTERNAL,
        "extension_reason": INTERNAL,
        "assigned_unit": INTERNAL,
        "internal_due": INTERNAL,
        "disposition_note": INTERNAL,
        "decision": PUBLIC,
        "information_held": INTERNAL,
        "holder_body": PUBLIC,  # another public body, named in the register
        "refusal_ground": PUBLIC,
        "refusal_grounds": PUBLIC,
        "exemption_years": PUBLIC,
        "consequence_test": INTERNAL,
        "exempt_list_reference": INTERNAL,
        "material_given": INTERNAL,
        "redaction_note": INTERNAL,
        "delivery_format": INTERNAL,
        "cost_amount": PUBLIC,
        "cost_note": INTERNAL,
        "documentation_days": INTERNAL,
        "payment_method": PUBLIC,
        "information_form": PUBLIC,
        "information_given_on": PUBLIC,
        "register_remarks": PUBLIC,  # checked free of personal data when written
        "notice_pdf": PERSONAL,  # prints the requester's name; regenerated without it
        "receipt_pdf": PERSONAL,  # prints the requester's name; deleted on erasure
        "answered_at": PUBLIC,
        "completed_at": INTERNAL,
        "retain_personal_data_until": INTERNAL,
        "personal_data_erased_at": INTERNAL,
    },
    "ppid.RequestEvent": {
        "id": INTERNAL,
        "information_request": INTERNAL,
        "at": INTERNAL,
        "actor": INTERNAL,
        "kind": INTERNAL,
        "from_status": INTERNAL,
        "to_status": INTERNAL,
        "public_note": INTERNAL,
        "internal_note": INTERNAL,
        "ip_address": PERSONAL,  # the requester's address on web submissions
    },
    "ppid.Notice": {
        "id": INTERNAL,
        "information_request": INTERNAL,
        "kind": INTERNAL,
        "sequence": INTERNAL,
        "number": INTERNAL,
        "issued_on": INTERNAL,
        "signatory": INTERNAL,  # an official acting in office
        "pdf": PERSONAL,  # addressed to the requester by name; deleted on erasure
        "channel": INTERNAL,
        "delivered_at": INTERNAL,
        "delivered_by": INTERNAL,
        "delivery_note": PERSONAL,  # may hold a courier receipt naming the addressee
        "created_at": INTERNAL,
    },
    "ppid.ReleasedDocument": {
        "id": INTERNAL,
        "information_request": INTERNAL,
        # Public information released under the law: the record of what was given, kept.
        "title": INTERNAL,
        "file": INTERNAL,
        "added_at": INTERNAL,
    },
    "ppid.PersonalFileAccess": {
        "id": INTERNAL,
        "information_request": INTERNAL,
        "user": INTERNAL,
        "which": INTERNAL,
        "at": INTERNAL,
        "ip_address": PERSONAL,
    },
    "ppid.ReminderSent": {
        "id": INTERNAL,
        "information_request": INTERNAL,
        "kind": INTERNAL,
        "sent_on": INTERNAL,
        "due": INTERNAL,
        "recipient_count": INTERNAL,
        "escalated": INTERNAL,
    },
    # --- survey: answers are anonymous, but the respondent's profile describes a person --------
    "survey.SurveyUnit": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "name": PUBLIC,
        "slug": PUBLIC,
        "description": PUBLIC,
        "sort_order": INTERNAL,
    },
    "survey.SurveyPeriod": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "unit": PUBLIC,
        "name": PUBLIC,
        "kind": PUBLIC,
        "starts_on": PUBLIC,
        "ends_on": PUBLIC,
        "is_open": PUBLIC,
        "population": PUBLIC,
        "follow_up_plan": PUBLIC,
        "published_at": PUBLIC,
        "published_by": INTERNAL,
        "index": PUBLIC,
        "grade": PUBLIC,
        "label": PUBLIC,
        "respondents": PUBLIC,
        "formula_version": PUBLIC,
        "element_scores": PUBLIC,
        "respondent_profile": PUBLIC,  # aggregated counts only
        "last_counted_response_id": INTERNAL,
    },
    "survey.SurveyResponse": {
        "id": INTERNAL,
        "period": INTERNAL,
        "answers": INTERNAL,
        "sex": PERSONAL,
        "age_band": PERSONAL,
        "education": PERSONAL,
        "occupation": PERSONAL,
        "service_received": INTERNAL,
        "service_date": INTERNAL,
        "suggestion": PERSONAL,  # free text: people write their names and numbers in it
        "created_at": INTERNAL,
    },
    "survey.SurveyInvitation": {
        "id": INTERNAL,
        "unit": INTERNAL,
        "token": SECRET,
        "reference": INTERNAL,
        "created_at": INTERNAL,
        "used_at": INTERNAL,
    },
    "survey.PageFeedback": {
        "id": INTERNAL,
        "page": INTERNAL,
        "helpful": INTERNAL,
        "comment": PERSONAL,
        "created_at": INTERNAL,
    },
    # --- regulations: published law, all public ------------------------------------------------
    "regulations.Subject": {"id": INTERNAL, "agency": INTERNAL, "name": PUBLIC},
    "regulations.LegalDocument": {
        "id": INTERNAL,
        "agency": PUBLIC,
        "document_type": PUBLIC,
        "kind": PUBLIC,
        "kind_abbreviation": PUBLIC,
        "number": PUBLIC,
        "year": PUBLIC,
        "title": PUBLIC,
        "teu_body": PUBLIC,
        "place_enacted": PUBLIC,
        "enacted_on": PUBLIC,
        "promulgated_on": PUBLIC,
        "effective_on": PUBLIC,
        "source": PUBLIC,
        "field_of_law": PUBLIC,
        "language": PUBLIC,
        "signer": PUBLIC,  # the official who signed, in office
        "initiating_unit": PUBLIC,
        "original_location": PUBLIC,
        "abstract": PUBLIC,
        "call_number": PUBLIC,
        "publisher": PUBLIC,
        "physical_description": PUBLIC,
        "isbn": PUBLIC,
        "index_number": PUBLIC,
        "file": PUBLIC,
        "abstract_file": PUBLIC,
        "extracted_text": PUBLIC,
        "text_extracted_from": INTERNAL,
        "download_count": INTERNAL,
        "status": PUBLIC,
        "is_published": PUBLIC,
        "created_at": INTERNAL,
        "updated_at": INTERNAL,
    },
    "regulations.DocumentRelation": {
        "id": INTERNAL,
        "source": PUBLIC,
        "kind": PUBLIC,
        "target": PUBLIC,
        "note": PUBLIC,
    },
    # --- qna: the asker is private; the moderated question and the answer are public ----------
    "qna.Question": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "asker_name": PERSONAL,
        "email": PERSONAL,
        "phone": PERSONAL,
        "category": PUBLIC,
        "anonymous_in_public": INTERNAL,
        "question_text": PERSONAL,  # as typed, before redaction
        "status": INTERNAL,
        "tracking_token": SECRET,
        "assigned_unit": INTERNAL,
        "public_question": PUBLIC,
        "public_answer": PUBLIC,
        "created_at": PUBLIC,
        "published_at": PUBLIC,
        "helpful_yes": PUBLIC,
        "helpful_no": PUBLIC,
    },
    "qna.Answer": {
        "id": INTERNAL,
        "question": INTERNAL,
        "unit": INTERNAL,
        "text": INTERNAL,
        "answered_by": INTERNAL,
        "answered_at": INTERNAL,
    },
    # --- podcast ------------------------------------------------------------------------------
    "podcast.Show": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "title": PUBLIC,
        "slug": PUBLIC,
        "description": PUBLIC,
        "author": PUBLIC,
        "owner_email": PUBLIC,  # the agency's address, published in the RSS feed
        "cover": PUBLIC,
        "itunes_category": PUBLIC,
        "language": PUBLIC,
        "explicit": PUBLIC,
        "guid": PUBLIC,
    },
    "podcast.Episode": {
        "id": INTERNAL,
        "show": PUBLIC,
        "title": PUBLIC,
        "slug": PUBLIC,
        "notes": PUBLIC,
        "audio": PUBLIC,
        "audio_type": PUBLIC,
        "audio_size": PUBLIC,
        "duration_seconds": PUBLIC,
        "cover": PUBLIC,
        "season": PUBLIC,
        "number": PUBLIC,
        "published_at": PUBLIC,
        "is_published": PUBLIC,
        "explicit": PUBLIC,
        "transcript": PUBLIC,
        "transcript_type": PUBLIC,
        "transcript_text": PUBLIC,
        "guid": PUBLIC,
    },
    "podcast.Person": {
        "id": INTERNAL,
        "sort_order": INTERNAL,
        "episode": PUBLIC,
        "name": PUBLIC,  # hosts and guests, credited with their consent
        "role": PUBLIC,
    },
    "podcast.Chapter": {
        "id": INTERNAL,
        "sort_order": INTERNAL,
        "episode": PUBLIC,
        "start_seconds": PUBLIC,
        "title": PUBLIC,
        "question": PUBLIC,
    },
    # --- opendata -----------------------------------------------------------------------------
    "opendata.Group": {
        "id": INTERNAL,
        "uuid": PUBLIC,  # the CKAN id
        "name": PUBLIC,
        "title": PUBLIC,
        "description": PUBLIC,
        "eu_theme": PUBLIC,
    },
    "opendata.Dataset": {
        "id": INTERNAL,
        "agency": PUBLIC,
        "uuid": PUBLIC,  # the CKAN id
        "title": PUBLIC,
        "slug": PUBLIC,
        "description": PUBLIC,
        "unit": PUBLIC,
        "period_start": PUBLIC,
        "period_end": PUBLIC,
        "frequency": PUBLIC,
        "license": PUBLIC,
        "contact_name": PUBLIC,  # the data steward's office contact
        "contact_email": PUBLIC,
        "region_codes": PUBLIC,
        "tags": PUBLIC,
        "visibility": INTERNAL,
        "created_at": PUBLIC,
        "updated_at": PUBLIC,
    },
    "opendata.Variable": {
        "id": INTERNAL,
        "dataset": PUBLIC,
        "name": PUBLIC,
        "definition": PUBLIC,
        "unit_of_measure": PUBLIC,
        "data_type": PUBLIC,
        "sort_order": INTERNAL,
    },
    "opendata.Resource": {
        "id": INTERNAL,
        "uuid": PUBLIC,  # the CKAN id
        "dataset": PUBLIC,
        "name": PUBLIC,
        "description": PUBLIC,
        "format": PUBLIC,
        # Shared-only datasets' files are for partners under an agreement: never public by
        # default; the download view decides per request.
        "file": INTERNAL,
        "original_filename": INTERNAL,
        "generator": INTERNAL,
        "download_count": INTERNAL,
        "created_at": PUBLIC,
        "updated_at": PUBLIC,
    },
    "opendata.PartnerAgreement": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "partner_name": INTERNAL,
        "purpose": INTERNAL,
        "legal_basis": INTERNAL,
        "starts_on": INTERNAL,
        "ends_on": INTERNAL,
        "revoked_at": INTERNAL,
    },
    "opendata.PartnerKey": {
        "id": INTERNAL,
        "agreement": INTERNAL,
        "label": INTERNAL,
        "prefix": INTERNAL,
        "key_hash": SECRET,
        "created_at": INTERNAL,
        "revoked_at": INTERNAL,
    },
    "opendata.PartnerKeyUse": {
        "id": INTERNAL,
        "key": INTERNAL,
        "at": INTERNAL,
        "path": INTERNAL,
        "dataset": INTERNAL,
        "allowed": INTERNAL,
        "ip_address": PERSONAL,
    },
    # --- programs -----------------------------------------------------------------------------
    "programs.Program": {
        "id": INTERNAL,
        "agency": PUBLIC,
        "year": PUBLIC,
        "level": PUBLIC,
        "parent": PUBLIC,
        "code": PUBLIC,
        "name": PUBLIC,
        "goal": PUBLIC,
        "unit": PUBLIC,
        "status": PUBLIC,
        "budget": PUBLIC,
        "budget_realised": PUBLIC,
    },
    "programs.PerformanceIndicator": {
        "id": INTERNAL,
        "sort_order": INTERNAL,
        "program": PUBLIC,
        "name": PUBLIC,
        "measure_unit": PUBLIC,
        "target": PUBLIC,
        "target_q1": PUBLIC,
        "target_q2": PUBLIC,
        "target_q3": PUBLIC,
        "target_q4": PUBLIC,
        "realised_q1": PUBLIC,
        "realised_q2": PUBLIC,
        "realised_q3": PUBLIC,
        "realised_q4": PUBLIC,
        "cumulative": PUBLIC,
    },
    "programs.Event": {
        "id": INTERNAL,
        "agency": PUBLIC,
        "title": PUBLIC,
        "category": PUBLIC,
        "description": PUBLIC,
        "starts_at": PUBLIC,
        "ends_at": PUBLIC,
        "place": PUBLIC,
        "audience": PUBLIC,
        "registration_url": PUBLIC,
        "program": PUBLIC,
        "report": PUBLIC,
        "updated_at": PUBLIC,
    },
    "programs.PlanningDocument": {
        "id": INTERNAL,
        "agency": PUBLIC,
        "kind": PUBLIC,
        "year": PUBLIC,
        "title": PUBLIC,
        "document": PUBLIC,
        "published_on": PUBLIC,
    },
    "programs.DocumentReminderSettings": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "required_kinds": INTERNAL,
        "remind_from_month": INTERNAL,
    },
    "accounts.LoginSession": {
        "id": INTERNAL,
        "user": INTERNAL,
        "session_key": SECRET,  # a live session key is a credential
        "created_at": INTERNAL,
    },
    # --- integrity: what the scan found in the site's own content and code, for staff ----------
    "integrity.Finding": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "kind": INTERNAL,
        "object_type": INTERNAL,
        "object_id": INTERNAL,
        "object_repr": INTERNAL,
        "location": INTERNAL,
        "snippet": INTERNAL,
        "fingerprint": INTERNAL,
        "found_at": INTERNAL,
        "last_seen_at": INTERNAL,
        "resolved_at": INTERNAL,
    },
    # --- wordpress: what an import has carried over, and the files uploaded to run it --------
    "wordpress.ImportedItem": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "kind": INTERNAL,
        "key": INTERNAL,
        "object_id": INTERNAL,
        "imported_at": INTERNAL,
    },
    "wordpress.ImportRun": {
        "id": INTERNAL,
        "agency": INTERNAL,
        "file": INTERNAL,  # the export itself (authors' e-mail addresses) is in private storage
        "original_name": INTERNAL,
        "fetch_media": INTERNAL,
        "uploaded_by": INTERNAL,
        "uploaded_at": INTERNAL,
        "status": INTERNAL,
        "dry_run_report": INTERNAL,
        "report": INTERNAL,
        "started_at": INTERNAL,
        "finished_at": INTERNAL,
        "error": INTERNAL,
    },
    # --- third-party models that hold personal data ------------------------------------------
    "auth.User": {
        "id": INTERNAL,
        "password": SECRET,
        "last_login": INTERNAL,
        "is_superuser": INTERNAL,
        "username": PERSONAL,
        "first_name": PERSONAL,
        "last_name": PERSONAL,
        "email": PERSONAL,
        "is_staff": INTERNAL,
        "is_active": INTERNAL,
        "date_joined": INTERNAL,
    },
    "sessions.Session": {
        "session_key": SECRET,
        "session_data": PERSONAL,  # holds the tracking grant of a requester
        "expire_date": INTERNAL,
    },
    "wagtailcore.PageLogEntry": {
        "id": INTERNAL,
        "content_type": INTERNAL,
        "label": INTERNAL,
        "action": INTERNAL,
        "data": INTERNAL,
        "timestamp": INTERNAL,
        "uuid": INTERNAL,
        "user": INTERNAL,
        "revision": INTERNAL,
        "content_changed": INTERNAL,
        "deleted": INTERNAL,
        "page": INTERNAL,
    },
    "wagtailcore.ModelLogEntry": {
        "id": INTERNAL,
        "content_type": INTERNAL,
        "label": PERSONAL,  # a user's name when the logged object is a user
        "action": INTERNAL,
        "data": INTERNAL,
        "timestamp": INTERNAL,
        "uuid": INTERNAL,
        "user": INTERNAL,
        "revision": INTERNAL,
        "content_changed": INTERNAL,
        "deleted": INTERNAL,
        "object_id": INTERNAL,
    },
}


def is_our_model(model: type[models.Model]) -> bool:
    return model._meta.app_config.name.startswith("lontar.")


def classification(model: type[models.Model], field_name: str) -> str | None:
    return DATA_MAP.get(model._meta.label, {}).get(field_name)


def fields_of_level(model: type[models.Model], level: str) -> list[models.Field]:
    """The concrete fields of `model` the map puts at `level` (e.g. PERSONAL)."""
    wanted = DATA_MAP.get((model._meta.concrete_model or model)._meta.label, {})
    return [field for field in model._meta.concrete_fields if wanted.get(field.name) == level]


def personal_fields(model: type[models.Model]) -> list[models.Field]:
    return fields_of_level(model, PERSONAL)
