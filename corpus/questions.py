"""The one rule for a member's question at every boundary: reject what cannot be answered,
normalise the rest. Used by the answering pipeline, the search and the service (web and API);
the length limit is ``MAX_QUESTION_CHARS`` (``Settings.max_question_chars`` overrides it)."""

from __future__ import annotations

import re
import unicodedata

from corpus.errors import InvalidQueryError

_SPACES = re.compile(r"\s+")
# Control characters other than ordinary whitespace mean binary data or a broken client.
_ALLOWED_CONTROL = frozenset("\n\r\t")
MAX_QUESTION_CHARS = 2000


def validate_question(question: object, max_chars: int | None = MAX_QUESTION_CHARS) -> str:
    """Return the question NFC-normalised with whitespace collapsed, or raise InvalidQueryError.

    Rejected: non-text, empty/whitespace-only, longer than ``max_chars`` (None: no limit, for
    callers that cut long text themselves), containing control or replacement characters
    (binary data), or without any letter.
    """
    if isinstance(question, bytes | bytearray):
        raise InvalidQueryError(
            f"Câu hỏi phải là văn bản, không phải dữ liệu nhị phân (nhận {len(question)} byte)."
        )
    if not isinstance(question, str):
        raise InvalidQueryError(f"Câu hỏi phải là văn bản (nhận kiểu {type(question).__name__}).")
    if not question.strip():
        raise InvalidQueryError("Câu hỏi đang để trống. Vui lòng nhập nội dung cần hỏi.")
    if max_chars is not None and len(question) > max_chars:
        raise InvalidQueryError(
            f"Câu hỏi quá dài ({len(question)} ký tự); tối đa {max_chars} ký tự. Vui lòng rút gọn câu hỏi."
        )
    bad = [ch for ch in question if _is_binary_char(ch)]
    if bad:
        raise InvalidQueryError(
            f"Câu hỏi chứa {len(bad)} ký tự điều khiển hoặc không đọc được (ví dụ {bad[0]!r}); "
            "chỉ chấp nhận văn bản thông thường."
        )
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", question)).strip()
    if not any(ch.isalpha() for ch in text):
        raise InvalidQueryError(f"Câu hỏi {text[:40]!r} không có chữ cái nào; vui lòng đặt câu hỏi bằng lời.")
    return text


def _is_binary_char(ch: str) -> bool:
    if ch in _ALLOWED_CONTROL:
        return False
    if ch == "\ufffd":  # bytes that failed to decode upstream
        return True
    return unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"}
