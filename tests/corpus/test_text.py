"""The shared text rules: accent folding (three contracts) and the base stop-word list."""

from __future__ import annotations

import unicodedata

import pytest

from corpus.text import fold, fold_aligned, folded_stopwords, stopwords, strip_marks

PHRASE = "Người lao động ĐƯỢC nghỉ hằng năm"


class TestFold:
    def test_d_bar_both_cases(self) -> None:
        assert fold("Đ") == "d" and fold("đ") == "d"
        assert strip_marks("Đơn đề nghị") == "Don de nghi"

    def test_nfc_and_nfd_input_fold_alike(self) -> None:
        nfc, nfd = unicodedata.normalize("NFC", PHRASE), unicodedata.normalize("NFD", PHRASE)
        assert nfc != nfd
        assert fold(nfc) == fold(nfd) == "nguoi lao dong duoc nghi hang nam"

    def test_stacked_combining_marks_are_all_removed(self) -> None:
        # "ệ" typed as e + circumflex + dot below, and as e + dot below + circumflex.
        assert fold("Vie\u0302\u0323t") == fold("Vie\u0323\u0302t") == "viet"

    def test_upper_case_kept_by_strip_marks_only(self) -> None:
        assert strip_marks("ĐIỀU KHOẢN") == "DIEU KHOAN"
        assert fold("ĐIỀU KHOẢN") == "dieu khoan"

    def test_marks_outside_the_vietnamese_block_are_removed(self) -> None:
        # U+1DC4 (a combining mark beyond U+036F) and an astral one (U+1D167) are category Mn.
        assert strip_marks("a\u1dc4b\U0001d167c") == "abc"

    def test_other_characters_are_kept(self) -> None:
        assert strip_marks("“30%” – 😀 x²") == "“30%” – 😀 x²"


class TestFoldAligned:
    @pytest.mark.parametrize("text", [PHRASE, "Nguyễn Đức Anh", "İstanbul ĐƯỜNG", "nghỉ 😀 phép"])
    def test_one_character_for_one(self, text: str) -> None:
        folded = fold_aligned(text)
        assert len(folded) == len(text)
        assert folded.replace(" ", "").isascii() or "😀" in folded

    def test_matches_fold_on_vietnamese(self) -> None:
        assert fold_aligned(PHRASE) == fold(PHRASE)
        assert fold_aligned("İ") == "i"


class TestStopwords:
    def test_base_list_is_nfc_and_keeps_legal_words(self) -> None:
        words = stopwords()
        assert "của" in words and "bao_nhiêu" in words
        assert not {"không", "chưa", "phải", "bị", "nghỉ"} & words
        assert all(unicodedata.normalize("NFC", w) == w for w in words)

    def test_folded_list_is_the_base_folded(self) -> None:
        assert folded_stopwords() == {fold(w) for w in stopwords()}
        assert "bao_nhieu" in folded_stopwords()
