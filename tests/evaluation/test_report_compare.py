"""Reports (Markdown + self-contained HTML) and run comparison, incl. the CLI's compare command."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from recorded import RECORDED_HITS, RecordedAnswerer, RecordedRetriever, make_hit

from corpus.store import Corpus
from evaluation.compare import compare_runs, format_table
from evaluation.dataset import Dataset
from evaluation.results import RunNotFoundError, latest_run, load_run
from evaluation.runner import run_answers, run_retrieval
from ui.cli import main

PNG_MAGIC = b"\x89PNG"


class TestReport:
    def test_report_files(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_retriever: RecordedRetriever
    ) -> None:
        result = run_retrieval(recorded_retriever, mini_dataset, results_dir=tmp_path, progress=False)
        md = (result.run_dir / "report.md").read_text(encoding="utf-8")
        page = (result.run_dir / "report.html").read_text(encoding="utf-8")
        for name in ("metric_by_kind.png", "first_gold_rank.png", "latency.png"):
            assert (result.run_dir / name).read_bytes().startswith(PNG_MAGIC)
            assert f"]({name})" in md
        assert "| **overall** | 7 |" in md
        assert "q2" in md.split("## Misses")[1]  # the one retrieval miss is listed
        images = re.findall(r'<img[^>]+src="([^"]+)"', page)
        assert len(images) == 3
        for src in images:
            assert src.startswith("data:image/png;base64,")
            assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG_MAGIC)
        assert "<table>" in page

    def test_question_markup_is_escaped(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_answerer: RecordedAnswerer, tiny_corpus: Corpus
    ) -> None:
        result = run_answers(
            recorded_answerer, mini_dataset, corpus=tiny_corpus, results_dir=tmp_path, progress=False
        )
        page = (result.run_dir / "report.html").read_text(encoding="utf-8")
        assert "<script>" not in page
        assert "&lt;script&gt;" in page  # q6 (injection) was answered and is listed


class TestCompare:
    def _two_runs(self, tmp_path: Path, dataset: Dataset, retriever: RecordedRetriever) -> tuple[Path, Path]:
        a = run_retrieval(retriever, dataset, results_dir=tmp_path, progress=False, report=False)
        q = {x.id: x.question for x in dataset.questions}
        # B: q2 now found at rank 1, q1 lost (gold 113 pushed out of the top 5)
        retriever.by_question[q["q2"]] = [make_hit("45/2019/QH14", 35)]
        retriever.by_question[q["q1"]] = [make_hit("45/2019/QH14", a) for a in (20, 35, 36, 37, 114, 113)]
        b = run_retrieval(retriever, dataset, results_dir=tmp_path, progress=False, report=False)
        return a.run_dir, b.run_dir

    def test_deltas_and_changes(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_retriever: RecordedRetriever
    ) -> None:
        dir_a, dir_b = self._two_runs(tmp_path, mini_dataset, recorded_retriever)
        comparison = compare_runs(load_run(dir_a, tmp_path), load_run(dir_b.name, tmp_path))
        # MRR@10: q1 0.5 -> 1/6, q2 0 -> 1 over five gold questions
        assert comparison.overall["MRR@10"]["delta"] == pytest.approx((1 / 6 - 0.5 + 1) / 5)
        assert comparison.overall["Hit@5"]["delta"] == pytest.approx(0.0)
        assert comparison.per_kind["in_scope"]["Hit@1"]["b"] == pytest.approx(0.5)
        changes = {c.id: c.change for c in comparison.changes}
        assert changes == {"q1": "hit→miss", "q2": "miss→hit"}
        table = format_table(comparison)
        assert "hit→miss" in table and "MRR@10" in table
        assert RECORDED_HITS["q2"][0].article == 36  # the shared recording itself was not changed

    def test_cli_compare_json(
        self,
        tmp_path: Path,
        mini_dataset: Dataset,
        recorded_retriever: RecordedRetriever,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        dir_a, dir_b = self._two_runs(tmp_path, mini_dataset, recorded_retriever)
        assert main(["eval", "compare", str(dir_a), str(dir_b), "--json"]) == 0
        out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert {c["id"] for c in out["changes"]} == {"q1", "q2"}
        assert out["run_b"] == dir_b.name
        assert main(["eval", "compare", str(dir_a), str(tmp_path / "nope")]) == 2
        assert "nope" in capsys.readouterr().err

    def test_latest_run_and_missing_run(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_retriever: RecordedRetriever
    ) -> None:
        assert latest_run(tmp_path) is None
        _, dir_b = self._two_runs(tmp_path, mini_dataset, recorded_retriever)
        assert latest_run(tmp_path, "retrieval") == dir_b
        assert latest_run(tmp_path, "answers") is None
        with pytest.raises(RunNotFoundError, match="no evaluation run 'zzz'"):
            load_run("zzz", tmp_path)
