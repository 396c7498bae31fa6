"""One plain sentence that states the decisive rule, built only from the unit's own words.

No generative model: the sentence is the unit's lead-in joined to its point ("Người sử dụng lao
động không được sử dụng người lao động làm việc ban đêm, làm thêm giờ và đi công tác xa trong
trường hợp mang thai từ tháng thứ 07 ..."), or the clause's decisive sentence, prefixed with the
article's title when the sentence has no subject of its own ("Nghĩa vụ của người lao động khi
đơn phương chấm dứt hợp đồng lao động trái pháp luật: không được trợ cấp thôi việc."). Every word
comes from the quoted unit and its context, so the sentence asserts nothing the quote does not.
"""

from __future__ import annotations

import re

from assistant import table_rows
from assistant.decisive import Candidate
from assistant.textnorm import lower_first, split_sentences
from assistant.unit_context import (
    CLIP_CHARS,
    clause_lead_in,
    is_subjectless,
    lists_prohibited_acts,
    strip_enumerator,
)
from corpus.model import UnitKind

# Lead-in endings that announce a list; dropped when one item of the list is joined to it.
_LIST_ANNOUNCERS = re.compile(
    r"(,?\s*(?:cụ thể )?(?:như sau|sau đây|gồm|bao gồm|các trường hợp sau|các nội dung sau))\s*:?\s*$"
)
# Lead-in endings after which the item continues the sentence without a colon.
_CONTINUES = ("trong trường hợp", "khi", "đối với", "nếu", "cho", "là", "về", "được", "bao gồm", "gồm")
_POINT_LINE = re.compile(r"^[a-zđ]\)\s+")
_ONE_OF_THE_CASES = re.compile(r"(một trong )?các trường hợp$")


def rule_sentence(candidate: Candidate) -> str:
    context = candidate.context
    unit = context.unit
    table = table_rows.parse(unit.text)
    row = next((r for r in table.rows if table_rows.row_line(r) == candidate.key), None) if table else None
    if table is not None and row is not None:  # the row the question names, under its header
        return _end(_join(table.lead or context.article.title, table_rows.row_sentence(table, row)))
    if table is not None and table.lead:  # no row named: the lead-in, the table is quoted below
        return _end(_bare_lead(strip_enumerator(table.lead)))
    if unit.kind is UnitKind.POINT:
        # A long point is stated by its first sentence, whole: clipped at a comma, "Trong thời hạn
        # 03 tháng kể từ ..., người lao động ... phải nộp ... hồ sơ" lost its main clause and stated
        # a time limit for nothing; clipped at a word, "... đóng 1/3. Trong thời gian ... thì người
        # lao." ended on a fragment.
        point = split_sentences(unit.text)[0] if len(unit.text) > CLIP_CHARS else unit.text
        sentence = _join(context.clause_lead, point)
    elif _POINT_LINE.match(candidate.key):  # a point line of a clause stored without point units
        sentence = _join(clause_lead_in(unit), candidate.key)
    else:
        sentence = strip_enumerator(candidate.key)
    if context.article_lead:
        sentence = _join(context.article_lead, sentence)
    elif unit.kind is not UnitKind.POINT and (
        is_subjectless(sentence) or lists_prohibited_acts(context.article.title)
    ):
        sentence = f"{context.article.title}: {lower_first(sentence)}"
    return _end(sentence)


def _bare_lead(lead: str) -> str:
    """A lead-in without its colon and the words that announce a list ("... như sau:")."""
    return _LIST_ANNOUNCERS.sub("", lead.strip().rstrip(":").strip())


def _join(lead: str, item: str) -> str:
    lead = _ONE_OF_THE_CASES.sub("trường hợp", _bare_lead(lead))
    item = lower_first(strip_enumerator(item).rstrip(";.").strip())
    if lead.lower().endswith(_CONTINUES):
        return f"{lead} {item}"
    return f"{lead}: {item}"


def _end(sentence: str) -> str:
    sentence = sentence.strip().rstrip(";,:").strip()
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."
