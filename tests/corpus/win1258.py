"""Test helper: encode text the way Windows-1258 files store Vietnamese."""

from __future__ import annotations

import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Vowels with circumflex/breve/horn precomposed, tone marks as combining characters."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")
