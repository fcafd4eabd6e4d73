"""Indonesian text to speech for the service pages (Perki SLIP Pasal 48: an audio version).

eSpeak NG's Indonesian voice, loaded from the `espeakng-loader` wheel (the shared library and
its data ship inside the package, so nothing is installed on the system), driven through ctypes
in synchronous mode: the samples come back through a callback, 16-bit mono at the rate the
library reports, and are encoded to MP3 with LAME (`lameenc`, as the podcast does).

The library keeps global state, so one lock serialises every synthesis in the process. When the
wheel or the voice is missing, `available()` is False and `synthesize` raises `SpeechUnavailable`;
the pages still work without audio and tell the staff why.
"""

from __future__ import annotations

import ctypes
import threading
from functools import lru_cache

import lameenc

VOICE = b"id"
KBPS = 48
MAX_CHARACTERS = 20_000
AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_CHARS_UTF8 = 1
POS_CHARACTER = 1

_LOCK = threading.Lock()
_CALLBACK_TYPE = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class SpeechUnavailable(RuntimeError):
    """No speech engine here (the wheel or its Indonesian voice is missing)."""


class _Engine:
    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:
            raise SpeechUnavailable("espeakng-loader is not installed") from exc
        try:
            self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        except OSError as exc:
            raise SpeechUnavailable(f"libespeak-ng cannot be loaded: {exc}") from exc
        data = espeakng_loader.get_data_path().encode()
        self.lib.espeak_Initialize.argtypes = [
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        self.rate = self.lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 500, data, 0)
        if self.rate <= 0:
            raise SpeechUnavailable("espeak_Initialize failed")
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        if self.lib.espeak_SetVoiceByName(VOICE) != 0:
            raise SpeechUnavailable("the Indonesian voice is missing")
        self.samples = bytearray()
        self.callback = _CALLBACK_TYPE(self._collect)  # kept alive on the instance
        self.lib.espeak_SetSynthCallback(self.callback)
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]

    def _collect(self, wav, count: int, _events) -> int:
        if wav and count > 0:
            self.samples += ctypes.string_at(wav, count * 2)
        return 0  # go on

    def pcm(self, text: str) -> bytes:
        self.samples = bytearray()
        raw = text.encode("utf-8") + b"\0"
        error = self.lib.espeak_Synth(
            raw, len(raw), 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8, None, None
        )
        if error != 0:
            raise SpeechUnavailable(f"espeak_Synth failed ({error})")
        self.lib.espeak_Synchronize()
        return bytes(self.samples)


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    return _Engine()


def available() -> bool:
    try:
        with _LOCK:
            _engine()
    except SpeechUnavailable:
        _engine.cache_clear()
        return False
    return True


def synthesize_mp3(text: str) -> tuple[bytes, float]:
    """The text read aloud in Indonesian, as MP3 bytes, with its length in seconds."""
    text = " ".join(text.split())[:MAX_CHARACTERS]
    if not text:
        raise ValueError("nothing to read")
    with _LOCK:
        try:
            engine = _engine()
        except SpeechUnavailable:
            _engine.cache_clear()
            raise
        pcm = engine.pcm(text)
        rate = engine.rate
    if not pcm:
        raise SpeechUnavailable("the engine produced no sound")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(KBPS)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(7)
    mp3 = encoder.encode(pcm) + encoder.flush()
    return bytes(mp3), len(pcm) / 2 / rate
