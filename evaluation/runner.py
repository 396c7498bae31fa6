"""Run a retriever or an answerer over a question set and write the run's folder and report.

Retrieval runs call ``search_batch`` in batches (the cheap path the lead's timing budget
relies on); each question's latency is then its batch's time divided by the batch size.
``batch_size=1`` measures true per-question latency. Answer runs call ``ask`` per question.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from corpus.errors import LegalAssistantError
from evaluation.dataset import Dataset, EvalQuestion
from evaluation.metrics import QuestionScore, summarize, summarize_by_kind
from evaluation.results import RunResult, make_run_id, new_run_dir, write_run
from evaluation.scoring import score_answer, score_retrieval

DEFAULT_BATCH_SIZE = 16


def _check_positive(name: str, value: int) -> None:
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")


def _counts(dataset: Dataset) -> dict[str, Any]:
    kinds = Counter(q.kind for q in dataset.questions)
    with_gold = sum(1 for q in dataset.questions if q.gold)
    return {
        "questions": len(dataset),
        "with_gold": with_gold,
        "without_gold": len(dataset) - with_gold,
        "per_kind": dict(sorted(kinds.items())),
        "skipped_lines": len(dataset.skipped),
    }


def _finish(
    mode: str,
    dataset: Dataset,
    scores: list[QuestionScore],
    records: list[dict[str, Any]],
    config: dict[str, Any],
    results_dir: Path,
    seconds: float,
    report: bool,
) -> RunResult:
    started = datetime.now()
    run_id = make_run_id(mode, {"config": config, "dataset": dataset.sha256, "n": len(dataset)}, started)
    run_dir = new_run_dir(results_dir, run_id)
    metrics = {
        "run_id": run_dir.name,
        "mode": mode,
        "created": started.isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
        "overall": summarize(scores),
        "per_kind": summarize_by_kind(scores),
        "config": config,
        "dataset": dataset.describe(),
        "counts": _counts(dataset),
    }
    result = write_run(run_dir, metrics, records)
    if report:
        from evaluation.report import write_report

        write_report(result)
    return result


def run_retrieval(
    retriever: Any,
    dataset: Dataset,
    *,
    results_dir: Path,
    k: int = 10,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = True,
    report: bool = True,
    config: dict[str, Any] | None = None,
) -> RunResult:
    """Search every question (``retriever.search_batch``) and score the top ``k`` hits."""
    _check_positive("k", k)
    _check_positive("batch_size", batch_size)
    questions = list(dataset.questions)
    scores: list[QuestionScore] = []
    records: list[dict[str, Any]] = []
    started = time.perf_counter()
    with tqdm(total=len(questions), desc="eval retrieval", unit="q", disable=not progress) as bar:
        for start in range(0, len(questions), batch_size):
            batch = questions[start : start + batch_size]
            t0 = time.perf_counter()
            results = retriever.search_batch([q.question for q in batch], k=k)
            per_question_ms = (time.perf_counter() - t0) * 1000 / len(batch)
            if len(results) != len(batch):
                raise LegalAssistantError(
                    f"retriever returned {len(results)} result lists for {len(batch)} queries"
                )
            for question, hits in zip(batch, results, strict=True):
                score, record = score_retrieval(question, hits[:k], per_question_ms)
                scores.append(score)
                records.append(record)
            bar.update(len(batch))
    config = {
        **(config or {}),
        "retriever": type(retriever).__name__,
        "k": k,
        "batch_size": batch_size,
        "latency": "per question" if batch_size == 1 else f"amortised over batches of {batch_size}",
    }
    seconds = time.perf_counter() - started
    return _finish("retrieval", dataset, scores, records, config, results_dir, seconds, report)


def _asker(answerer: Any, question: EvalQuestion, leave_one_out: bool) -> Any:
    """``answerer.ask``, told to leave the question's own memory row (and its twin's) out when
    ``leave_one_out``: a tune question must not be answered by remembering itself."""
    if not leave_one_out:
        return answerer.ask
    exclude = frozenset({question.id, question.twin or question.id})
    return functools.partial(answerer.ask, exclude=exclude)


def _earlier_turns(ask: Any, question: EvalQuestion) -> list[tuple[str, str]]:
    """Ask a follow-up's earlier messages first, in order, each with the turns before it;
    returns the (message, answer) pairs the follow-up is asked with."""
    turns: list[tuple[str, str]] = []
    for message in question.history:
        answer = ask(message, history=list(turns)) if turns else ask(message)
        turns.append((message, answer.answer))
    return turns


def _ask_timed(answerer: Any, question: EvalQuestion, leave_one_out: bool = False) -> tuple[Any, float]:
    """The answer to ``question`` (after its earlier turns) and the time of that last call."""
    ask = _asker(answerer, question, leave_one_out)
    turns = _earlier_turns(ask, question)
    t0 = time.perf_counter()
    answer = ask(question.question, history=turns) if turns else ask(question.question)
    return answer, (time.perf_counter() - t0) * 1000


def run_answers(
    answerer: Any,
    dataset: Dataset,
    *,
    corpus: Any,
    results_dir: Path,
    progress: bool = True,
    report: bool = True,
    config: dict[str, Any] | None = None,
    today: date | None = None,
    leave_one_out: bool = False,
) -> RunResult:
    """Ask every question (``answerer.ask``); citations are checked against ``corpus``.

    ``leave_one_out`` (an answerer whose ``ask`` takes ``exclude``, the pipeline): each question
    is asked without its own row of the question memory, so tune figures are not in-sample.

    A follow-up (``EvalQuestion.history``) is asked after its earlier messages, with their
    (message, answer) pairs as history; its latency is that of the follow-up alone.
    """
    scores: list[QuestionScore] = []
    records: list[dict[str, Any]] = []
    generators: Counter[str] = Counter()
    started = time.perf_counter()
    for question in tqdm(dataset.questions, desc="eval answers", unit="q", disable=not progress):
        answer, latency_ms = _ask_timed(answerer, question, leave_one_out)
        generators[answer.generator] += 1
        score, record = score_answer(question, answer, latency_ms, corpus, today)
        scores.append(score)
        records.append(record)
    config = {
        **(config or {}),
        "answerer": type(answerer).__name__,
        "generator": getattr(getattr(answerer, "generator", None), "name", None),
        "generators": dict(generators),
        "latency": "per question",
        "question_memory": "each question without its own row" if leave_one_out else "whole",
    }
    seconds = time.perf_counter() - started
    return _finish("answers", dataset, scores, records, config, results_dir, seconds, report)


def pick_overall(overall: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """The subset of ``overall`` named, in order, where present."""
    return {name: overall[name] for name in names if name in overall}
