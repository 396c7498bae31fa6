"""Stand-ins that replay fixed results for the harness's unit tests.

The unit under test is the harness (scoring, files, reports, comparison), not retrieval or
answering, so ``RecordedRetriever`` and ``RecordedAnswerer`` replay hand-written outputs whose
metrics are computed by hand in the tests. The real system is exercised by
``test_quality_gate.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assistant.answer import Answer, Citation
from indexing.hit import Hit

LC2019, LC2012 = "45/2019/QH14", "10/2012/QH13"
TODAY = date(2025, 9, 1)


def make_hit(law: str, article: int, clause: int | None = None, rank: int = 1, score: float = 1.0) -> Hit:
    uid = f"{law}:d{article}" + (f":k{clause}" if clause is not None else "")
    return Hit(law, article, clause, score, uid, f"Điều {article}", "", law != LC2012, rank)


def make_citation(law: str, article: int, clause: int | None = None) -> Citation:
    return Citation(law, article, clause, None, f"Điều {article}", law != LC2012)


# Question text -> hits, best first (metrics hand-computed in test_runner.py).
RECORDED_HITS: dict[str, list[Hit]] = {
    "q1": [make_hit(LC2019, 114), make_hit(LC2019, 113, 1, 2), make_hit(LC2019, 35, None, 3)],
    "q2": [make_hit(LC2019, 36), make_hit(LC2019, 37, None, 2)],
    "q3": [make_hit(LC2019, 113), make_hit(LC2019, 20, None, 2), make_hit(LC2019, 114, None, 3)],
    "q4": [make_hit(LC2019, 35)],
    "q5": [make_hit(LC2012, 111)],
    "q6": [],
    "q7": [make_hit(LC2019, 113)],
}


@dataclass
class RecordedRetriever:
    """Replays ``RECORDED_HITS`` by question id (looked up from the question text)."""

    by_question: dict[str, list[Hit]]
    calls: list[int] = field(default_factory=list)  # batch sizes seen

    def search_batch(self, queries: list[str], k: int = 10) -> list[list[Hit]]:
        self.calls.append(len(queries))
        return [self.by_question[q][:k] for q in queries]

    def search(self, query: str, k: int = 10) -> list[Hit]:
        return self.search_batch([query], k)[0]


def _answer(
    question: str, citations: tuple[Citation, ...] = (), abstained: bool = False, **kw: object
) -> Answer:
    return Answer(question, "…", citations, abstained, abstained, 0.5, "extractive", **kw)  # type: ignore[arg-type]


def recorded_answers(texts: dict[str, str]) -> dict[str, Answer]:
    """Hand-written answers keyed by question text (expected metrics in test_runner.py)."""
    c = make_citation
    return {
        texts["q1"]: _answer(texts["q1"], (c(LC2019, 113, 1),), retrieved=tuple(RECORDED_HITS["q1"])),
        texts["q2"]: _answer(texts["q2"], abstained=True),
        texts["q3"]: _answer(texts["q3"], (c(LC2019, 114), c(LC2019, 999))),
        texts["q4"]: _answer(texts["q4"], abstained=True),
        texts["q5"]: _answer(
            texts["q5"], (c(LC2012, 111),), warnings=("Bộ luật Lao động 2012 đã hết hiệu lực từ 01/01/2021.",)
        ),
        texts["q6"]: _answer(texts["q6"], (c(LC2019, 35),)),
        texts["q7"]: _answer(texts["q7"], (c(LC2012, 111),)),
    }


@dataclass
class RecordedAnswerer:
    by_question: dict[str, Answer]
    asked: list[str] = field(default_factory=list)

    def ask(self, question: str, history: list[tuple[str, str]] | None = None) -> Answer:
        self.asked.append(question)
        return self.by_question[question]
