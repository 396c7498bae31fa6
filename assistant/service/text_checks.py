"""Checks on free text staff write for members (advisor edits and comments)."""

from __future__ import annotations

import unicodedata

from assistant.service.errors import InvalidRequestError

ALLOWED_CONTROLS = frozenset("\n\t")


def clean_text(value: str, field: str, *, required: bool = False) -> str:
    """NFC text with Windows line ends made plain; refuses NUL and other control characters.

    Markup is kept as typed: every front end shows it as text (the web UI escapes it, the API
    returns JSON), so "<b>" reaches the member as the four characters "<b>", never as a tag.
    """
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    for position, char in enumerate(text):
        if char in ALLOWED_CONTROLS:
            continue
        if unicodedata.category(char) in {"Cc", "Cs"} or char in "\u2028\u2029":
            raise InvalidRequestError(
                f"{field} chứa ký tự điều khiển không được phép (mã U+{ord(char):04X}) ở vị trí "
                f"{position + 1}; hãy xoá ký tự đó rồi gửi lại."
            )
    text = text.strip()
    if required and not text:
        raise InvalidRequestError(f"{field} không được để trống.")
    return text
