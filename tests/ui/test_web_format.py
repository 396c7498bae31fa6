"""Presentation helpers of the web UI: source cards, badges, queue table, edited citations."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from assistant.answer import Citation
from assistant.service.dashboard.report import DashboardReport, InteractionFact, build_report
from assistant.service.results import ReviewItem
from ui.web import review_view as rv
from ui.web.dashboard_tab import summary_html, trends_frame, unanswered_frame
from ui.web.format import (
    VERIFIED_LABEL,
    chat_answer,
    law_label,
    message_html,
    notices_markdown,
    percent,
    source_card,
    sources_html,
    unit_label,
)

IN_FORCE = {
    "law_id": "45/2019/QH14",
    "article": 113,
    "clause": 1,
    "point": "a",
    "title": "Nghỉ hằng năm",
    "in_force": True,
    "law_title": "Bộ luật Lao động 2019",
    "text": "a) 12 ngày làm việc đối với người làm công việc trong điều kiện bình thường; <b>",
    "replaced_by": [],
}
REPLACED = {
    **IN_FORCE,
    "law_id": "10/2012/QH13",
    "article": 111,
    "clause": None,
    "point": None,
    "in_force": False,
    "law_title": "Bộ luật Lao động 2012",
    "replaced_by": ["45/2019/QH14"],
}


class TestSourceCards:
    def test_unit_label_names_article_clause_and_point(self) -> None:
        assert unit_label(IN_FORCE) == "Điều 113, khoản 1, điểm a"
        assert unit_label(REPLACED) == "Điều 111"

    def test_law_label_has_title_and_number(self) -> None:
        assert law_label(IN_FORCE) == "Bộ luật Lao động 2019 (số hiệu 45/2019/QH14)"
        assert law_label({"law_id": "12/2022/NĐ-CP"}) == "Số hiệu 12/2022/NĐ-CP"

    def test_in_force_card_is_green_and_holds_the_exact_text_escaped(self) -> None:
        html = source_card(IN_FORCE)
        assert "Còn hiệu lực" in html and "la-badge-ok" in html
        assert "<details" in html and "Xem nguyên văn" in html
        assert "12 ngày làm việc đối với người làm công việc trong điều kiện bình thường; &lt;b&gt;" in html
        assert "<b>" not in html

    def test_replaced_law_is_red_and_names_its_successor(self) -> None:
        html = source_card(REPLACED)
        assert "la-badge-old" in html
        assert "Hết hiệu lực — thay thế bởi 45/2019/QH14" in html

    def test_accepts_the_domain_citation_type(self) -> None:
        citation = Citation(
            "45/2019/QH14", 113, 1, None, "Nghỉ hằng năm", True, "Bộ luật Lao động 2019", "1. ..."
        )
        assert "Điều 113, khoản 1. Nghỉ hằng năm" in source_card(citation)

    def test_sources_block_counts_cards_and_shows_the_verified_badge_only_when_verified(self) -> None:
        plain = sources_html([IN_FORCE, REPLACED])
        assert "Căn cứ pháp lý (2)" in plain and plain.count('class="la-card"') == 2
        assert VERIFIED_LABEL not in plain
        assert VERIFIED_LABEL in sources_html([IN_FORCE], verified=True)
        assert sources_html([]) == ""

    def test_a_verified_answer_names_the_question_the_advisor_verified_escaped(self) -> None:
        block = sources_html([IN_FORCE], verified=True, verified_question="Nghỉ khi <b>kết hôn</b>?")
        assert "cho câu hỏi: «Nghỉ khi &lt;b&gt;kết hôn&lt;/b&gt;?»" in block
        assert "la-verified-question" not in sources_html([IN_FORCE], verified=True)
        assert "la-verified-question" not in sources_html([IN_FORCE], verified_question="Nghỉ?")


class TestTextHelpers:
    def test_notices_for_abstention_escalation_and_warnings(self) -> None:
        assert "Chưa tìm thấy căn cứ" in notices_markdown({"abstained": True})
        assert "tư vấn viên xem lại" in notices_markdown({"escalate": True})
        assert "⚠️ Văn bản đã hết hiệu lực" in notices_markdown({"warnings": ["Văn bản đã hết hiệu lực"]})
        assert notices_markdown({"abstained": False, "escalate": False, "warnings": []}) == ""

    def test_answer_markup_is_shown_as_text(self) -> None:
        from ui.web.format import as_text

        shown = as_text("<script>alert(1)</script><b>Điều 113</b>\x00 & 12 ngày")
        assert "<" not in shown and "&lt;script&gt;" in shown and "\x00" not in shown
        assert "&amp; 12 ngày" in shown

    def test_message_kinds(self) -> None:
        assert 'la-msg-ok">Đã lưu &amp; xong' in message_html("ok", "Đã lưu & xong")
        with pytest.raises(ValueError, match="'warn'"):
            message_html("warn", "x")

    def test_percent_uses_vietnamese_rounding_and_dash_for_none(self) -> None:
        assert percent(0.125) == "12%" and percent(1.0) == "100%" and percent(None) == "—"


def _item(**changes: object) -> ReviewItem:
    values: dict[str, object] = {
        "id": 7,
        "interaction_id": 3,
        "status": "pending",
        "reason": "member_request",
        "question": "Nghỉ hằng năm bao nhiêu ngày?",
        "answer": {"answer": "12 ngày làm việc.", "citations": [IN_FORCE]},
        "sources": ({"law_id": "45/2019/QH14", "article": 114, "title": "Thâm niên", "score": 0.5},),
        "law": "45/2019/QH14",
        "created_at": "2025-05-04T10:20:30+00:00",
    }
    values.update(changes)
    return ReviewItem(**values)  # type: ignore[arg-type]


class TestReviewView:
    def test_filters_map_vietnamese_labels_to_service_values(self) -> None:
        assert rv.status_value("Chờ duyệt") == "pending" and rv.status_value(rv.ALL) is None
        assert rv.reason_value("Thành viên yêu cầu") == "member_request" and rv.reason_value(rv.ALL) is None
        assert rv.PENDING in rv.status_choices() and rv.ALL in rv.reason_choices()

    def test_queue_frame_has_one_labelled_row_per_item(self) -> None:
        now = datetime(2025, 5, 4, 13, 50)
        items = [_item(topic="Chương VII"), _item(id=8, status="approved", law=None)]
        frame = rv.queue_frame(items, now=now)
        assert list(frame.columns) == list(rv.QUEUE_COLUMNS)
        assert frame.iloc[0].tolist() == [
            "TV-2025-000007",
            "3 giờ",
            "Thành viên yêu cầu",
            "45/2019/QH14",
            "Chương VII",
            "Nghỉ hằng năm bao nhiêu ngày?",
            "Chờ duyệt",
        ]
        assert frame.iloc[1]["Trạng thái"] == "Đã duyệt" and frame.iloc[1]["Văn bản"] == "—"

    def test_age_in_queue_reads_in_minutes_hours_then_days(self) -> None:
        created = "2025-05-04T10:20:30"
        assert rv.age_text(created, datetime(2025, 5, 4, 10, 32)) == "11 phút"
        assert rv.age_text(created, datetime(2025, 5, 5, 9, 0)) == "22 giờ"
        assert rv.age_text(created, datetime(2025, 5, 9, 9, 0)) == "4 ngày"
        assert rv.age_text("not a time") == "—"

    def test_editor_starts_from_the_direct_answer_and_its_citations(self) -> None:
        other = {**IN_FORCE, "article": 168, "clause": 2, "point": None}
        answer = {
            "answer": "12 ngày làm việc.\n\nQuy định liên quan: mang thai hộ ...",
            "direct_answer": "12 ngày làm việc.",
            "citations": [IN_FORCE, other],
        }
        item = _item(answer=answer)
        assert rv.answer_text(item) == "12 ngày làm việc."
        assert rv.citations_frame(item)["Điều"].tolist() == [113]  # not the unrelated Điều 168
        draft = {"answer": "nháp", "citations": [{"law_id": "45/2019/QH14", "article": 114}]}
        assert rv.answer_text(_item(answer=answer, draft=draft)) == "nháp"

    def test_detail_shows_question_answer_citations_and_evidence(self) -> None:
        html = rv.detail_html(_item(personal_question="Tôi là Nguyễn Văn A, nghỉ hằng năm bao nhiêu ngày?"))
        for part in (
            "Mục #7 · TV-2025-000007",
            "Nghỉ hằng năm bao nhiêu ngày?",
            "12 ngày làm việc.",
            "Còn hiệu lực",
            "Điều 114. Thâm niên — điểm 0.500",
            "Nguyễn Văn A",
        ):
            assert part in html

    def test_detail_says_who_consented_and_when(self) -> None:
        item = _item(
            personal_question="Tôi là Nguyễn Văn A",
            consent_by="Lê Đoàn Viên",
            consent_at="2025-05-04T10:21:00",
        )
        assert "Lê Đoàn Viên đồng ý chia sẻ lúc 2025-05-04 10:21" in rv.detail_html(item)
        anonymous = _item(personal_question="Tôi là Nguyễn Văn A", consent_by="anonymous")
        assert "đoàn viên ẩn danh đồng ý chia sẻ" in rv.detail_html(anonymous)

    def test_citations_round_trip_through_the_edit_table(self) -> None:
        frame = rv.citations_frame(_item())
        assert frame.iloc[0].tolist() == ["45/2019/QH14", 113, 1, "a"]
        assert rv.citation_rows(frame) == [
            {"law_id": "45/2019/QH14", "article": 113, "clause": 1, "point": "a"}
        ]

    def test_edit_table_rows_from_the_browser_skip_blanks_and_fix_float_numbers(self) -> None:
        frame = pd.DataFrame(
            [
                ["45/2019/QH14", 113.0, float("nan"), ""],
                ["", None, None, None],
                ["41/2024/QH15", 64.0, 2.0, "b"],
            ],
            columns=list(rv.CITATION_COLUMNS),
        )
        assert rv.citation_rows(frame) == [
            {"law_id": "45/2019/QH14", "article": 113, "clause": None, "point": None},
            {"law_id": "41/2024/QH15", "article": 64, "clause": 2, "point": "b"},
        ]
        assert rv.citation_rows(None) == []


class TestDashboardView:
    NOW = datetime(2025, 5, 2, 5, 0)
    FACTS = (
        InteractionFact(datetime(2025, 5, 1, 2, 0), "Tiền lương", "BLLĐ 2019", False, False, False),
        InteractionFact(datetime(2025, 5, 1, 3, 0), "Tiền lương", "BLLĐ 2019", True, True, False),
        InteractionFact(datetime(2025, 5, 2, 2, 0), "BHXH", "Luật BHXH 2024", False, True, False),
        InteractionFact(datetime(2025, 5, 2, 3, 0), "BHXH", "Luật BHXH 2024", False, False, True),
        InteractionFact(datetime(2025, 5, 2, 4, 0), "Thai sản", "Luật BHXH 2024", True, True, False),
    )

    def report(self) -> DashboardReport:
        return build_report(7, self.FACTS, (), now=self.NOW, pending_reviews=2)

    def test_summary_cards(self) -> None:
        html = summary_html(self.report())
        parts = ("Câu hỏi trong 7 ngày", ">5<", "Từ chối trả lời", ">40% (2)<", ">60% (3)<", ">—<", ">2<")
        for part in parts:
            assert part in html

    def test_tables_for_trends_and_unanswered_topics(self) -> None:
        report = self.report()
        assert trends_frame(report).iloc[0].tolist() == ["BHXH", 2, 0, "+2"]
        assert unanswered_frame(report)["Chủ đề"].tolist() == ["Thai sản", "Tiền lương"]


class TestChatAnswer:
    def test_short_answer_first_and_the_rest_folded(self) -> None:
        direct = "Người sử dụng lao động không được ... mang thai từ tháng thứ 07.\n\nCăn cứ pháp lý:\n«...»"
        more = "\n\nXem thêm:\n- Khoản 2 Điều 107\n\nBạn có thể làm gì:\n1. Báo công đoàn <b>cơ sở</b>"
        whole = direct + more
        shown = chat_answer({"direct_answer": direct, "answer": whole})
        opening, folded = shown.split("<details>", 1)
        assert "tháng thứ 07" in opening and "Xem thêm" not in opening
        assert "Bạn có thể làm gì" in folded
        assert "&lt;b&gt;cơ sở&lt;/b&gt;" in folded, "markup is shown as text"
        assert "<details open" not in shown

    def test_answer_without_more_is_shown_whole(self) -> None:
        assert chat_answer({"direct_answer": "", "answer": "Xin lỗi, câu hỏi <i>ngoài</i> phạm vi."}) == (
            "Xin lỗi, câu hỏi &lt;i&gt;ngoài&lt;/i&gt; phạm vi."
        )

    def test_sources_are_folded(self) -> None:
        html = sources_html([IN_FORCE])
        assert '<details class="la-sources-fold">' in html and "<details open" not in html.split("la-card")[0]
