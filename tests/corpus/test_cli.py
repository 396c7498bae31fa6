"""The real ``legal-assistant corpus`` commands, run as a subprocess on the built corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", "corpus", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_stats_json_lists_every_document(corpus: Any) -> None:
    result = _run("stats", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    docs = {d["law_id"]: d for d in data["documents"]}
    assert len(docs) >= 26
    labour = docs["45/2019/QH14"]
    assert (labour["chapters"], labour["sections"], labour["articles"]) == (17, 24, 220)
    assert (labour["clauses"], labour["points"], labour["in_force"]) == (645, 287, True)
    assert docs["58/2014/QH13"]["in_force"] is False
    assert docs["58/2014/QH13"]["replaced_by"] == ["41/2024/QH15"]
    assert data["totals"]["articles"] == sum(d["articles"] for d in docs.values())


def test_stats_show_the_law_in_force_and_what_it_replaced(corpus: Any) -> None:
    """Issue 15's closing check: the Trade Union Law 2024 whole, the replaced texts named."""
    data = json.loads(_run("stats", "--json").stdout)
    docs = {d["law_id"]: d for d in data["documents"]}
    union = docs["50/2024/QH15"]
    assert (union["chapters"], union["articles"], union["in_force"]) == (6, 37, True)
    replaced = {
        "12/2012/QH13": ["50/2024/QH15"],
        "115/2015/NĐ-CP": ["158/2025/NĐ-CP"],
        "28/2015/NĐ-CP": ["374/2025/NĐ-CP"],
        "134/2015/NĐ-CP": ["159/2025/NĐ-CP"],
    }
    for old, new in replaced.items():
        assert (docs[old]["in_force"], docs[old]["replaced_by"]) == (False, new), docs[old]
    table = _run("stats").stdout
    assert "thay thế bởi: 50/2024/QH15" in table and "thay thế bởi: 374/2025/NĐ-CP" in table


def test_stats_table_is_readable(corpus: Any) -> None:
    result = _run("stats")
    assert result.returncode == 0
    assert "Bộ luật Lao động" in result.stdout and "Hết hiệu lực" in result.stdout


def test_show_prints_text_path_and_provenance(corpus: Any) -> None:
    result = _run("show", "45/2019/QH14", "113", "--clause", "1", "--point", "a")
    assert result.returncode == 0, result.stderr
    assert "12 ngày làm việc" in result.stdout
    assert "Chương VII" in result.stdout and "docx/45_2019_LD.docx" in result.stdout
    data = json.loads(_run("show", "45/2019/QH14", "113", "--json").stdout)
    assert data["id"] == "45/2019/QH14:d113" and data["title"] == "Nghỉ hằng năm"


def test_show_unknown_unit_is_a_clear_error(corpus: Any) -> None:
    result = _run("show", "45/2019/QH14", "999")
    assert result.returncode == 2
    assert "45/2019/QH14:d999" in result.stderr
    bad = _run("show", "45/2019/QH14", "abc")
    assert bad.returncode == 2 and "positive whole number" in bad.stderr
