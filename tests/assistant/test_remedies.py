"""'Bạn có thể làm gì': cited steps for procedure questions and violation stories.

Against the real built corpus: every step resolves to a unit in force and says only what the
unit says; topics are picked from hand-written member questions typed with and without
diacritics; textbook questions get no plan.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.remedies import HEADING, RemedyPlan, remedy_plan
from assistant.remedies.catalog import (
    CHANNEL_ORDER,
    MAX_STEPS,
    MIN_STEPS,
    catalog,
    parse_catalog,
    resolve,
)
from assistant.remedies.grounding import grounding_text, ungrounded
from assistant.remedies.topics import TOPIC_ORDER
from assistant.textnorm import fold
from corpus.store import Corpus

DEV_DIR = Path(__file__).resolve().parents[2] / "evaluation" / "data"
STEP_IDS = sorted(catalog().steps)


def _no_diacritics(question: str) -> str:
    """How members type on a phone without a Vietnamese keyboard."""
    return fold(question)


class TestStepsGroundedInCorpus:
    @pytest.mark.parametrize("step_id", STEP_IDS)
    def test_step_resolves_in_force_and_is_grounded(self, corpus: Corpus, step_id: str) -> None:
        data = catalog()
        spec = data.steps[step_id]
        ground = grounding_text(corpus, spec.law_id, spec.article, spec.clause, spec.point)
        assert ungrounded(spec.text, ground, spec.terms, data.framing) == []
        step = resolve(corpus, spec, data.framing)
        assert step is not None, f"{step_id}: unit missing or not in force"
        assert corpus.document(step.law_id).in_force_on(date.today())
        assert f"Điều {spec.article}" in step.label

    @pytest.mark.parametrize("step_id", STEP_IDS)
    def test_every_number_and_term_is_in_the_unit_text(self, corpus: Corpus, step_id: str) -> None:
        spec = catalog().steps[step_id]
        unit_text = " ".join(
            grounding_text(corpus, spec.law_id, spec.article, spec.clause, spec.point).split()
        )
        for number in re.findall(r"\d+", spec.text):
            assert re.search(rf"(?<!\d){number}(?!\d)", unit_text), f"{step_id}: {number} not in the unit"
        assert spec.terms, f"{step_id}: a step names its key terms"
        for term in spec.terms:
            assert fold(term) in fold(unit_text), f"{step_id}: {term!r} not in the unit"

    def test_time_limits_come_from_article_190(self, corpus: Corpus) -> None:
        spec = catalog().steps["time_limits"]
        article = corpus.get("45/2019/QH14", 190).text
        for limit in ("06 tháng", "09 tháng", "01 năm"):
            assert limit in spec.text and limit in article


class TestGrounding:
    GROUND = "Điều 190. Thời hiệu\n1. Thời hiệu yêu cầu hòa giải viên lao động là 06 tháng."

    def test_a_line_in_the_units_words_passes(self) -> None:
        line = "Bạn hãy yêu cầu hòa giải viên lao động trong 06 tháng"
        assert ungrounded(line, self.GROUND, ["06 tháng"], ["bạn", "hãy", "trong"]) == []

    def test_a_number_not_in_the_unit_is_reported(self) -> None:
        problems = ungrounded("Thời hiệu là 03 tháng", self.GROUND, [], [])
        assert problems == ["numbers not in the unit: 03"]

    def test_a_word_not_in_the_unit_is_reported(self) -> None:
        problems = ungrounded("Thời hiệu là 06 tháng, gửi Tòa án", self.GROUND, [], [])
        assert len(problems) == 1 and "an" in problems[0] and "toa" in problems[0]

    def test_a_key_term_must_be_in_line_and_unit(self) -> None:
        problems = ungrounded("Thời hiệu là 06 tháng", self.GROUND, ["06 tháng", "Tòa án"], [])
        assert "key term not in the line: 'Tòa án'" in problems
        assert "key term not in the unit: 'Tòa án'" in problems

    def test_hard_wrapped_unit_text_still_matches_a_term(self) -> None:
        ground = "Đại diện theo ủy quyền của người lao động khởi kiện vụ việc lao\nđộng tại Tòa án"
        assert ungrounded("Khởi kiện vụ việc lao động tại Tòa án", ground, ["vụ việc lao động"], []) == []


def _table(**plans: list[str]) -> dict[str, Any]:
    steps = {
        "u": {
            "channel": "union",
            "law": "45/2019/QH14",
            "article": 178,
            "clause": 4,
            "text": "x",
            "terms": ["x"],
        },
        "m": {
            "channel": "mediation",
            "law": "45/2019/QH14",
            "article": 188,
            "clause": 1,
            "text": "x",
            "terms": [],
        },
        "c": {
            "channel": "court",
            "law": "45/2019/QH14",
            "article": 188,
            "clause": 7,
            "text": "x",
            "terms": [],
        },
        "t": {"channel": "time", "law": "45/2019/QH14", "article": 190, "text": "x", "terms": []},
    }
    return {"steps": steps, "plans": {k: {"steps": v} for k, v in plans.items()}}


class TestCatalogValidation:
    def test_the_shipped_data_is_valid(self) -> None:
        data = catalog()
        assert data.plans and data.steps and data.framing
        for topic, ids in data.plans.items():
            assert MIN_STEPS <= len(ids) <= MAX_STEPS, topic
            ranks = [CHANNEL_ORDER.index(data.steps[s].channel) for s in ids]
            assert ranks == sorted(ranks), topic

    def test_every_topic_has_a_plan(self) -> None:
        assert set(catalog().plans) == set(TOPIC_ORDER) | {"general", "dispute"}

    def test_a_valid_table_parses(self) -> None:
        parsed = parse_catalog(_table(p=["u", "m", "c", "t"]))
        assert parsed.plans == {"p": ("u", "m", "c", "t")}
        assert parsed.steps["u"].clause == 4 and parsed.steps["t"].clause is None

    @pytest.mark.parametrize(
        ("plans", "message"),
        [
            ({"p": ["u", "m", "x"], "q": ["c", "t", "u"]}, "unknown steps x"),
            ({"p": ["u", "t"], "q": ["m", "c", "t"]}, "2 steps"),
            ({"p": ["u", "c", "m", "t"]}, "out of order"),
            ({"p": ["u", "m", "c"]}, "steps in no plan: t"),
        ],
    )
    def test_bad_plans_are_refused_with_the_reason(self, plans: dict[str, list[str]], message: str) -> None:
        with pytest.raises(ValueError, match=message):
            parse_catalog(_table(**plans))

    def test_a_point_without_clause_and_a_long_line_are_refused(self) -> None:
        table = _table(p=["u", "m", "c", "t"])
        table["steps"]["u"] = {**table["steps"]["u"], "point": "a"}
        del table["steps"]["u"]["clause"]
        with pytest.raises(ValueError, match="a point needs its clause"):
            parse_catalog(table)
        table = _table(p=["u", "m", "c", "t"])
        table["steps"]["m"]["text"] = "x" * 400
        with pytest.raises(ValueError, match="400 characters"):
            parse_catalog(table)


# (question as a member writes it, expected topic); each is also asked without diacritics.
TOPIC_CASES = [
    ("Công ty nợ lương tôi 2 tháng rồi, tôi phải làm gì để đòi?", "wages"),
    ("Sếp trả lương chậm hơn 20 ngày mỗi tháng, tôi khiếu nại ở đâu?", "wages"),
    ("cty bắt tăng ca tới 10h đêm mà ko trả thêm đồng nào thì có đúng ko", "wages"),
    ("Tôi nghỉ việc được 1 tháng mà công ty vẫn chưa trả trợ cấp thôi việc, làm sao để đòi?", "severance"),
    (
        "Làm 5 năm bị cho thôi việc vì cắt giảm mà không được trả trợ cấp mất việc, tôi kiện được không?",
        "severance",
    ),
    ("Tôi bị công ty cho nghỉ việc không báo trước, không có lý do, tôi phải làm gì?", "dismissal"),
    (
        "Công ty đơn phương chấm dứt hợp đồng với em vì em nghỉ ốm 2 tuần, em có đòi lại được không?",
        "dismissal",
    ),
    ("Tôi bị sa thải vì đi trễ 2 lần, khiếu nại ở đâu?", "disciplinary_dismissal"),
    ("Em đang mang thai 5 tháng thì bị sa thải, em phải làm sao?", "disciplinary_dismissal"),
    ("Công ty không đóng bảo hiểm xã hội cho tôi suốt 2 năm, tôi báo cho ai?", "insurance"),
    ("nghỉ việc rồi mà cty cứ giữ sổ bảo hiểm không trả, phải làm sao", "insurance"),
    ("Tôi bị tai nạn lao động gãy tay nhưng công ty không bồi thường, tôi phải làm gì?", "accident"),
    ("Chồng tôi bị tai nạn trong xưởng, công ty che giấu không khai báo, gia đình báo cho ai?", "accident"),
    ("Tôi mang thai tháng thứ 7 mà công ty vẫn bắt tăng ca đến 9 giờ tối, tôi phải làm gì?", "pregnancy"),
    ("bầu 7 tháng rồi mà sếp vẫn bắt đi ca đêm, có từ chối được không", "pregnancy"),
    (
        "Tôi bị công ty điều chuyển sang việc khác vì tham gia thành lập công đoàn cơ sở, tôi phải làm gì?",
        "union",
    ),
    (
        "Tôi là chủ tịch công đoàn cơ sở, công ty nói không gia hạn hợp đồng vì tôi hay đòi quyền lợi",
        "union_officer",
    ),
    ("Tôi bị sa thải vì vận động anh em gia nhập công đoàn, tôi có thể kiện không?", "union"),
    ("Tôi bị quản lý quấy rối tình dục ở nơi làm việc, tôi nên báo cho ai?", "harassment"),
    ("Tôi bị kỷ luật khiển trách vì lý do vô lý, tôi có thể khiếu nại không?", "discipline"),
    ("Tranh chấp lao động tập thể về quyền được giải quyết thế nào?", "collective"),
    ("Tranh chấp lao động cá nhân được giải quyết theo trình tự nào?", "dispute"),
    ("Thời hiệu khởi kiện tranh chấp lao động cá nhân là bao lâu?", "dispute"),
    ("Công ty giữ bằng đại học bản chính của tôi không trả, tôi khiếu nại ở đâu?", "general"),
    ("Sếp chửi bới xúc phạm tôi trước mặt mọi người, tôi có thể báo cho ai?", "general"),
    ("Công ty ép tôi ký hợp đồng cộng tác viên dù làm toàn thời gian, tôi phải làm gì?", "general"),
    ("cty ep e ky don xin nghi viec, gio e co doi lai tro cap dc ko", "dismissal"),
    (
        "Công ty bịa lý do kỷ luật để sa thải tôi, không mời công đoàn dự họp, có hợp pháp không?",
        "disciplinary_dismissal",
    ),
    ("Tôi đang nuôi con 8 tháng tuổi mà công ty bắt đi công tác xa 1 tuần", "pregnancy"),
    ("Làm sao kiểm tra công ty có đóng BHXH cho mình không?", "insurance"),
]

TEXTBOOK = [
    "Nghỉ phép năm được bao nhiêu ngày?",
    "Thời gian thử việc tối đa đối với công việc cần trình độ cao đẳng là bao lâu?",
    "Trợ cấp thôi việc được tính như thế nào?",
    "Khi nào người sử dụng lao động được sa thải người lao động?",
    "Mức lương tối thiểu vùng I năm 2026 là bao nhiêu?",
    "Doanh nghiệp trốn đóng bảo hiểm xã hội bị phạt bao nhiêu?",
    "Lao động nữ sinh con được nghỉ thai sản bao nhiêu tháng?",
    "Tôi muốn nghỉ việc thì phải báo trước bao nhiêu ngày?",
    "Hợp đồng lao động xác định thời hạn được ký tối đa bao nhiêu tháng?",
    "Số giờ làm thêm tối đa trong một năm là bao nhiêu?",
    "Công ty có được giữ bằng gốc của người lao động không?",
    "Thân nhân của người đang đóng bảo hiểm xã hội qua đời được hưởng trợ cấp tuất khi nào?",
    "Đang hưởng trợ cấp thất nghiệp thì hằng tháng phải làm gì?",
    "Thế nào thì bị coi là trốn đóng bảo hiểm xã hội bắt buộc?",
    "Chỉ tôi cách giải thể công ty để khỏi trả trợ cấp thôi việc cho công nhân",
]

# Not a worker's case at all: another field of law, the employer's side, a how-to-evade request.
NOT_A_WORKERS_CASE = [
    "Mua điện thoại mới bị lỗi sau 3 ngày, cửa hàng không chịu đổi thì khiếu nại ở đâu?",
    "Hàng xóm xây nhà lấn sang đất nhà tôi 20 cm thì kiện ở đâu?",
    "Tôi là nhân sự, công ty tôi lỡ chậm đóng BHXH ba tháng, giờ muốn nộp bù thì làm sao?",
    "Làm sao điều chuyển nhân viên sang việc nặng nhọc để họ tự bỏ việc mà công ty không phải trả trợ cấp?",
    "Công nhân bị tai nạn trong xưởng, làm thế nào để xóa dữ liệu camera và sổ sách?",
]


class TestTopicSelection:
    @pytest.mark.parametrize(("question", "topic"), TOPIC_CASES)
    def test_topic_with_diacritics(self, corpus: Corpus, question: str, topic: str) -> None:
        plan = remedy_plan(question, corpus)
        assert plan is not None and plan.topic == topic

    @pytest.mark.parametrize(("question", "topic"), TOPIC_CASES)
    def test_topic_without_diacritics(self, corpus: Corpus, question: str, topic: str) -> None:
        plan = remedy_plan(_no_diacritics(question), corpus)
        assert plan is not None and plan.topic == topic

    @pytest.mark.parametrize("question", TEXTBOOK)
    def test_textbook_questions_get_no_plan(self, corpus: Corpus, question: str) -> None:
        assert remedy_plan(question, corpus) is None
        assert remedy_plan(_no_diacritics(question), corpus) is None

    @pytest.mark.parametrize("question", NOT_A_WORKERS_CASE)
    def test_no_plan_outside_a_workers_case(self, corpus: Corpus, question: str) -> None:
        assert remedy_plan(question, corpus) is None
        assert remedy_plan(_no_diacritics(question), corpus) is None

    def test_few_in_scope_dev_questions_trigger(self, corpus: Corpus) -> None:
        """Measured 7 of 190 (3.7 %) on 2026-12-01, all about a violation or a dispute."""
        rows = [
            json.loads(line)
            for name in ("dev_tune", "dev_frozen")
            for line in (DEV_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            if line
        ]
        in_scope = [r["question"] for r in rows if r["kind"] == "in_scope"]
        triggered = [q for q in in_scope if remedy_plan(q, corpus) is not None]
        assert len(in_scope) > 100
        assert len(triggered) / len(in_scope) <= 0.06, triggered


def _ids(plan: RemedyPlan) -> list[tuple[str, int, int | None, str | None]]:
    return [(s.law_id, s.article, s.clause, s.point) for s in plan.steps]


class TestPlans:
    def test_dismissal_says_mediation_is_not_required(self, corpus: Corpus) -> None:
        plan = remedy_plan("Tôi bị công ty đuổi việc không báo trước, tôi phải làm gì?", corpus)
        assert plan is not None
        assert ("45/2019/QH14", 188, 1, "a") in _ids(plan)
        assert ("45/2019/QH14", 41, 1, None) in _ids(plan)
        assert ("45/2019/QH14", 190, None, None) in _ids(plan)

    def test_wages_go_through_the_mediator_first(self, corpus: Corpus) -> None:
        plan = remedy_plan("cty no luong 3 thang roi lam sao de doi", corpus)
        assert plan is not None and plan.topic == "wages"
        ids = _ids(plan)
        assert ("45/2019/QH14", 188, 1, None) in ids and ("45/2019/QH14", 94, 1, None) in ids
        assert ids.index(("45/2019/QH14", 214, 4, None)) < ids.index(("45/2019/QH14", 188, 1, None))

    def test_insurance_points_to_the_social_insurance_agency(self, corpus: Corpus) -> None:
        plan = remedy_plan("Công ty không đóng BHXH cho tôi, tôi phải làm gì?", corpus)
        assert plan is not None
        assert ("41/2024/QH15", 131, 2, None) in _ids(plan)
        assert ("45/2019/QH14", 188, 1, "d") in _ids(plan)
        assert any("cơ quan bảo hiểm xã hội" in s.text for s in plan.steps)

    def test_no_plan_says_mediation_is_required_for_the_laws_exceptions(self, corpus: Corpus) -> None:
        """Khoản 1 Điều 188: dismissal, severance and insurance disputes need no mediation."""
        required = catalog().steps["mediation_first"].text
        for question, _ in TOPIC_CASES:
            if not re.search(r"sa thải|đuổi|cho nghỉ|chấm dứt|trợ cấp|bảo hiểm", question):
                continue
            plan = remedy_plan(question, corpus)
            assert plan is not None
            assert required not in [s.text for s in plan.steps], question

    def test_every_plan_opens_with_the_union_or_an_urgent_report(self, corpus: Corpus) -> None:
        for question, _ in TOPIC_CASES:
            plan = remedy_plan(question, corpus)
            assert plan is not None
            first = plan.steps[0].text.lower()
            assert "công đoàn" in first or "tổ chức đại diện người lao động" in first or "báo ngay" in first

    def test_render_is_the_heading_then_numbered_cited_lines(self, corpus: Corpus) -> None:
        plan = remedy_plan("Tôi bị sa thải trái luật, kiện ở đâu?", corpus)
        assert plan is not None
        lines = plan.render().splitlines()
        assert lines[0] == HEADING == "Bạn có thể làm gì:"
        assert len(lines) == len(plan.steps) + 1
        for n, (line, step) in enumerate(zip(lines[1:], plan.steps, strict=True), start=1):
            assert line == f"{n}. {step.text} ({step.label})"
            assert re.search(r"Điều \d+ (Bộ luật|Luật|Nghị định)", step.label)

    def test_labels_name_clause_and_point(self, corpus: Corpus) -> None:
        plan = remedy_plan("Công ty không đóng bảo hiểm xã hội cho tôi, báo cho ai?", corpus)
        assert plan is not None
        labels = {s.label for s in plan.steps}
        assert "Điểm d khoản 1 Điều 188 Bộ luật Lao động" in labels
        assert "Khoản 2 Điều 131 Luật Bảo hiểm xã hội" in labels


class TestBadInput:
    @pytest.mark.parametrize("question", ["", "   ", "???", None, 42])
    def test_empty_or_not_text_gives_no_plan(self, corpus: Corpus, question: Any) -> None:
        assert remedy_plan(question, corpus) is None

    def test_a_long_rambling_story_with_several_questions(self, corpus: Corpus) -> None:
        story = (
            "Em làm công nhân ở Bình Dương được 4 năm. " * 30
            + "Tháng trước công ty nợ lương em 2 tháng, rồi đuổi việc em không báo trước. "
            + "Em có đòi được lương không? Em có được trợ cấp không? Em phải làm gì?"
        )
        assert len(story) > 1300
        plan = remedy_plan(story, corpus)
        assert plan is not None and plan.topic == "dismissal"
        assert MIN_STEPS <= len(plan.steps) <= MAX_STEPS

    def test_a_corpus_without_a_law_drops_its_steps(self, corpus: Corpus) -> None:
        smaller = Corpus(
            documents=[d for d in corpus.documents.values() if d.law_id != "50/2024/QH15"],
            units=[u for u in corpus.units.values() if u.law_id != "50/2024/QH15"],
        )
        question = "Công ty nợ lương tôi 2 tháng, tôi phải làm gì?"
        full, reduced = remedy_plan(question, corpus), remedy_plan(question, smaller)
        assert full is not None and reduced is not None
        assert any(s.law_id == "50/2024/QH15" for s in full.steps)
        assert all(s.law_id != "50/2024/QH15" for s in reduced.steps)
        assert len(reduced.steps) == len(full.steps) - 1

    def test_a_unit_that_no_longer_says_the_step_drops_it(self, corpus: Corpus) -> None:
        changed = corpus.get("45/2019/QH14", 190)
        units = [
            replace(u, text=u.text.replace("06 tháng", "03 tháng")) if u.id == changed.id else u
            for u in corpus.units.values()
        ]
        tampered = Corpus(documents=corpus.documents.values(), units=units)
        plan = remedy_plan("Công ty nợ lương tôi 2 tháng, tôi phải làm gì?", tampered)
        assert plan is not None
        assert all(s.article != 190 for s in plan.steps)
