"""Vietnamese analyzer: numbers and one-letter tokens kept, accents folded, stopwords dropped."""

from __future__ import annotations

from indexing.analyzer import (
    analyze,
    analyze_folded,
    fold_accents,
    fold_tokens,
    normalize,
    stopwords,
    stopwords_hash,
    syllables,
)


class TestSyllables:
    def test_keeps_numbers_and_single_letters(self) -> None:
        tokens = syllables("Điểm a khoản 2 Điều 113")
        assert tokens == ["điểm", "a", "khoản", "2", "điều", "113"]

    def test_lower_cases_and_nfc(self) -> None:
        decomposed = "Nghi\u0309 hă\u0300ng năm"  # combining marks (NFD-like input)
        assert syllables(decomposed) == ["nghỉ", "hằng", "năm"]


class TestAnalyze:
    def test_adds_word_compounds(self) -> None:
        tokens = analyze("Người lao động ký hợp đồng lao động")
        assert "lao_động" in tokens
        assert "hợp_đồng" in tokens
        assert "lao" in tokens and "động" in tokens

    def test_drops_stopwords_but_not_negation(self) -> None:
        tokens = analyze("Tôi có được nghỉ không và của")
        assert "tôi" not in tokens and "và" not in tokens and "của" not in tokens
        assert "không" in tokens and "nghỉ" in tokens

    def test_keeps_clause_number(self) -> None:
        assert "2" in analyze("theo khoản 2")

    def test_empty_text(self) -> None:
        assert analyze("") == []


class TestFolding:
    def test_strips_diacritics_and_d_bar(self) -> None:
        assert fold_accents("Điều khoản đặc biệt") == "Dieu khoan dac biet"

    def test_fold_tokens_matches_unaccented_query(self) -> None:
        document = set(fold_tokens(analyze("Người lao động nghỉ hằng năm")))
        query = analyze_folded("nguoi lao dong nghi hang nam")
        assert {"nguoi", "lao", "dong", "nghi", "hang", "nam"} <= set(query)
        assert set(query) & document >= {"nguoi", "lao", "dong", "nghi", "hang", "nam"}

    def test_folded_stopwords_keep_colliding_content_words(self) -> None:
        # "tại" is a stopword but its folded form "tai" is also "tai" of "tai nạn".
        assert "tai" in analyze_folded("tai nan lao dong")


def test_stopword_list_is_loaded_and_hashed() -> None:
    words = stopwords()
    assert "của" in words and "không" not in words
    assert len(stopwords_hash()) == 16


def test_normalize_is_idempotent() -> None:
    text = "  Bộ Luật  LAO ĐỘNG "
    assert normalize(normalize(text)) == normalize(text)


def test_accent_restorer_uses_compounds_only() -> None:
    from indexing.restore import AccentRestorer

    restorer = AccentRestorer({"lao_động": 50, "lão_động": 1, "hợp_đồng": 20, "năm": 90, "nam": 10})
    restored = restorer.restore("nguoi lao dong ky hop dong nam 2020")
    assert restored == "nguoi lao động ky hợp đồng nam 2020"
