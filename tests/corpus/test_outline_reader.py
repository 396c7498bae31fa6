"""The outline JSON reader (fourth JSON shape): commentary never read, forms split off, bullets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.errors import SourceError
from corpus.model import UnitKind
from corpus.normalize import normalize_text
from corpus.readers import read_source
from corpus.structure import parse_structure

COMMENTARY = "Tóm tắt của trang nguồn, không phải luật"


def _outline(content: object) -> dict[str, object]:
    return {
        "meta": {"title": "Nghị định 9/2030/NĐ-CP — Thử nghiệm", "effectiveDate": "01/01/2030"},
        "outline": [
            {
                "code": "Điều 1",
                "title": "Điều 1. Phạm vi",
                "chuong": "Chương I — QUY ĐỊNH CHUNG,",
                "muc": "",
                "content": content,
            },
        ],
        "summaries": {"x_1": {"tldr": COMMENTARY, "points": [COMMENTARY]}},
        "details": {},
        "refs": {},
    }


PARAGRAPHS = [
    {"k": "p", "t": "1. Phương thức đóng"},
    {"k": "p", "t": "a) Mỗi tháng một lần đối với:"},
    {"k": "p", "t": "Đơn vị sự nghiệp công lập."},
    {"k": "p", "t": "Doanh nghiệp."},
    {"k": "p", "t": "2. Thời hạn đóng là ngày cuối tháng."},
    {"k": "tbl", "rows": [["Nơi nhận:", "TM. CHÍNH PHỦ"]]},
    {"k": "p", "t": "Phụ lục I"},
    {"k": "p", "t": "MẪU VĂN BẢN ĐỀ NGHỊ"},
    {"k": "p", "t": "1. Tên đơn vị: ……"},
]


def _read(tmp_path: Path, data: object) -> list:  # type: ignore[type-arg]
    path = tmp_path / "outline.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return read_source(path, tmp_path)


@pytest.mark.parametrize("content", [PARAGRAPHS, repr(PARAGRAPHS)], ids=["list", "python-repr"])
def test_outline_gives_articles_and_never_the_commentary(tmp_path: Path, content: object) -> None:
    [source] = _read(tmp_path, _outline(content))
    assert source.law_id == "9/2030/NĐ-CP" and source.format == "json-outline"
    assert COMMENTARY not in source.text
    units = {u.id: u for u in parse_structure(source.law_id, normalize_text(source.text)).units}
    assert units["9/2030/NĐ-CP:d1:k1:a"].text.splitlines()[1:] == [
        "- Đơn vị sự nghiệp công lập.",
        "- Doanh nghiệp.",
    ]
    assert units["9/2030/NĐ-CP:d1:k2"].text == "Thời hạn đóng là ngày cuối tháng."
    assert units["9/2030/NĐ-CP:pl1"].kind is UnitKind.APPENDIX
    assert "Phụ lục" not in units["9/2030/NĐ-CP:d1"].text and "Nơi nhận" not in source.text
    warnings = " ".join(source.warnings)
    assert "cut short" in warnings and "summaries" in warnings and "merged into Điều 1" in warnings


def test_bad_outline_content_names_the_item(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"outline\[0\] \(Điều 1\)"):
        _read(tmp_path, _outline("[{'k': 'p', 't': unclosed"))


def test_both_trade_union_law_sources_hold_the_same_37_articles(sources_dir: Path) -> None:
    [outline] = read_source(sources_dir / "json" / "luat-cong-doan-2024-outline.json", sources_dir)
    [text] = read_source(sources_dir / "txt" / "cong-doan-2024.txt", sources_dir)
    assert outline.law_id == text.law_id == "50/2024/QH15"
    parsed = [parse_structure("50/2024/QH15", normalize_text(s.text)).units for s in (outline, text)]
    numbers = [[u.number for u in units if u.kind is UnitKind.ARTICLE] for units in parsed]
    assert numbers[0] == numbers[1] == [str(n) for n in range(1, 38)]
    data = json.loads((sources_dir / "json" / "luat-cong-doan-2024-outline.json").read_text("utf-8"))
    commentary = commentary_only(data)
    assert len(commentary) > 20 and not any(c in outline.text for c in commentary)


def commentary_only(data: dict) -> list[str]:  # type: ignore[type-arg]
    """Summary sentences that are not copies of the law's own paragraphs (some tldr are)."""
    law = " ".join(
        str(p.get("t", "")) for item in data["outline"] for p in item["content"] if isinstance(p, dict)
    )
    said = [
        s
        for summary in data["summaries"].values()
        for s in (summary.get("tldr", ""), *summary.get("points", []))
    ]
    return [s for s in said if len(s) > 40 and s not in law]
