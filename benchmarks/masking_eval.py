"""Personal-data masking on the labelled sets: precision and recall per kind, and speed.

Usage: python benchmarks/masking_eval.py [--ner] [--show-errors]
Scores ``assistant.service.privacy`` (rules) on tests/assistant/service/data/masking_set.txt and
masking_heldout.txt; with ``--ner`` also underthesea's NER alone on names (PER), and rules plus NER,
with timings.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.service.pii.labelled import Example, Score, load, score  # noqa: E402
from assistant.service.pii.spans import KINDS, Span, overlaps  # noqa: E402
from assistant.service.privacy import find_personal_data  # noqa: E402

DATA = ROOT / "tests" / "assistant" / "service" / "data"
SETS = ("masking_set.txt", "masking_heldout.txt")


def ner_spans(text: str) -> list[Span]:
    """PER entities from underthesea's NER, as character spans."""
    from underthesea import ner

    spans, pos = [], 0
    current: Span | None = None
    for token, *_, tag in ner(text):
        start = text.find(token, pos)
        if start < 0:
            continue
        end = pos = start + len(token)
        if tag == "B-PER" or (tag == "I-PER" and current is None):
            if current is not None:
                spans.append(current)
            current = Span(start, end, "name")
        elif tag == "I-PER" and current is not None:
            current = Span(current.start, end, "name")
        else:
            if current is not None:
                spans.append(current)
            current = None
    if current is not None:
        spans.append(current)
    return spans


def rules_and_ner(text: str) -> list[Span]:
    spans = find_personal_data(text)
    return spans + [s for s in ner_spans(text) if not overlaps(s, spans)]


def table(title: str, scores: dict[str, Score], kinds: tuple[str, ...] = KINDS) -> None:
    print(f"\n{title}")
    print(f"{'kind':18} {'items':>5} {'recall':>7} {'precision':>9}")
    for kind in kinds:
        s = scores[kind]
        print(
            f"{kind:18} {s.gold:5d} {s.recall:7.3f} {s.precision:9.3f}  ({s.found}/{s.gold} found, "
            f"{s.correct}/{s.predicted} correct)"
        )


def timed(examples: list[Example], find: Callable[[str], list[Span]]) -> tuple[dict[str, Score], float]:
    find(examples[0].text)  # load models outside the timing
    started = time.perf_counter()
    scores = score(examples, find)
    return scores, (time.perf_counter() - started) / len(examples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ner", action="store_true", help="also score underthesea NER (slower)")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    for name in SETS:
        examples = load(DATA / name)
        scores, ms = timed(examples, find_personal_data)
        table(f"{name}: {len(examples)} messages, rules, {ms:.2f} ms per message", scores)
        if args.show_errors:
            for kind, s in scores.items():
                for line in s.misses:
                    print(f"  MISS {kind}: {line}")
                for line in s.false_positives:
                    print(f"  FALSE {kind}: {line}")
        if args.ner:
            started = time.perf_counter()
            ner_spans("khởi động")
            print(f"\nunderthesea NER load: {time.perf_counter() - started:.1f} s")
            scores, ms = timed(examples, ner_spans)
            table(f"{name}: underthesea NER alone (PER), {ms:.2f} ms per message", scores, ("name",))
            scores, ms = timed(examples, rules_and_ner)
            table(f"{name}: rules + NER, {ms:.2f} ms per message", scores, ("name",))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
