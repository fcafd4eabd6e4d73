import io
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.admin.panels import get_edit_handler

from lontar.podcast.models import Episode, Show
from lontar.podcast.samples import tone_wav
from lontar.podcast.tests.helpers import VTT, assert_real_mp3, make_show, png


def _form(show, user, audio: bytes, *, name="episode.mp3", cover=None):
    form_class = get_edit_handler(Episode).get_form_class()
    data = {
        "show": show.pk,
        "title": "Episode uji",
        "slug": "episode-uji",
        "notes": "Catatan.",
        "published_at": "2026-11-01 10:00",
        "is_published": "on",
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "1000",
        "chapters-TOTAL_FORMS": "0",
        "chapters-INITIAL_FORMS": "0",
        "chapters-MIN_NUM_FORMS": "0",
        "chapters-MAX_NUM_FORMS": "1000",
    }
    files = {
        "audio": SimpleUploadedFile(name, audio),
        "transcript": SimpleUploadedFile("t.vtt", VTT.encode()),
    }
    if cover:
        files["cover"] = SimpleUploadedFile("c.png", cover)
    return form_class(data, files, instance=Episode(), for_user=user)


def test_admin_form_converts_a_wav_upload_to_mp3_and_reads_the_transcript(agency_a, agency_admin_a):
    show = make_show(agency_a)
    form = _form(show, agency_admin_a, tone_wav(1.0), name="rekaman studio.wav")
    assert form.is_valid(), form.errors
    episode = form.save()
    assert episode.audio_type == "audio/mpeg"
    assert episode.duration_seconds == pytest.approx(1.0, abs=0.1)
    assert episode.audio.name.endswith(".mp3")
    assert episode.audio_url().endswith("/audio.mp3")
    with episode.audio.open("rb") as stored:
        assert_real_mp3(stored.read())
    assert episode.audio_size == episode.audio.size
    assert "cuti besar bagi guru" in episode.transcript_text
    assert episode.transcript_type == "text/vtt"


def test_admin_form_refuses_non_audio_and_bad_cover(agency_a, agency_admin_a):
    show = make_show(agency_a)
    form = _form(show, agency_admin_a, b"%PDF-1.4 ini dokumen" * 50, cover=png(1400, 900))
    assert not form.is_valid()
    assert "bukan audio" in " ".join(form.errors["audio"])
    assert "persegi" in " ".join(form.errors["cover"])


def test_admin_form_refuses_a_wav_that_cannot_become_mp3(agency_a, agency_admin_a):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(7000)
        out.writeframes(bytes(7000))
    form = _form(make_show(agency_a), agency_admin_a, buffer.getvalue(), name="a.wav")
    assert not form.is_valid()
    [message] = form.errors["audio"]
    assert "tidak dapat diubah menjadi MP3" in message and "7000 Hz" in message


def test_show_category_must_be_one_apple_lists(agency_a, agency_admin_a):
    form_class = get_edit_handler(Show).get_form_class()
    show = make_show(agency_a)
    base = {
        "agency": agency_a.pk,
        "title": show.title,
        "slug": show.slug,
        "description": show.description,
        "author": show.author,
        "owner_email": show.owner_email,
    }
    for value, error in [
        ("Government", None),
        ("News > Politics", None),
        ("Pemerintahan", "bukan kategori Apple Podcasts"),
        ("Government > Local", "tidak ada di bawah Government"),
    ]:
        form = form_class(
            {**base, "itunes_category": value}, instance=show, for_user=agency_admin_a
        )
        if error is None:
            assert form.is_valid(), form.errors
        else:
            assert error in " ".join(form.errors["itunes_category"])


def test_shows_of_other_agencies_are_not_offered(agency_a, agency_b, agency_admin_a):
    make_show(agency_a)
    other = make_show(agency_b, slug="lain")
    form = _form(other, agency_admin_a, tone_wav(1.0), name="e.wav")
    assert not form.is_valid() and "show" in form.errors
