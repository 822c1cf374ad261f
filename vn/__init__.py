"""Pure functions for Vietnamese text. No Django imports here."""

from vn.text import canonical, fold, nfc, normalize_tones

__all__ = ["canonical", "fold", "nfc", "normalize_tones"]
