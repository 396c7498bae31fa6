"""Facts, missing inputs, lengths, misleading quotes and follow-ups in answer runs.

The answerer here is a scripted stand-in (named as such): the unit under test is the harness,
whose figures are computed by hand below. The misleading-quote check is the real one, run
against a small real ``Corpus`` holding the units it needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from recorded import LC2019, TODAY, make_citation

from assistant.answer import Answer
from corpus.model import Document, LegalUnit, UnitKind
from corpus.store import Corpus
from evaluation.compare import compare_runs
from evaluation.dataset import DatasetError, load_dataset
from evaluation.facts import asks_for_input, check_facts, contains_fact, states_amount
from evaluation.report import render_markdown
from evaluation.runner import run_answers

TITLE_40 = "Nghĩa vụ của người lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật"


class TestFacts:
    @pytest.mark.parametrize(
        ("text", "fact", "expected"),
        [
            ("Mang thai từ THÁNG THỨ 07 hoặc", "tháng thứ 07", True),
            ("nghỉ  hằng năm\n12 ngày làm việc", "12 ngày", True),
            ("nghỉ thai sản 06 tháng", "6 tháng", True),  # the law's zero-padded spelling
            ("tối đa 16 tháng", "6 tháng", False),  # never inside a longer number
            ("được 11.500.000 đồng", "1.500.000 đồng", False),
            ("được 1.500.000 đồng.", "1.500.000 đồng", True),
            ("ít nhất 130% lương", "30%", False),
            ("Trả đủ tiền lương", "trả đủ tiền lương", True),
        ],
    )
    def test_contains_fact(self, text: str, fact: str, expected: bool) -> None:
        assert contains_fact(text, fact) is expected

    def test_check_facts_counts_found_and_missing(self) -> None:
        check = check_facts(
            "Được nghỉ 06 tháng, sinh đôi thêm 01 tháng.", ["06 tháng", "01 tháng", "02 tháng"]
        )
        assert check.found == ("06 tháng", "01 tháng") and check.missing == ("02 tháng",)
        assert check.recall == pytest.approx(2 / 3) and check.all_found is False
        assert check_facts("x", []).recall is None

    @pytest.mark.parametrize(
        "text", ["trợ cấp 18.000.000 đồng", "khoảng 18.000.000đ", "được 18 triệu", "chừng 9tr thôi"]
    )
    def test_states_amount(self, text: str) -> None:
        assert states_amount(text)

    def test_asking_for_the_missing_input(self) -> None:
        assert asks_for_input("Bạn cho biết tiền lương bình quân 6 tháng cuối?", ["lương"])
        assert not asks_for_input("Tiền lương 10 triệu thì được 20.000.000 đồng.", ["lương"])
        assert not asks_for_input("Mỗi năm được nửa tháng.", ["lương"])
        # naming the input is not asking for it: a quote about wages is no question
        assert not asks_for_input("Mỗi năm làm việc được trợ cấp một nửa tháng tiền lương.", ["lương"])

    def test_an_input_repeated_back_is_not_a_result(self) -> None:
        question = "Tôi bị mất việc, lương 10 triệu. Trợ cấp mất việc làm của tôi là bao nhiêu?"
        reply = "Bạn làm việc được bao lâu? Thông tin đã hiểu: Tiền lương: 10 triệu."
        assert not states_amount(reply, question)
        assert asks_for_input(reply, ["bao lâu"], question)
        assert states_amount(reply + " Trợ cấp: 20.000.000 đồng.", question)


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


GOLD_137 = [{"law": LC2019, "article": 137, "clause": 1, "point": "a"}]


class TestSchema:
    def test_new_fields_load(self, tmp_path: Path, member_corpus: Corpus) -> None:
        row = {"id": "q1", "question": "còn nếu em muốn?", "gold": GOLD_137, "kind": "scenario",
               "facts": ["tháng thứ 07"], "history": ["em bầu tháng 7"]}  # fmt: skip
        question = load_dataset(_write(tmp_path / "a.jsonl", [row]), corpus=member_corpus).questions[0]
        assert question.gold[0].point == "a" and question.gold[0].to_json() == GOLD_137[0]
        assert question.facts == ("tháng thứ 07",) and question.history == ("em bầu tháng 7",)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"gold": [{"law": LC2019, "article": 137, "point": "a"}]}, "point 'a' without its clause"),
            ({"facts": "tháng thứ 07"}, "'facts' must be a list of non-empty strings"),
            ({"history": [""]}, "'history' must be a list of non-empty strings"),
            ({"gold": [{"law": LC2019, "article": 137, "clause": 1, "point": "z"}]}, "điểm z"),
            ({"pending_corpus": "yes"}, "'pending_corpus' must be bool"),
        ],
    )
    def test_bad_fields_name_the_line(
        self, tmp_path: Path, member_corpus: Corpus, change: dict, message: str
    ) -> None:
        row = {"id": "q1", "question": "?", "gold": GOLD_137, "kind": "scenario", **change}
        with pytest.raises(DatasetError, match=message) as raised:
            load_dataset(_write(tmp_path / "b.jsonl", [row]), corpus=member_corpus)
        assert "b.jsonl:1" in str(raised.value)

    def test_pending_corpus_keeps_a_document_still_to_ingest(
        self, tmp_path: Path, member_corpus: Corpus
    ) -> None:
        gold = [{"law": "105/2026/NĐ-CP", "article": 4, "clause": 2, "point": "a"}]
        row = {"id": "q1", "question": "?", "gold": gold, "kind": "procedure", "facts": ["x"]}
        with pytest.raises(DatasetError, match="105/2026/NĐ-CP"):
            load_dataset(_write(tmp_path / "c.jsonl", [row]), corpus=member_corpus)
        loaded = load_dataset(
            _write(tmp_path / "d.jsonl", [{**row, "pending_corpus": True}]), corpus=member_corpus
        )
        assert loaded.questions[0].pending_corpus and loaded.questions[0].gold[0].law == "105/2026/NĐ-CP"


def _unit(uid: str, kind: UnitKind, text: str, title: str = "", **where: object) -> LegalUnit:
    parent = uid.rsplit(":", 1)[0] if kind is not UnitKind.ARTICLE else None
    return LegalUnit(uid, LC2019, kind, uid.rsplit(":", 1)[-1], title, text, parent_id=parent, **where)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def member_corpus() -> Corpus:
    """A real ``Corpus`` holding Điều 40 and Điều 137 khoản 1 of the Labour Code, as written."""
    a = "45/2019/QH14:d137"
    lead = "Người sử dụng lao động không được sử dụng người lao động làm việc ban đêm, làm thêm giờ và đi công tác xa trong trường hợp sau đây:"  # noqa: E501
    point_a = "Mang thai từ tháng thứ 07 hoặc từ tháng thứ 06 nếu làm việc ở vùng cao, vùng sâu, vùng xa, biên giới, hải đảo;"  # noqa: E501
    units = [
        _unit(a, UnitKind.ARTICLE, f"1. {lead}\na) {point_a}", "Bảo vệ thai sản", article=137),
        _unit(f"{a}:k1", UnitKind.CLAUSE, f"{lead}\na) {point_a}", article=137, clause=1),
        _unit(f"{a}:k1:a", UnitKind.POINT, point_a, article=137, clause=1, point="a"),
        _unit("45/2019/QH14:d40", UnitKind.ARTICLE, "1. Không được trợ cấp thôi việc.", TITLE_40, article=40),
        _unit("45/2019/QH14:d40:k1", UnitKind.CLAUSE, "Không được trợ cấp thôi việc.", article=40, clause=1),
    ]
    document = Document(
        LC2019, "Bộ luật", "Bộ luật Lao động", "Quốc hội", date(2019, 11, 20), date(2021, 1, 1)
    )
    return Corpus([document], units)


@dataclass
class ScriptedAnswerer:
    """Stand-in answerer: returns a fixed direct answer per question and records the history it got."""

    direct: dict[str, str]
    calls: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)

    def ask(self, question: str, history: list[tuple[str, str]] | None = None) -> Answer:
        self.calls.append((question, list(history or [])))
        text = self.direct[question]
        citations = (make_citation(LC2019, 40, 1),) if "«" in text else (make_citation(LC2019, 137, 1),)
        return Answer(
            question, text + "\n\nNguồn: …", citations, False, False, 0.8, "extractive", direct_answer=text
        )


ROWS = [
    {"id": "q1", "question": "em bầu tháng 7 bị bắt tăng ca?", "kind": "scenario", "gold": GOLD_137,
     "facts": ["tháng thứ 07", "làm thêm giờ"]},
    {"id": "q2", "question": "còn nếu em tự nguyện thì sao?", "kind": "scenario", "gold": GOLD_137,
     "facts": ["tháng thứ 07"], "history": ["em bầu tháng 7 bị bắt tăng ca?"]},
    {"id": "q3", "question": "trợ cấp thôi việc bao nhiêu?", "kind": "calculation",
     "gold": [{"law": LC2019, "article": 40, "clause": 1}], "facts": [], "asks_for": ["lương"]},
    {"id": "q4", "question": "nghỉ ngang có trợ cấp không?", "kind": "scenario",
     "gold": [{"law": LC2019, "article": 40, "clause": 1}], "facts": ["Không được trợ cấp thôi việc"]},
]  # fmt: skip
DIRECT = {
    "em bầu tháng 7 bị bắt tăng ca?": "Không. Từ tháng thứ 07 không được làm thêm giờ.",
    "còn nếu em tự nguyện thì sao?": "Vẫn không được.",
    "trợ cấp thôi việc bao nhiêu?": "Trợ cấp là 18.000.000 đồng.",
    "nghỉ ngang có trợ cấp không?": "«Không được trợ cấp thôi việc.»",
}


class TestAnswerRun:
    @pytest.fixture()
    def run(self, tmp_path: Path, member_corpus: Corpus):  # type: ignore[no-untyped-def]
        dataset = load_dataset(_write(tmp_path / "m.jsonl", ROWS), corpus=member_corpus)
        answerer = ScriptedAnswerer(DIRECT)
        result = run_answers(
            answerer,
            dataset,
            corpus=member_corpus,
            results_dir=tmp_path / "runs",
            progress=False,
            today=TODAY,
        )
        return answerer, result

    def test_follow_up_asks_its_history_first(self, run) -> None:  # type: ignore[no-untyped-def]
        answerer, _ = run
        asked = [q for q, _ in answerer.calls]
        assert asked[1:3] == ["em bầu tháng 7 bị bắt tăng ca?", "còn nếu em tự nguyện thì sao?"]
        first_answer = DIRECT["em bầu tháng 7 bị bắt tăng ca?"] + "\n\nNguồn: …"
        assert answerer.calls[2][1] == [("em bầu tháng 7 bị bắt tăng ca?", first_answer)]
        assert answerer.calls[1][1] == []

    def test_hand_computed_content_metrics(self, run) -> None:  # type: ignore[no-untyped-def]
        _, result = run
        overall, per_kind = result.overall, result.metrics["per_kind"]
        # facts: q1 2/2, q2 0/1, q4 1/1 (the quote holds it); q3 has none
        assert overall["fact_recall"] == pytest.approx((1 + 0 + 1) / 3)
        assert overall["facts_all_rate"] == pytest.approx(2 / 3)
        # q3 lacks the wage: it should ask for it, but states a figure
        assert overall["asks_for_rate"] == 0.0 and overall["wrong_figures"] == 1
        assert "asks_for_rate" not in per_kind["scenario"]
        lengths = sorted(len(d) for d in DIRECT.values())
        assert overall["direct_chars_p50"] == pytest.approx((lengths[1] + lengths[2]) / 2)
        assert overall["answer_chars_p50"] == pytest.approx(overall["direct_chars_p50"] + len("\n\nNguồn: …"))
        # the real quote check: a subjectless clause of Điều 40 quoted without whose rule it is
        assert overall["misleading_quotes"] >= 1
        records = {r["id"]: r for r in result.records}
        assert records["q4"]["misleading_quotes"] and not records["q1"]["misleading_quotes"]
        assert records["q1"]["direct_answer"] == DIRECT["em bầu tháng 7 bị bắt tăng ca?"]
        assert records["q1"]["answer"].startswith(records["q1"]["direct_answer"])
        assert records["q2"]["facts_missing"] == ["tháng thứ 07"]
        assert records["q2"]["history"] == ["em bầu tháng 7 bị bắt tăng ca?"]

    def test_report_and_compare_show_the_facts(self, run) -> None:  # type: ignore[no-untyped-def]
        _, result = run
        text = render_markdown(result, {}, lambda name: name)
        assert "## What the answers say" in text and "q2" in text and "misleading quote" in text
        assert "fact_recall" in text and "direct_chars_p50 ↓" in text
        better = [{**r, "facts_all": True} if r["id"] == "q2" else r for r in result.records]
        from evaluation.results import RunResult

        comparison = compare_runs(result, RunResult(result.run_dir, result.metrics, better))
        assert [(c.id, c.change) for c in comparison.changes] == [("q2", "missing→facts")]
