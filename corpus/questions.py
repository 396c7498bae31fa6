"""The one rule for a member's question at every boundary: reject what cannot be answered,
normalise the rest. Used by the answering pipeline, the search and the service (web and API);
the length limit is ``MAX_QUESTION_CHARS`` (``Settings.max_question_chars`` overrides it)."""

from __future__ import annotations

import re
import unicodedata

from corpus.errors import InvalidQueryError
from corpus.text import fold_aligned

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


# Who a member greets or thanks ("anh chị công đoàn", "các anh chị ở công đoàn", "ad", "mọi người"),
# matched on folded text: greeting the union is not asking about the union.
_ADDRESSEE = (
    r"(?:(?:cac|ca)\s+)?(?:anh\s*chi|anh|chi|co\s*chu|co|chu|ad|admin|ban|moi\s+nguoi|luat\s+su)?"
    r"(?:\s*(?:o|ben|cua)?\s*(?:ban\s+|to\s+|phong\s+)?(?:cong\s+doan(?:\s+co\s+so)?|cdcs|cd|tu\s+van))?"
)
_SELF = r"(?:(?:da|vang)\s+)?(?:(?:em|e|con|minh|toi|chau|chi|anh)\s+)?(?:xin\s+)?"
# A greeting that opens the message: "Chào anh chị công đoàn,", "Dạ em chào anh chị bên công
# đoàn.", "Kính gửi công đoàn:", "Công đoàn ơi,", "Anh chị ơi".
_GREETING = re.compile(
    rf"^\s*(?:{_SELF}(?:chao|kinh\s+gui|gui)\s+{_ADDRESSEE}(?:\s+(?:a|oi|nhe))?|{_ADDRESSEE}\s+oi)"
    r"\s*(?:[.!,:;\n]+|(?=\s))"
)
# Thanks that close it: "Em cảm ơn anh chị nhiều ạ.", "Chị cảm ơn nhiều."
_THANKS = re.compile(rf"(?:(?<=[.!?\n])|^)\s*{_SELF}(?:cam\s+on|thank\s*s?|tks)\b[^.!?\n]{{0,40}}[.!\s]*$")
_MIN_WORDS_LEFT = 3


def without_salutation(text: str) -> str:
    """The message without the greeting that opens it and the thanks that close it, which say
    nothing about the case ("Chào anh chị công đoàn, ..." named the union to the search: a
    dismissed worker read the rules protecting union officers). The message itself when too
    little would be left."""
    folded = fold_aligned(text)
    start, end = 0, len(text)
    greeting = _GREETING.match(folded)
    if greeting:
        start = greeting.end()
    thanks = _THANKS.search(folded, start)
    if thanks:
        end = thanks.start()
    kept = text[start:end].lstrip(" ,.;:-\n").rstrip()
    return kept if len(kept.split()) >= _MIN_WORDS_LEFT else text


# A sentence of a member's message, with the marks that end it ("?", "...", a line break).
_MESSAGE_SENTENCE = re.compile(r"[^.?!\n]+[.?!\n]*")


def message_sentences(text: str) -> list[str]:
    """The sentences of a member's message, stripped, in order."""
    return [s for s in (m.group(0).strip() for m in _MESSAGE_SENTENCE.finditer(text)) if s]


def asked_sentences(sentences: list[str]) -> list[str]:
    """The sentences of a message that ask (with "?"), else its last one: where the member says
    what she wants to know, after the story."""
    return [s for s in sentences if "?" in s] or sentences[-1:]


def _is_binary_char(ch: str) -> bool:
    if ch in _ALLOWED_CONTROL:
        return False
    if ch == "\ufffd":  # bytes that failed to decode upstream
        return True
    return unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"}
