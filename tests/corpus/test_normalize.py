"""Pure normalisation functions, with hand-computed values."""

from __future__ import annotations

import unicodedata

from corpus.normalize import collapse_whitespace, normalize_text, strip_glued_heading, strip_signature
from corpus.readers.pdf_reader import join_wrapped_lines


class TestToneMarks:
    def test_old_style_open_rhymes_are_rewritten(self) -> None:
        assert normalize_text("hoà thoả thuận thuỷ khoẻ HOÀ") == "hòa thỏa thuận thủy khỏe HÒA"

    def test_closed_rhymes_and_qu_are_kept(self) -> None:
        text = "hoàn thành thuyền quý quả hoặc hoạch"
        assert normalize_text(text) == text

    def test_new_style_is_stable(self) -> None:
        text = "Cộng hòa, thỏa ước, thủy lợi, sức khỏe"
        assert normalize_text(normalize_text(text)) == text

    def test_nfd_input_gives_nfc(self) -> None:
        nfd = unicodedata.normalize("NFD", "Người lao động được nghỉ hằng năm")
        assert nfd != "Người lao động được nghỉ hằng năm"
        assert normalize_text(nfd) == "Người lao động được nghỉ hằng năm"


def test_whitespace_and_invisible_characters() -> None:
    assert normalize_text("  Điều\u00a01.\u200b  Phạm vi \r\n\r\n\r\n\n x ") == "Điều 1. Phạm vi\n\nx"
    assert collapse_whitespace("a\n b\t c") == "a b c"


class TestGluedHeading:
    def test_multiline_section_heading_is_split_off(self) -> None:
        text = (
            "3. Người lao động có thể thỏa thuận.\nMục 3\n"
            "THỜI GIỜ LÀM VIỆC, THỜI GIỜ NGHỈ NGƠI\nĐỐI VỚI NGƯỜI LÀM"
        )
        body, heading = strip_glued_heading(text)
        assert body == "3. Người lao động có thể thỏa thuận."
        assert heading.startswith("Mục 3\nTHỜI GIỜ")

    def test_inline_heading_after_last_sentence(self) -> None:
        body, heading = strip_glued_heading("được nghỉ.Mục 2. THỜI GIỜ NGHỈ NGƠI")
        assert (body, heading) == ("được nghỉ.", "Mục 2. THỜI GIỜ NGHỈ NGƠI")

    def test_prose_mentioning_a_section_is_not_a_heading(self) -> None:
        text = "trừ trường hợp quy định tại\nMục 1 Chương XI của Bộ luật này."
        assert strip_glued_heading(text) == (text, "")


def test_signature_block_is_cut() -> None:
    text = (
        "3. Chế độ lao động ... trong Bộ luật này.\n"
        "Bộ luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV thông qua.\n"
        "CHỦ TỊCH QUỐC HỘI\nNguyễn Thị Kim Ngân"
    )
    assert strip_signature(text) == "3. Chế độ lao động ... trong Bộ luật này."
    assert strip_signature("TM. CHÍNH PHỦ") == ""
    assert strip_signature("không có chữ ký") == "không có chữ ký"


def test_join_wrapped_lines_keeps_markers_and_short_lines() -> None:
    lines = [
        "Điều 3. Giải thích từ ngữ",
        "1. Người lao động là người làm việc cho người sử dụng lao động theo thỏa thuận,",
        "được trả lương và chịu sự quản lý, điều hành, giám sát của người sử dụng lao",
        "động.",
        "a) Điểm một rất ngắn;",
    ]
    assert join_wrapped_lines(lines) == [
        "Điều 3. Giải thích từ ngữ",
        "1. Người lao động là người làm việc cho người sử dụng lao động theo thỏa thuận, được trả lương "
        "và chịu sự quản lý, điều hành, giám sát của người sử dụng lao động.",
        "a) Điểm một rất ngắn;",
    ]
