"""The question inside a member's story: the sentences that ask, with the fact they ask about.

"Em làm ở cty 6 năm, hợp đồng không xác định thời hạn. Tháng trước cty cắt giảm nhân sự, báo
trước 10 ngày. Như vậy có đúng không?" asks about the notice; the years, the contract type and
the company's reason are facts. The retriever searches the whole story and this focus, and fuses
the two rankings, so the legal issue is not drowned by the facts around it.
"""

from __future__ import annotations

import re

from indexing.analyzer import fold_accents

# A story is at least this long and has at least two sentences before it is focused.
MIN_STORY_CHARS = 120
# A question this short ("Như vậy có đúng không?") names no issue: it keeps the sentence before it.
SHORT_QUESTION_CHARS = 45
_SENTENCE = re.compile(r"(?<=[.!?…;])\s+|\n+|(?<=\S),\s+(?=(?:vay|nhu vay|thi|liệu|liu)\b)")
_ASKS = re.compile(
    r"\?|\b(khong|ko|k|hok|hong|hem|chua|bao nhieu|may|the nao|ra sao|sao|gi|lam sao|o dau|"
    r"bao lau|khi nao|co phai|co dung|dung luat|co duoc|duoc khong|co quyen|phai lam|nhu nao)\b"
)


def question_focus(text: str) -> str | None:
    """The asking part of a long story, or None when the text is already a plain question."""
    if len(text) < MIN_STORY_CHARS:
        return None
    sentences = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    if len(sentences) < 2:
        return None
    asking = [i for i, s in enumerate(sentences) if _ASKS.search(fold_accents(s.lower()))]
    if not asking:
        return None
    chosen: list[int] = []
    for i in asking[-2:]:  # the last questions: members end with what they want to know
        if len(sentences[i]) < SHORT_QUESTION_CHARS and i > 0:
            chosen.append(i - 1)
        chosen.append(i)
    focus = " ".join(sentences[i] for i in sorted(set(chosen)))
    return focus if len(focus) < len(text) * 0.8 else None
