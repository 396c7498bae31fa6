"""Recognisers of personal data in Vietnamese member messages (used by ``ui.privacy``)."""
