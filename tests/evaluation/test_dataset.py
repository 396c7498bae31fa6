"""Loading and validating question files: every bad line is named by file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.store import Corpus
from evaluation.dataset import DatasetError, load_dataset


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = {
    "id": "g1",
    "question": "Nghỉ hằng năm?",
    "gold": [{"law": "45/2019/QH14", "article": 113}],
    "kind": "in_scope",
}


def _bad_file(tmp_path: Path, bad_line: str) -> Path:
    return write_lines(tmp_path / "set.jsonl", [json.dumps(GOOD), "", bad_line])


class TestLoad:
    def test_loads_fixture_with_official_law_spelling(self, tiny_corpus: Corpus) -> None:
        dataset = load_dataset(
            Path(__file__).parent.parent / "fixtures/evaluation/mini.jsonl", corpus=tiny_corpus
        )
        assert len(dataset) == 7
        q5 = next(q for q in dataset.questions if q.id == "q5")
        assert q5.gold[0].law == "10/2012/QH13"  # written lower-case in the file
        assert q5.source == "mini.jsonl:5"
        assert [q.id for q in dataset.questions if q.should_decline] == ["q4", "q6"]
        assert dataset.skipped == () and dataset.warnings == ()
        assert len(dataset.sha256) == 64

    def test_law_ids_compare_case_insensitively(self, tmp_path: Path) -> None:
        row = {**GOOD, "gold": [{"law": "146/2018/nđ-cp", "article": 3, "clause": 2}]}
        path = write_lines(tmp_path / "a.jsonl", [json.dumps(row, ensure_ascii=False)])
        dataset = load_dataset(path, known_laws=["146/2018/NĐ-CP"])
        assert dataset.questions[0].gold[0].law == "146/2018/NĐ-CP"
        assert dataset.questions[0].gold[0].clause_key == ("146/2018/NĐ-CP", 3, 2)

    def test_several_files_and_limit(self, tmp_path: Path) -> None:
        a = write_lines(tmp_path / "a.jsonl", [json.dumps(GOOD)])
        b = write_lines(
            tmp_path / "b.jsonl", [json.dumps({**GOOD, "id": "g2"}), json.dumps({**GOOD, "id": "g3"})]
        )
        dataset = load_dataset([a, b])
        assert [q.id for q in dataset.questions] == ["g1", "g2", "g3"]
        assert [q.id for q in dataset.limited(2).questions] == ["g1", "g2"]

    def test_unknown_kind_and_missing_twin_warn(self, tmp_path: Path) -> None:
        row = {**GOOD, "kind": "weird", "twin": "nope"}
        dataset = load_dataset(write_lines(tmp_path / "w.jsonl", [json.dumps(row)]))
        assert len(dataset) == 1
        assert any("weird" in w for w in dataset.warnings)
        assert any("'nope'" in w for w in dataset.warnings)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"id": "b", "question": "x", "kind": "in_scope"}), "missing field"),
        (json.dumps({**GOOD, "id": "b", "gold": "45/2019/QH14"}), "'gold' must be list"),
        (json.dumps({**GOOD, "id": "b", "gold": [{"law": "45/2019/QH14", "article": "113"}]}), "article"),
        (
            json.dumps({**GOOD, "id": "b", "gold": [{"law": "45/2019/QH14", "article": 1, "clause": 0}]}),
            "clause",
        ),
        (json.dumps({**GOOD, "id": "b", "kind": 3}), "'kind' must be str"),
        (json.dumps({**GOOD, "id": "b", "gold": [{"law": "99/2099/QH99", "article": 1}]}), "99/2099/QH99"),
        (json.dumps({**GOOD, "id": "b", "gold": [{"law": "45/2019/QH14", "article": 500}]}), "Điều 500"),
        (json.dumps(GOOD), "duplicate id 'g1'"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_bad_line_names_file_and_line(
    tmp_path: Path, tiny_corpus: Corpus, bad_line: str, message: str
) -> None:
    path = _bad_file(tmp_path, bad_line)
    with pytest.raises(DatasetError, match=r"set\.jsonl:3: ") as info:
        load_dataset(path, corpus=tiny_corpus, on_error="stop")
    assert message in str(info.value)
    skipped = load_dataset(path, corpus=tiny_corpus, on_error="skip")
    assert [q.id for q in skipped.questions] == ["g1"]
    assert len(skipped.skipped) == 1 and skipped.skipped[0].line == 3
    assert message in skipped.describe()["skipped_lines"][0]


def test_unknown_law_against_plain_list(tmp_path: Path) -> None:
    path = _bad_file(
        tmp_path, json.dumps({**GOOD, "id": "b", "gold": [{"law": "1/2000/QH10", "article": 1}]})
    )
    with pytest.raises(DatasetError, match="unknown law '1/2000/QH10'"):
        load_dataset(path, known_laws=["45/2019/QH14"])


def test_invalid_arguments(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="on_error must be one of"):
        load_dataset(tmp_path / "x.jsonl", on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(DatasetError, match="not found"):
        load_dataset(tmp_path / "missing.jsonl")
