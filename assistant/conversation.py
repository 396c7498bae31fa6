"""Conversation memory (last N turns) and the follow-up question rewrite."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.scope import default_lexicon
from assistant.textnorm import content_words, is_content_word, nfc, words
from corpus.text import fold, is_unaccented

DEFAULT_MAX_TURNS = 5
# A follow-up this short (in syllables) may lean on the previous question's topic. 16 was
# tried (2026-12-02): two longer dev_tune follow-ups then retrieved worse (gold rank 1 -> 3,
# 7 -> none) with the earlier message's words appended.
FOLLOW_UP_MAX_WORDS = 12
# How many key terms of the previous question are appended to a follow-up, and how many of
# the strong labour-law terms it named besides.
CARRIED_TERMS = 8
CARRIED_TOPIC_TERMS = 3
# A longer message that opens like a follow-up ("Còn nếu em tự nguyện muốn tăng ca để có thêm
# tiền thì có được không ạ?", "Vậy nếu hợp đồng của tôi là 6 tháng thì báo trước mấy ngày?")
# changes one fact of the previous question and keeps its topic: it is searched together with
# that whole question. On dev_tune's six follow-ups the answering fact was found in 1 before
# (all but one are longer than FOLLOW_UP_MAX_WORDS, so none was rewritten), 3 with the previous
# question's first words carried as for short follow-ups, 3 with the whole question (gold ranks
# 1, 1, 2, 1 instead of 1, 3, 1, 7); the frozen split's four: 1 -> 1 (one gained, one lost).
LONG_FOLLOW_UP_MAX_WORDS = 30
# Its openers, read with diacritics where the member typed them: "Con em mới được 8 tháng..."
# (my child) and "Thẻ BHYT..." open new questions, "Còn nếu..." and "Thế nếu..." do not. Typed
# without diacritics, a bare "con" is left out for the same reason.
_OPENER_ACCENTED = re.compile(r"^(?:còn|vậy|thế|nếu vậy)(?!\w)|(?<!\w)thì sao(?!\w)")
_OPENER_FOLDED = re.compile(r"^(?:vay|the|neu vay|con neu|con truong hop)\b|\bthi sao\b")

# Folded markers of an elliptical follow-up: "còn ...", "... thì sao", "vậy ...", pronouns.
_FOLLOW_UP_MARKERS = re.compile(
    r"^(con|vay|the|nhung|neu vay|truong hop do)\b|\bthi sao\b|\bthe nao\b.*\b(do|nay)\b"
    r"|\b(truong hop nay|truong hop do|viec do|viec nay|khoan do|dieu do|cai do|no)\b|\bvay\b"
)


@dataclass(frozen=True)
class Turn:
    question: str
    answer: str


class Conversation:
    """Keeps the last ``max_turns`` exchanges of one member's chat."""

    def __init__(self, max_turns: int = DEFAULT_MAX_TURNS) -> None:
        if max_turns < 1:
            raise ValueError(f"max_turns must be at least 1. Currently, max_turns is {max_turns}")
        self._turns: deque[Turn] = deque(maxlen=max_turns)

    @classmethod
    def from_history(
        cls, history: Iterable[tuple[str, str]] | None, max_turns: int = DEFAULT_MAX_TURNS
    ) -> Conversation:
        conversation = cls(max_turns)
        for question, answer in history or ():
            conversation.add(question, answer)
        return conversation

    def add(self, question: str, answer: str) -> None:
        self._turns.append(Turn(question, answer))

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(self._turns)

    def last_question(self) -> str | None:
        return self._turns[-1].question if self._turns else None

    def as_history(self) -> list[tuple[str, str]]:
        return [(t.question, t.answer) for t in self._turns]

    def __len__(self) -> int:
        return len(self._turns)


def is_follow_up(question: str) -> bool:
    return _follow_up_length(question) is not None


def _follow_up_length(question: str) -> str | None:
    """ "short" for an elliptical follow-up, "long" for a longer one that opens like a follow-up,
    None for a question that stands on its own."""
    folded = " ".join(words(question))
    count = len(folded.split())
    if count <= FOLLOW_UP_MAX_WORDS and _FOLLOW_UP_MARKERS.search(folded):
        return "short"
    if count <= LONG_FOLLOW_UP_MAX_WORDS and _opens_like_follow_up(question, folded):
        return "long"
    return None


def _opens_like_follow_up(question: str, folded: str) -> bool:
    if is_unaccented(question):
        return bool(_OPENER_FOLDED.search(folded))
    lowered = " ".join(nfc(question).lower().split())
    return bool(_OPENER_ACCENTED.search(lowered))


# What a debt is of: the folded "no" before these is "nợ" (owed), not the function word "nó".
_OWED = frozenset({"luong", "tien", "bhxh", "bh", "bao", "phep"})


def rewrite_follow_up(question: str, conversation: Conversation) -> str:
    """Append the previous question's key terms to a short elliptical follow-up.

    "còn nếu làm ca đêm thì sao?" after "làm thêm giờ tối đa bao nhiêu?" becomes
    "còn nếu làm ca đêm thì sao? thêm giờ" (deterministic, no model): its first content words,
    then the strong labour-law terms it named that are not carried yet. A longer follow-up
    (``LONG_FOLLOW_UP_MAX_WORDS``) is followed by the whole previous question.
    """
    previous = conversation.last_question()
    if previous is None:
        return question
    length = _follow_up_length(question)
    if length is None:
        return question
    if length == "long":
        return f"{question} {previous}"
    own = set(content_words(question))
    carried: list[str] = []
    tokens = previous.split()
    for i, token in enumerate(tokens):
        key = fold(token).strip(".,;:?!()\"'")
        after = fold(tokens[i + 1]).strip(".,;:?!()\"'") if i + 1 < len(tokens) else ""
        owed = key == "no" and after in _OWED  # "no luong" typed without diacritics is "nợ lương"
        if not owed and (not key or key in own or not is_content_word(token.strip(".,;:?!()\"'"))):
            continue
        carried.append(token.strip(".,;:?!()\"'"))
        if len(carried) >= CARRIED_TERMS:
            break
    # Then the strong labour-law terms it named: after a long story the topic ("sa thải") is
    # rarely among its first words ("Tôi nghỉ 6 ngày liền về quê ...").
    said = set(fold(f"{question} {' '.join(carried)}").split())
    topic = [t for t in default_lexicon().strong_terms(previous) if not set(fold(t).split()) <= said]
    carried.extend(topic[:CARRIED_TOPIC_TERMS])
    if not carried:
        return question
    rewritten = f"{question} {' '.join(carried)}"
    # A follow-up typed without diacritics stays so: an accented topic term ("báo trước") would
    # make the whole line read as accented and skip the diacritics restorer.
    return fold(rewritten) if is_unaccented(question) else rewritten
