"""``legal-assistant eval retrieval|answers|compare``: run the harness from the command line."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_DATASETS = (DATA_DIR / "dev_tune.jsonl", DATA_DIR / "dev_frozen.jsonl")
# The headline metrics ``--json`` must carry in ``overall`` when they apply.
HEADLINE = (
    "Recall@5",
    "MRR@10",
    "citation_hit_rate",
    "invalid_citations",
    "abstention_accuracy",
    "false_abstention_rate",
    "fact_recall",
    "facts_all_rate",
    "misleading_quotes",
    "wrong_figures",
    "direct_chars_p50",
    "answer_chars_p50",
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("eval", help="Đánh giá chất lượng tra cứu và trả lời (evaluation harness)")
    sub = parser.add_subparsers(dest="eval_command", required=True)

    retrieval = sub.add_parser("retrieval", help="evaluate the retriever on a question set")
    _dataset_args(retrieval)
    retrieval.add_argument("--k", type=_positive, default=10, help="hits per question (default 10)")
    retrieval.add_argument("--batch-size", type=_positive, default=16, help="queries per search_batch call")
    retrieval.set_defaults(func=_cmd_retrieval)

    answers = sub.add_parser("answers", help="evaluate the assistant's answers on a question set")
    _dataset_args(answers)
    answers.set_defaults(func=_cmd_answers)

    compare = sub.add_parser("compare", help="compare two runs (run ids or folders)")
    compare.add_argument("run_a")
    compare.add_argument("run_b")
    compare.add_argument("--json", action="store_true", help="print one JSON object")
    compare.set_defaults(func=_cmd_compare)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return value


def _dataset_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dataset",
        action="append",
        type=Path,
        help="JSONL question file; repeat for several (default: evaluation/data/dev_tune + dev_frozen)",
    )
    parser.add_argument("--on-error", choices=("skip", "stop"), default="stop", help="bad dataset lines")
    parser.add_argument("--limit", type=_positive, default=None, help="only the first N questions")
    parser.add_argument("--json", action="store_true", help="print one JSON summary object last")
    parser.add_argument("--no-report", action="store_true", help="skip report.md/report.html")
    parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")


def _prepare(args: argparse.Namespace) -> tuple[Any, Any, Any, float]:
    """Settings, corpus and the validated dataset, plus the seconds spent loading the corpus."""
    from corpus.build import ensure_corpus
    from corpus.settings import Settings
    from evaluation.dataset import load_dataset

    settings = Settings.from_env()
    t0 = time.perf_counter()
    corpus = ensure_corpus(settings)
    load_s = time.perf_counter() - t0
    paths = args.dataset or list(DEFAULT_DATASETS)
    dataset = load_dataset(paths, corpus=corpus, on_error=args.on_error).limited(args.limit)
    return settings, corpus, dataset, load_s


def _load_retriever(settings: Any, corpus: Any) -> Any:
    from assistant.stack import load_retriever

    return load_retriever(settings, corpus)


def _cmd_retrieval(args: argparse.Namespace) -> int:
    from evaluation.runner import run_retrieval

    settings, corpus, dataset, corpus_s = _prepare(args)
    t0 = time.perf_counter()
    retriever = _load_retriever(settings, corpus)
    config = {"corpus_load_s": round(corpus_s, 3), "retriever_load_s": round(time.perf_counter() - t0, 3)}
    result = run_retrieval(
        retriever,
        dataset,
        results_dir=settings.results_dir,
        k=args.k,
        batch_size=args.batch_size,
        progress=not args.no_progress,
        report=not args.no_report,
        config=config,
    )
    _print_result(result, args.json)
    return 0


def _cmd_answers(args: argparse.Namespace) -> int:
    from assistant.stack import build_stack
    from evaluation.runner import run_answers

    settings, corpus, dataset, corpus_s = _prepare(args)
    stack = build_stack(settings, corpus=corpus)  # the generator the settings name, as the service
    config = {"corpus_load_s": round(corpus_s, 3), **stack.describe()}
    try:
        result = run_answers(
            stack.pipeline,
            dataset,
            corpus=corpus,
            results_dir=settings.results_dir,
            progress=not args.no_progress,
            report=not args.no_report,
            config=config,
            leave_one_out=True,
        )
    finally:
        stack.close()
    _print_result(result, args.json)
    return 0


def _print_result(result: Any, as_json: bool) -> None:
    from evaluation.metrics import metric_names
    from evaluation.report import fmt

    overall = result.overall
    counts = result.metrics.get("counts", {})
    print(
        f"run {result.run_id}: {counts.get('questions')} questions, "
        f"skipped lines {counts.get('skipped_lines')}"
    )
    for name in metric_names(overall):
        print(f"  {name:<28}{fmt(overall[name]):>10}")
    print(f"results: {result.run_dir}")
    if as_json:
        summary = result.summary_json()
        summary["headline"] = {name: overall[name] for name in HEADLINE if name in overall}
        print(json.dumps(summary, ensure_ascii=False))


def _cmd_compare(args: argparse.Namespace) -> int:
    from corpus.settings import Settings
    from evaluation.compare import compare_runs, format_table
    from evaluation.results import load_run

    results_dir = Settings.from_env().results_dir
    comparison = compare_runs(load_run(args.run_a, results_dir), load_run(args.run_b, results_dir))
    if args.json:
        print(json.dumps(comparison.to_json(), ensure_ascii=False))
    else:
        print(format_table(comparison))
    return 0
