"""A run's human report: ``report.md`` (plots beside it) and a self-contained ``report.html``."""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown

from evaluation.metrics import LOWER_IS_BETTER, metric_names
from evaluation.results import RunResult

MAX_MISSES = 40
_HTML_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
    "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
    "font-size:90%}th{background:#f2f2f2}img{max-width:100%}"
)


def cell(text: object) -> str:
    """Safe Markdown table cell: HTML-escaped (questions may hold markup), pipes and newlines removed."""
    return html.escape(str(text), quote=False).replace("|", "\\|").replace("\n", " ")


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}" if value >= 10 else f"{value:.3f}"
    return str(value)


def metrics_table(overall: dict[str, Any], per_kind: dict[str, dict[str, Any]]) -> list[str]:
    names = metric_names(overall) or sorted({n for m in per_kind.values() for n in metric_names(m)})
    header = ["scope", "questions", *[f"{n} ↓" if n in LOWER_IS_BETTER else n for n in names]]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    rows = [("**overall**", overall), *per_kind.items()]
    for scope, values in rows:
        cells = [scope, fmt(values.get("questions")), *[fmt(values.get(n)) for n in names]]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _gold_text(gold: list[dict[str, Any]]) -> str:
    parts = []
    for g in gold:
        part = f"{g['law']} Đ{g['article']}"
        if g.get("clause") is not None:
            part += f" k{g['clause']}"
        parts.append(part)
    return ", ".join(parts) or "(từ chối)"


def _top_text(record: dict[str, Any], n: int = 3) -> str:
    return ", ".join(f"{r['law']} Đ{r['article']}" for r in record.get("retrieved", [])[:n]) or "–"


def misses_table(records: list[dict[str, Any]]) -> list[str]:
    misses = [r for r in records if r.get("hit") is False]
    wrong_abstain = [r for r in records if not r["gold"] and r.get("abstained") is False]
    lines = [f"{len(misses)} question(s) with gold missed; showing up to {MAX_MISSES}.", ""]
    if misses:
        lines += [
            "| id | kind | question | gold | top 3 retrieved | first gold rank |",
            "|---|---|---|---|---|---|",
        ]
        for r in misses[:MAX_MISSES]:
            row = [r["id"], r["kind"], r["question"][:160], _gold_text(r["gold"]), _top_text(r)]
            lines.append("| " + " | ".join(cell(c) for c in row) + f" | {fmt(r.get('first_gold_rank'))} |")
    if wrong_abstain:
        lines += ["", f"{len(wrong_abstain)} question(s) that should have been declined were answered:", ""]
        lines += [
            f"- `{cell(r['id'])}` ({cell(r['kind'])}): {cell(r['question'][:160])}" for r in wrong_abstain
        ]
    return lines


def content_tables(records: list[dict[str, Any]]) -> list[str]:
    """Questions whose direct answer lacks a fact, and the quotes found misleading."""
    missed = [r for r in records if r.get("facts_missing")]
    lines = [f"{len(missed)} question(s) whose direct answer lacks a fact; showing up to {MAX_MISSES}.", ""]
    if missed:
        lines += ["| id | kind | question | missing facts | direct answer (start) |", "|---|---|---|---|---|"]
        for r in missed[:MAX_MISSES]:
            row = [r["id"], r["kind"], r["question"][:120], "; ".join(r["facts_missing"]),
                   str(r.get("direct_answer", ""))[:160]]  # fmt: skip
            lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    misleading = [(r["id"], reason) for r in records for reason in r.get("misleading_quotes") or []]
    lines += ["", f"{len(misleading)} misleading quote(s).", ""]
    lines += [f"- `{cell(qid)}`: {cell(reason)}" for qid, reason in misleading[:MAX_MISSES]]
    return lines


def plots(result: RunResult) -> dict[str, bytes]:
    from evaluation import plots as p

    per_kind = result.metrics.get("per_kind", {})
    metric = p.HEADLINE.get(str(result.metrics.get("mode")), "Recall@5")
    if not any(metric in m for m in per_kind.values()):
        metric = "Recall@5"
    images = {}
    if any(metric in m for m in per_kind.values()):
        images["metric_by_kind.png"] = p.metric_by_kind(per_kind, metric)
    with_gold = [r for r in result.records if r["gold"]]
    if with_gold:
        images["first_gold_rank.png"] = p.first_rank_histogram([r.get("first_gold_rank") for r in with_gold])
    latencies = [r["latency_ms"] for r in result.records if r.get("latency_ms") is not None]
    if latencies:
        images["latency.png"] = p.latency_histogram(latencies)
    return images


def render_markdown(result: RunResult, images: dict[str, bytes], image_src: Callable[[str], str]) -> str:
    m = result.metrics
    dataset = m.get("dataset", {})
    counts = m.get("counts", {})
    lines = [
        f"# Evaluation run `{result.run_id}`",
        "",
        f"- mode: **{m.get('mode')}**, created {m.get('created')}, {fmt(m.get('seconds'))} s",
        f"- dataset: {', '.join(cell(Path(f).name) for f in dataset.get('files', []))} "
        f"(sha256 {str(dataset.get('sha256', ''))[:12]}), {counts.get('questions')} questions, "
        f"{counts.get('with_gold')} with gold, {counts.get('without_gold')} to decline",
        f"- skipped lines: {len(dataset.get('skipped_lines', []))}",
        f"- config: `{cell(json.dumps(m.get('config', {}), ensure_ascii=False))}`",
        "",
        "## Metrics",
        "",
        "Retrieval metrics over questions with gold; ↓ marks metrics where lower is better.",
        "",
        *metrics_table(m.get("overall", {}), m.get("per_kind", {})),
        "",
        "## Plots",
        "",
    ]
    for name in images:
        lines += [f"![{name}]({image_src(name)})", ""]
    lines += ["## Misses", "", *misses_table(result.records)]
    if any("facts_missing" in r for r in result.records):
        lines += ["", "## What the answers say", "", *content_tables(result.records)]
    problems = dataset.get("skipped_lines", []) + dataset.get("warnings", [])
    if problems:
        lines += ["", "## Dataset problems", "", *[f"- {cell(p)}" for p in problems]]
    return "\n".join(lines) + "\n"


def write_report(result: RunResult) -> tuple[Path, Path]:
    """Write report.md (+ PNG files beside it) and report.html (images inlined as base64)."""
    images = plots(result)
    for name, data in images.items():
        (result.run_dir / name).write_bytes(data)
    md_path = result.run_dir / "report.md"
    md_path.write_text(render_markdown(result, images, lambda name: name), encoding="utf-8")

    def inline(name: str) -> str:
        return "data:image/png;base64," + base64.b64encode(images[name]).decode("ascii")

    body = markdown.markdown(render_markdown(result, images, inline), extensions=["tables"])
    page = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Evaluation {html.escape(result.run_id)}</title><style>{_HTML_STYLE}</style>"
        f"</head><body>{body}</body></html>\n"
    )
    html_path = result.run_dir / "report.html"
    html_path.write_text(page, encoding="utf-8")
    return md_path, html_path
