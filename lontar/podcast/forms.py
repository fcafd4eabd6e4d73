"""Admin forms that check uploads: cover art rules, audio that is really audio, transcripts."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.podcast import categories
from lontar.podcast.artwork import check_cover


def _new_upload(value) -> bool:
    return isinstance(value, UploadedFile)


class ShowAdminForm(AgencyScopedAdminForm):
    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if _new_upload(cover):
            check_cover(cover)
        return cover

    def clean_itunes_category(self):
        return categories.validate(self.cleaned_data.get("itunes_category", ""))


class EpisodeAdminForm(AgencyScopedAdminForm):
    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if _new_upload(cover):
            check_cover(cover)
        return cover

    def clean_audio(self):
        from lontar.podcast.services import read_audio

        upload = self.cleaned_data.get("audio")
        if _new_upload(upload):
            return read_audio(self.instance, upload)  # a WAV comes back as its MP3
        return upload

    def clean_transcript(self):
        from lontar.podcast.services import read_transcript

        upload = self.cleaned_data.get("transcript")
        if _new_upload(upload):
            read_transcript(self.instance, upload)
        elif upload is False:  # cleared
            self.instance.transcript_type = self.instance.transcript_text = ""
        return upload
