"""An evaluation run asks each tune question without its own row of the question memory, so the
tune figures are not in-sample (the memory is exported from the tune split)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.answer import Answer
from assistant.question_memory import QuestionMemory
from corpus.store import Corpus
from evaluation.dataset import Dataset, EvalQuestion
from evaluation.runner import run_answers

# A tune question typed without diacritics (and its accented twin) that the memory holds:
# remembering itself lifts its gold article, Điều 43 of the Social Insurance Law 2024 (the most
# days of sick leave a year), to the top.
ROW_ID = "q100-nd"


def _order(answer: Answer) -> list[tuple[str, int]]:
    return [(hit.law_id, hit.article) for hit in answer.retrieved]


def test_exclude_equals_a_memory_without_the_row(pipeline: Any) -> None:
    shipped: QuestionMemory = pipeline.memory
    text = next(r["question"] for r in shipped.rows if r["id"] == ROW_ID)
    remembered = pipeline.ask(text)
    left_out = pipeline.ask(text, exclude=frozenset({ROW_ID}))
    keep = [i for i, r in enumerate(shipped.rows) if ROW_ID not in {r["id"], r.get("twin")}]
    assert len(shipped.rows) - len(keep) >= 1, "the row is in the shipped memory"
    pipeline.memory = QuestionMemory([shipped.rows[i] for i in keep], shipped.vectors[keep])
    try:
        without_row = pipeline.ask(text)
    finally:
        pipeline.memory = shipped
    assert _order(left_out) == _order(without_row)
    assert left_out.direct_answer == without_row.direct_answer
    assert _order(remembered)[0] != _order(left_out)[0], "the row no longer changes its own answer"


@dataclass
class ExcludeRecorder:
    """Records what each ask was told to leave out of the memory (the runner's plumbing only)."""

    answer: Answer
    calls: list[tuple[str, frozenset[str] | None]] = field(default_factory=list)

    def ask(
        self,
        question: str,
        history: list[tuple[str, str]] | None = None,
        *,
        exclude: frozenset[str] | None = None,
    ) -> Answer:
        self.calls.append((question, exclude))
        return self.answer


def test_runner_leaves_each_question_and_its_twin_out(tmp_path: Path, tiny_corpus: Corpus) -> None:
    answer = Answer(
        question="x",
        answer="Chưa rõ.",
        citations=(),
        abstained=True,
        escalate=True,
        confidence=0.0,
        generator="extractive",
    )
    questions = [
        EvalQuestion(id="t1", question="Câu một?", gold=(), kind="in_scope"),
        EvalQuestion(id="t1-nd", question="Cau mot?", gold=(), kind="no_diacritics", twin="t1"),
        EvalQuestion(
            id="t2", question="Còn nếu tôi nghỉ luôn?", gold=(), kind="in_scope", history=("Câu trước?",)
        ),
    ]
    dataset = Dataset(questions=tuple(questions), files=("t.jsonl",), sha256="0")
    recorder = ExcludeRecorder(answer)
    result = run_answers(
        recorder,
        dataset,
        corpus=tiny_corpus,
        results_dir=tmp_path,
        progress=False,
        report=False,
        leave_one_out=True,
    )
    assert recorder.calls == [
        ("Câu một?", frozenset({"t1"})),
        ("Cau mot?", frozenset({"t1-nd", "t1"})),
        ("Câu trước?", frozenset({"t2"})),
        ("Còn nếu tôi nghỉ luôn?", frozenset({"t2"})),
    ]
    assert result.metrics["config"]["question_memory"] == "each question without its own row"
    recorder.calls.clear()
    run_answers(recorder, dataset, corpus=tiny_corpus, results_dir=tmp_path, progress=False, report=False)
    assert [exclude for _, exclude in recorder.calls] == [None] * 4
