"""Export the members' sentences the diacritic restorer learns from, and check its accuracy.

The tune split's questions (and their follow-up turns) that carry diacritics are written the
way members write; counted into the restorer's syllable model they teach it everyday words
the law never uses ("quay lại", "nói", "cũ", "họ"). Only the tune split is exported: the
frozen split stays unseen and ``--check`` measures syllable accuracy on it.

    python -m evaluation.member_sentences            # rewrite indexing/data/member_sentences.txt
    python -m evaluation.member_sentences --check    # accuracy on the frozen split
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from corpus.text import strip_marks
from indexing.analyzer import syllables
from indexing.build import accent_texts
from indexing.chunking import chunk_corpus
from indexing.restore import AccentModel, AccentRestorer, everyday_phrases

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "indexing" / "data" / "member_sentences.txt"
HEADER = (
    "# Members' sentences with diacritics, exported from evaluation/data/dev_tune.jsonl by\n"
    "# `python -m evaluation.member_sentences` (never from the frozen split). One a line.\n"
)


def accented_turns(split: str) -> list[str]:
    """Every question and follow-up turn of the split that carries diacritics, in file order."""
    turns: list[str] = []
    path = ROOT / "evaluation" / "data" / f"{split}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for text in [*(row.get("history") or []), row.get("question", "")]:
            text = " ".join(str(text).split())
            if text and strip_marks(text) != text and text not in turns:
                turns.append(text)
    return turns


def syllable_accuracy(restorer: AccentRestorer, texts: list[str]) -> tuple[float, int]:
    right = total = 0
    for text in texts:
        gold = syllables(text)
        got = restorer.restore(strip_marks(text)).split()
        if len(gold) != len(got):
            continue
        total += len(gold)
        right += sum(a == b for a, b in zip(gold, got, strict=True))
    return right / max(1, total), total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print accuracy on the frozen split")
    args = parser.parse_args(argv)
    if not args.check:
        # A few tune questions also occur, word for word, in the frozen split: those stay out.
        held_out = set(accented_turns("dev_frozen"))
        turns = [t for t in accented_turns("dev_tune") if t not in held_out]
        TARGET.write_text(HEADER + "\n".join(turns) + "\n", encoding="utf-8")
        print(f"{len(turns)} sentences -> {TARGET.relative_to(ROOT)}")
        return 0
    from corpus.build import ensure_corpus
    from corpus.settings import Settings

    chunks = chunk_corpus(ensure_corpus(Settings.from_env()))
    frozen = accented_turns("dev_frozen")
    texts = accent_texts(chunks)
    for name, model in (
        ("law text + phrases", AccentModel.from_texts(texts, phrases=everyday_phrases())),
        ("law text + phrases + members' sentences", AccentModel.from_texts(texts)),
    ):
        accuracy, total = syllable_accuracy(AccentRestorer(model), frozen)
        print(f"{name}: {accuracy:.3f} of {total} syllables on the frozen split")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
