"""The Word, PDF and JSON-tree paths of the Labour Code against the offset tree (ground truth)."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from corpus.model import LegalUnit, UnitKind
from corpus.normalize import normalize_text
from corpus.readers import read_source
from corpus.readers.json_tree import tree_counts
from corpus.structure import parse_structure

TREE = "json/bo-luat-lao-dong-2019.json.gz"
PATHS = ("docx/45_2019_LD.docx", "pdf/45_2019_LD.pdf", TREE)
KINDS = {
    "chương": UnitKind.CHAPTER,
    "mục": UnitKind.SECTION,
    "điều": UnitKind.ARTICLE,
    "khoản": UnitKind.CLAUSE,
    "điểm": UnitKind.POINT,
}


def _bare(text: str) -> str:
    """Text without any whitespace: the JSON tree writes "1, 2" and "kinh tế - xã hội" where
    the Word file has "1,2" and "kinh tế-xã hội"; only spacing differs between the sources."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def ground_truth(sources_dir: Path) -> Counter[str]:
    with gzip.open(sources_dir / TREE, "rt", encoding="utf-8") as handle:
        return tree_counts(json.load(handle))


@pytest.fixture(scope="module")
def parsed(sources_dir: Path) -> dict[str, list[LegalUnit]]:
    out = {}
    for rel in PATHS:
        source = read_source(sources_dir / rel, sources_dir)[0]
        assert source.law_id == "45/2019/QH14", rel
        out[rel] = parse_structure(source.law_id, normalize_text(source.text)).units
    return out


def test_ground_truth_is_what_sources_md_says(ground_truth: Counter[str]) -> None:
    assert [ground_truth[k] for k in KINDS] == [17, 24, 220, 645, 287]


@pytest.mark.slow
@pytest.mark.parametrize("rel", PATHS)
def test_each_path_matches_the_tree_counts(
    parsed: dict[str, list[LegalUnit]], ground_truth: Counter[str], rel: str
) -> None:
    counts = Counter(u.kind for u in parsed[rel])
    assert {name: counts[kind] for name, kind in KINDS.items()} == {n: ground_truth[n] for n in KINDS}


@pytest.mark.slow
@pytest.mark.parametrize("rel", PATHS[1:])
def test_same_units_and_texts_as_word(parsed: dict[str, list[LegalUnit]], rel: str) -> None:
    word = {u.id: u for u in parsed[PATHS[0]]}
    other = {u.id: u for u in parsed[rel]}
    assert other.keys() == word.keys()
    different = [
        uid
        for uid, unit in word.items()
        if unit.kind is UnitKind.ARTICLE and _bare(other[uid].text) != _bare(unit.text)
    ]
    assert different == []
    assert other["45/2019/QH14:d113"].path == word["45/2019/QH14:d113"].path
