"""Normalization and folding of Vietnamese text for storage, matching and search.

Three levels, each built on the one before:

* :func:`nfc` is how text is stored.
* :func:`canonical` is how text is compared when diacritics matter: NFC, one
  tone-placement convention, case and spacing folded.
* :func:`fold` is how text is searched: :func:`canonical` without diacritics,
  with "đ" folded to "d" (it does not decompose under Unicode).
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks of the five Vietnamese tones (huyền, sắc, hỏi, ngã, nặng).
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"
# Old and new styles disagree only on the syllables ending in "oa", "oe", "uy"
# with no final consonant ("hoà"/"hòa", "uỷ"/"ủy"). Canonical form puts the tone
# on the last vowel, as the current spelling rules do.
_OLD_STYLE = re.compile(
    rf"([oO](?=[{_TONE_MARKS}][aAeE])|[uU](?=[{_TONE_MARKS}][yY]))"
    rf"([{_TONE_MARKS}])([aAeEyY])(?![\w\u0300-\u036f])",
)
# In "qu" the u belongs to the consonant: a tone typed on it ("qúy") belongs
# on the vowel after it ("quý"), in the old style and the new alike.
_QU_TONE = re.compile(
    rf"([qQ][uU])([{_TONE_MARKS}])([aAeEiIoOuUyY][\u0302\u0306\u031b]?)"
)
_SPACES = re.compile(r"\s+")
_TONE_AND_SHAPE_MARKS = re.compile(r"[\u0300-\u036f]")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form C, the form the platform stores."""
    return unicodedata.normalize("NFC", text)


def mend_qu_tones(text: str) -> str:
    """Move a tone typed on the u of "qu" to the vowel after it: "qúy III"
    becomes "quý III" (a misspelling, not a second convention); NFC."""
    decomposed = unicodedata.normalize("NFD", text)
    return nfc(_QU_TONE.sub(r"\1\3\2", decomposed))


def normalize_tones(text: str) -> str:
    """Move tone marks to the canonical vowel: "Thị ủy" becomes "Thị uỷ".

    Only the ambiguous syllables (oa, oe, uy without a final consonant) change,
    and a tone misplaced on the u of "qu"; the result is NFC.
    """
    decomposed = unicodedata.normalize("NFD", mend_qu_tones(text))
    return nfc(_OLD_STYLE.sub(r"\1\3\2", decomposed))


def canonical(text: str) -> str:
    """Accent-sensitive matching key: NFC, canonical tones, casefolded, one space."""
    return _SPACES.sub(" ", normalize_tones(text).casefold()).strip()


def fold(text: str) -> str:
    """Accent-insensitive search key: "Thị Uỷ ĐIỆN BÀN" becomes "thi uy dien ban"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = _TONE_AND_SHAPE_MARKS.sub("", decomposed).replace("đ", "d")
    return _SPACES.sub(" ", nfc(stripped)).strip()
