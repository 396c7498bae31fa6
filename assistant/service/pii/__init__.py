"""Recognisers of personal data in Vietnamese member messages (used by ``assistant.service.privacy``)."""
