"""The misleading-quote check on the real Labour Code: the cases members were shown."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer import Answer, Citation
from assistant.quote_check import misleading_quotes

LC = "45/2019/QH14"
STOPPAGE_LEAD = "Trường hợp phải ngừng việc, người lao động được trả lương như sau:"
PREGNANCY_LEAD = (
    "1. Người sử dụng lao động không được sử dụng người lao động làm việc ban đêm, làm thêm giờ "
    "và đi công tác xa trong trường hợp sau đây:"
)
POINT_A = (
    "a) Mang thai từ tháng thứ 07 hoặc từ tháng thứ 06 nếu làm việc ở vùng cao, vùng sâu, vùng xa, "
    "biên giới, hải đảo;"
)
STOPPAGE_2 = "Nếu do lỗi của người lao động thì người đó không được trả lương"
BREAK_PAY = "Thời gian nghỉ vẫn được hưởng đủ tiền lương theo hợp đồng lao động."
TITLE_40 = "Điều 40. Nghĩa vụ của người lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật"


def _answer(
    question: str, text: str, article: int, clause: int, point: str | None = None, direct: str = ""
) -> Answer:
    citation = Citation(LC, article, clause, point, "", True)
    return Answer(question, text, (citation,), False, False, 0.5, "test", direct_answer=direct)


@pytest.mark.slow
class TestMisleadingQuotes:
    @pytest.mark.parametrize(
        ("text", "article", "clause", "point", "expected"),
        [
            ("«Không được trợ cấp thôi việc.»", 40, 1, None, "title"),
            (f"{TITLE_40}\n«1. Không được trợ cấp thôi việc.»", 40, 1, None, None),
            (f"«{STOPPAGE_2}»", 99, 2, None, "lead-in"),
            (f"«{STOPPAGE_LEAD}\n2. {STOPPAGE_2};»", 99, 2, None, None),
            (f"«{POINT_A}»", 137, 1, "a", "lead-in"),
            (f"«{PREGNANCY_LEAD}\n{POINT_A}»", 137, 1, "a", None),
            (f"«{BREAK_PAY}»", 137, 4, None, "subject"),
            ("«Lao động nữ mang thai được nghỉ 10 tháng.»", 137, 4, None, "not in any cited article"),
        ],
    )
    def test_quotes(
        self, corpus: Any, text: str, article: int, clause: int, point: str | None, expected: str | None
    ) -> None:
        reasons = misleading_quotes(
            _answer("công ty bắt tăng ca, nợ lương", text, article, clause, point), corpus
        )
        if expected is None:
            assert reasons == []
        else:
            assert len(reasons) == 1 and expected in reasons[0]

    def test_unmarked_direct_answer_lines_are_quotes(self, corpus: Any) -> None:
        direct = (
            "Không được trợ cấp thôi việc.\nPhải hoàn trả cho người sử dụng lao động chi phí đào tạo "
            "quy định tại Điều 62 của Bộ luật này."
        )
        reasons = misleading_quotes(
            _answer("nghỉ việc có được trợ cấp", direct, 40, 1, direct=direct), corpus
        )
        assert len(reasons) == 2

    def test_a_rule_sentence_in_the_laws_words_is_read_as_a_quote(self, corpus: Any) -> None:
        """The rule sentence of a point (its clause's lead-in joined to it, "sau đây" and the
        enumerators left out) and of a subjectless clause (after its article's title) is shown
        without a «quote»: the check reads it in plain words and still asks for the context."""
        joined = (
            "Người sử dụng lao động không được sử dụng người lao động làm việc ban đêm, làm thêm giờ "
            "và đi công tác xa trong trường hợp mang thai từ tháng thứ 07 hoặc từ tháng thứ 06 nếu "
            "làm việc ở vùng cao, vùng sâu, vùng xa, biên giới, hải đảo."
        )
        question = "em mang bầu tháng thứ 7, tổ trưởng vẫn xếp tăng ca"
        assert misleading_quotes(_answer(question, joined, 137, 1, "a", direct=joined), corpus) == []
        bare = "mang thai từ tháng thứ 07 hoặc từ tháng thứ 06 nếu làm việc ở vùng cao, vùng sâu."
        wrong = misleading_quotes(_answer(question, bare, 137, 1, "a", direct=bare), corpus)
        assert len(wrong) == 1 and "lead-in" in wrong[0]
        titled = (
            "Nghĩa vụ của người lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật: "
            "không được trợ cấp thôi việc."
        )
        assert misleading_quotes(_answer("nghỉ ngang", titled, 40, 1, direct=titled), corpus) == []

    def test_actor_not_mentioned(self, corpus: Any) -> None:
        quote = (
            "«Lao động nữ mang thai hộ được nghỉ việc hưởng chế độ thai sản khi khám thai theo quy định "
            "tại Điều 51 của Luật này.»"
        )
        citation = Citation("41/2024/QH15", 54, 1, None, "", True)
        bare = Answer("em bầu được nghỉ khám thai mấy ngày", quote, (citation,), False, False, 0.5, "test")
        reasons = misleading_quotes(bare, corpus)
        assert len(reasons) == 1 and "mang thai ho" in reasons[0]
        said = Answer(
            bare.question,
            "Điều 54. Chế độ thai sản của lao động nữ mang thai hộ\n" + quote,
            (citation,),
            False,
            False,
            0.5,
            "test",
        )
        assert misleading_quotes(said, corpus) == []

    def test_a_rule_for_another_age_band_misleads(self, corpus: Any) -> None:
        """Điều 146: khoản 1 is for workers under 15, khoản 2 for 15 to 18; a 16-year-old asks."""
        question = "Em 16 tuổi, chủ quán bắt làm 10 tiếng mỗi ngày. Người chưa 18 tuổi được làm mấy tiếng?"
        under_15 = corpus.get(LC, 146, 1).text
        from_15 = corpus.get(LC, 146, 2).text
        wrong = misleading_quotes(_answer(question, f"«{under_15}»", 146, 1), corpus)
        assert len(wrong) == 1 and "age band" in wrong[0]
        assert misleading_quotes(_answer(question, f"«{from_15}»", 146, 2), corpus) == []
        # no age stated: the under-15 rule is a fair quote
        minors = "người chưa thành niên làm mấy tiếng"
        assert misleading_quotes(_answer(minors, f"«{under_15}»", 146, 1), corpus) == []

    def test_a_rule_for_the_other_side_of_an_ending_misleads(self, corpus: Any) -> None:
        """Điều 35 is the worker's right to quit; a member who was dismissed reads it as hers."""
        quit_rule = corpus.get(LC, 35, 1).text.splitlines()[0]
        title = corpus.get(LC, 35).title
        dismissed = "Công ty đuổi việc em, chỉ báo trước 1 tuần, vậy có đúng không?"
        wrong = misleading_quotes(_answer(dismissed, f"«1. {quit_rule}»", 35, 1), corpus)
        assert len(wrong) == 1 and "ended by the worker" in wrong[0]
        said = f"Điều 35. {title}\n«1. {quit_rule}»"
        assert misleading_quotes(_answer(dismissed, said, 35, 1), corpus) == []
        quitting = "Em muốn nghỉ việc thì phải báo trước mấy ngày?"
        assert misleading_quotes(_answer(quitting, f"«1. {quit_rule}»", 35, 1), corpus) == []

    def test_text_repeated_in_two_clauses_is_read_where_its_lead_in_is(self, corpus: Any) -> None:
        # Điều 80 of 145/2020: point c of khoản 4 is the start of point c of khoản 3.
        point = corpus.get("145/2020/NĐ-CP", 80, 4, "c").text
        lead = corpus.get("145/2020/NĐ-CP", 80, 4).text.splitlines()[0]
        assert point.rstrip(".") in corpus.get("145/2020/NĐ-CP", 80, 3).text
        citation = Citation("145/2020/NĐ-CP", 80, 4, "c", "", True)
        answer = Answer("nuôi con nhỏ", f"«4. {lead}\nc) {point}»", (citation,), False, False, 0.5, "test")
        assert misleading_quotes(answer, corpus) == []


def test_fold_strips_every_vietnamese_mark() -> None:
    from assistant.textnorm import fold

    assert (
        fold("Người lao động được nghỉ hằng năm; ĐOÀN PHÍ Ỹ")
        == "nguoi lao dong duoc nghi hang nam; doan phi y"
    )
