"""Pure presentation helpers for the web UI: answer payloads to HTML and Markdown.

Everything here turns data the application layer already decided on (citations, flags,
statistics) into Vietnamese text; nothing here decides anything about the law.
All dynamic text is HTML-escaped because it ends up inside ``gr.HTML``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

VERIFIED_LABEL = "Đã được tư vấn viên xác nhận"
VERIFIED_FOR = "Tư vấn viên đã xác nhận câu trả lời này cho câu hỏi:"
MORE_LABEL = "Xem thêm: quy định liên quan, các bước bạn có thể làm, lưu ý"
IN_FORCE_LABEL = "Còn hiệu lực"
NOT_IN_FORCE_LABEL = "Hết hiệu lực"


def as_mapping(item: Any) -> Mapping[str, Any]:
    """A citation/answer given as a dict (API JSON) or a dataclass (domain type), as a mapping."""
    if isinstance(item, Mapping):
        return item
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
    if hasattr(item, "__dict__"):
        return vars(item)
    raise TypeError(f"cannot display {type(item).__name__!r}; expected a mapping or a dataclass")


def unit_label(citation: Mapping[str, Any]) -> str:
    """'Điều 113, khoản 1, điểm a' from the citation's article/clause/point."""
    parts = [f"Điều {citation.get('article')}"]
    if citation.get("clause") not in (None, ""):
        parts.append(f"khoản {citation['clause']}")
    if citation.get("point") not in (None, ""):
        parts.append(f"điểm {citation['point']}")
    return ", ".join(parts)


def law_label(citation: Mapping[str, Any]) -> str:
    """'Bộ luật Lao động 2019 (số hiệu 45/2019/QH14)', or the number alone when no title is known."""
    law_id = str(citation.get("law_id") or "")
    title = str(citation.get("law_title") or "").strip()
    return f"{title} (số hiệu {law_id})" if title else f"Số hiệu {law_id}"


def in_force_badge(citation: Mapping[str, Any]) -> str:
    if citation.get("in_force", True):
        return f'<span class="la-badge la-badge-ok">{IN_FORCE_LABEL}</span>'
    replaced = [str(r) for r in citation.get("replaced_by") or ()]
    text = NOT_IN_FORCE_LABEL
    if replaced:
        text += " — thay thế bởi " + ", ".join(replaced)
    return f'<span class="la-badge la-badge-old">{escape(text)}</span>'


def verified_badge(question: str = "") -> str:
    """The badge, with the question the advisor verified: a paraphrase match may be another
    question ("kết hôn" vs "con kết hôn"), and the member can see it."""
    badge = f'<span class="la-badge la-badge-verified">✔ {VERIFIED_LABEL}</span>'
    if not question.strip():
        return badge
    return f'{badge}<p class="la-verified-question">{VERIFIED_FOR} «{escape(question.strip())}»</p>'


def source_card(citation: Any, *, open_text: bool = False) -> str:
    """One source card: law, unit, in-force badge and the exact text in a collapsible block."""
    c = as_mapping(citation)
    title = str(c.get("title") or "").strip()
    heading = escape(unit_label(c)) + (f". {escape(title)}" if title else "")
    text = str(c.get("text") or "").strip()
    body = (
        f'<details class="la-source-text"{" open" if open_text else ""}>'
        f"<summary>Xem nguyên văn</summary><blockquote>{escape(text)}</blockquote></details>"
        if text
        else '<p class="la-muted">Không có nguyên văn cho trích dẫn này.</p>'
    )
    return (
        '<div class="la-card">'
        f'<div class="la-card-head"><span class="la-law">{escape(law_label(c))}</span>'
        f"{in_force_badge(c)}</div>"
        f'<div class="la-unit">{heading}</div>{body}</div>'
    )


def sources_html(citations: Iterable[Any], *, verified: bool = False, verified_question: str = "") -> str:
    """The block under an answer: verified badge first, then the citation cards, folded.

    The answer already quotes its decisive unit, so on a phone the cards stay closed until the
    member opens them ("Căn cứ pháp lý (n)")."""
    cards = [source_card(c) for c in citations]
    head = f'<div class="la-verified-row">{verified_badge(verified_question)}</div>' if verified else ""
    if not cards:
        return head + '<p class="la-muted">Câu trả lời này không kèm căn cứ pháp lý.</p>' if head else ""
    title = f'<summary class="la-sources-title">Căn cứ pháp lý ({len(cards)})</summary>'
    folded = f'<details class="la-sources-fold">{title}{"".join(cards)}</details>'
    return f'<div class="la-sources">{head}{folded}</div>'


def chat_answer(payload: Mapping[str, Any]) -> str:
    """The final chat message: the short answer in full, everything after it folded.

    Text is escaped (``as_text``); only the fold itself is markup of ours.
    """
    answer = str(payload.get("answer") or "")
    direct = str(payload.get("direct_answer") or "") or answer
    rest = answer[len(direct) :].strip() if answer.startswith(direct) else ""
    if not rest:
        return as_text(answer)
    more = as_text(rest).replace("\n", "<br>")
    return f"{as_text(direct)}\n\n<details><summary>{MORE_LABEL}</summary><p>{more}</p></details>"


def notices_markdown(answer: Mapping[str, Any]) -> str:
    """Warnings a member must see next to the answer (abstention, escalation, fallbacks)."""
    lines: list[str] = []
    if answer.get("abstained"):
        lines.append("ℹ️ Chưa tìm thấy căn cứ đủ chắc chắn để trả lời. Bạn có thể hỏi tư vấn viên.")
    elif answer.get("escalate"):
        lines.append("ℹ️ Câu hỏi này nên được tư vấn viên xem lại. Bấm «Hỏi tư vấn viên» nếu cần.")
    lines.extend(f"⚠️ {w}" for w in answer.get("warnings") or ())
    return "\n\n".join(lines)


def stat_cards_html(items: Sequence[tuple[str, str]]) -> str:
    """Key figures of the dashboard as a row of cards: (label, formatted value)."""
    cards = "".join(
        f'<div class="la-stat"><div class="la-stat-value">{escape(value)}</div>'
        f'<div class="la-stat-label">{escape(label)}</div></div>'
        for label, value in items
    )
    return f'<div class="la-stats">{cards}</div>'


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%".replace(".", ",")


def as_text(text: str) -> str:
    """Answer text for the chat, shown exactly as written: markup is escaped, never rendered.

    Advisors may type "<b>" or "<script>"; members must see those characters, not a blank
    answer (the chat sanitiser would drop the tag and its content) nor formatting.
    """
    return escape(text, quote=False).replace("\x00", "")


def message_html(kind: str, text: str) -> str:
    """A coloured status line ('ok' or 'error') for the result of an action."""
    if kind not in {"ok", "error", "info"}:
        raise ValueError(f"kind must be 'ok', 'error' or 'info', got {kind!r}")
    return f'<div class="la-msg la-msg-{kind}">{escape(text)}</div>'
