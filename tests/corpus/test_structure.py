"""The structure parser on small hand-written texts."""

from __future__ import annotations

from corpus.model import UnitKind
from corpus.structure import parse_structure

LAW = "99/2099/QH99"

TEXT = """LUẬT THỬ
Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi
Luật này quy định thử.
Điều 2. Quyền
1. Người lao động có quyền sau đây:
a) Làm việc;
b) Nghỉ ngơi;
đ) không phải điểm vì sai thứ tự;
2. Theo quy định tại khoản 2 Điều 36 của Bộ luật này.
Điều 36 của Bộ luật này không phải là tiêu đề.
5. Dòng số 5 không nối tiếp khoản 2 nên là văn bản.
Mục 1
HỢP ĐỒNG
Điều 3. Sửa đổi
1. Sửa đổi Điều 9 như sau:
“Điều 9. Điều được trích dẫn
1. Khoản trích dẫn một.
a) Điểm trích dẫn.”.
2. Khoản hai thật.
Luật này đã được Quốc hội thông qua.
CHỦ TỊCH QUỐC HỘI
PHỤ LỤC
DANH MỤC ĐỊA BÀN
1. Thành phố Hà Nội
- Vùng I, gồm các phường Ba Đình.
2. Tỉnh Cao Bằng
- Vùng III, gồm các phường Thục Phán.
"""


def _units() -> dict[str, object]:
    return {u.id: u for u in parse_structure(LAW, TEXT).units}


def test_headings_articles_clauses_points() -> None:
    units = parse_structure(LAW, TEXT).units
    kinds = [u.kind for u in units]
    assert kinds.count(UnitKind.CHAPTER) == 1
    assert kinds.count(UnitKind.SECTION) == 1
    assert [u.number for u in units if u.kind is UnitKind.ARTICLE] == ["1", "2", "3"]
    ids = {u.id for u in units}
    assert {f"{LAW}:c1", f"{LAW}:c1:m1", f"{LAW}:d2:k1:a", f"{LAW}:d2:k1:b", f"{LAW}:d2:k2"} <= ids
    assert f"{LAW}:d2:k1:đ" not in ids  # "đ" after "b" breaks the sequence
    assert f"{LAW}:d2:k5" not in ids
    assert f"{LAW}:d36" not in ids


def test_cross_reference_line_stays_in_its_article() -> None:
    article = next(u for u in parse_structure(LAW, TEXT).units if u.id == f"{LAW}:d2")
    assert "Điều 36 của Bộ luật này không phải là tiêu đề." in article.text
    assert article.title == "Quyền"
    assert article.path == ("Chương I. NHỮNG QUY ĐỊNH CHUNG",)


def test_quotation_units_are_nested_under_the_quoting_clause() -> None:
    units = {u.id: u for u in parse_structure(LAW, TEXT).units}
    assert f"{LAW}:d9" not in units
    assert f"{LAW}:d3:k1:k1" in units and f"{LAW}:d3:k1:k1:a" in units
    assert units[f"{LAW}:d3:k2"].text == "Khoản hai thật."
    assert units[f"{LAW}:c1:m1"].title == "Mục 1. HỢP ĐỒNG"


def test_signature_is_dropped_and_appendix_rows_kept() -> None:
    units = {u.id: u for u in parse_structure(LAW, TEXT).units}
    assert "Quốc hội thông qua" not in units[f"{LAW}:d3"].text
    assert units[f"{LAW}:pl1"].kind is UnitKind.APPENDIX
    row = units[f"{LAW}:pl1:r1"]
    assert row.kind is UnitKind.APPENDIX_ROW and row.title == "Thành phố Hà Nội"
    assert "Vùng I, gồm các phường Ba Đình." in row.text
    assert units[f"{LAW}:pl1:r2"].parent_id == f"{LAW}:pl1"


def test_lettered_articles_follow_their_number() -> None:
    text = "Điều 33. A\nnội dung\nĐiều 33a. B\nnội dung\nĐiều 33b. C\nĐiều 34. D\n"
    numbers = [u.number for u in parse_structure(LAW, text).units if u.kind is UnitKind.ARTICLE]
    assert numbers == ["33", "33a", "33b", "34"]


def test_a_clause_heading_run_together_with_its_first_point_is_split() -> None:
    """Some gazette text layers run "2. Nộp hồ sơ ..." and its "a) Trong thời hạn ..." into one
    line; the point is a unit of its own, the heading the clause's lead-in."""
    text = (
        "Điều 14. Nộp hồ sơ\n"
        "1. Hồ sơ gồm:\n"
        "a) Đơn đề nghị.\n"
        "2. Nộp hồ sơ hưởng trợ cấp thất nghiệp a) Trong thời hạn 03 tháng, người lao động nộp hồ sơ.\n"
        "b) Người lao động được ủy quyền cho người khác nộp hồ sơ.\n"
        "3. Theo điểm a) khoản 1 Điều này.\n"
    )
    units = {u.id: u for u in parse_structure(LAW, text).units}
    assert units[f"{LAW}:d14:k2"].text.startswith("Nộp hồ sơ hưởng trợ cấp thất nghiệp\na) Trong thời hạn")
    assert units[f"{LAW}:d14:k2:a"].text == "Trong thời hạn 03 tháng, người lao động nộp hồ sơ."
    assert units[f"{LAW}:d14:k2:b"].text == "Người lao động được ủy quyền cho người khác nộp hồ sơ."
    assert units[f"{LAW}:d14:k3"].text == "Theo điểm a) khoản 1 Điều này."


def test_built_unemployment_filing_clause_has_its_points(corpus: object) -> None:
    """Nghị định 374/2025 khoản 2 Điều 14 (its heading and point a on one line in the source)."""
    from corpus.store import Corpus

    assert isinstance(corpus, Corpus)
    point = corpus.get("374/2025/NĐ-CP", 14, 2, "a")
    assert point.text.startswith("Trong thời hạn 03 tháng kể từ ngày chấm dứt hợp đồng lao động")
