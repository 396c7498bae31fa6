"""Vietnamese analyzer: numbers and one-letter tokens kept, accents folded, stopwords dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus.text import strip_marks
from indexing.analyzer import (
    analyze,
    analyze_folded,
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

    def test_percent_reads_as_words(self) -> None:
        # The law writes "8%", members ask "bao nhiêu phần trăm": both give the same tokens.
        law = analyze("Mức đóng hằng tháng bằng 8% tiền lương", compounds=False)
        assert {"8", "phần", "trăm"} <= set(law)
        assert {"phần", "trăm"} <= set(analyze("đóng bao nhiêu phần trăm lương", compounds=False))

    def test_empty_text(self) -> None:
        assert analyze("") == []


class TestFolding:
    def test_strips_diacritics_and_d_bar(self) -> None:
        assert strip_marks("Điều khoản đặc biệt") == "Dieu khoan dac biet"

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


def _tiny_accent_model() -> Any:
    from indexing.restore import AccentModel

    texts = [
        "Người lao động được nghỉ hằng năm 12 ngày làm việc.",
        "Người lao động làm việc đủ 12 tháng thì được nghỉ hằng năm.",
        "Lao động nam và lao động nữ được đối xử bình đẳng.",
        "Hợp đồng lao động phải được giao kết bằng văn bản.",
    ]
    return AccentModel.from_texts(texts, phrases=["bao nhiêu ngày", "bao nhiêu"])


def test_accent_restorer_reads_context() -> None:
    from indexing.restore import AccentRestorer

    restorer = AccentRestorer(_tiny_accent_model())
    # "nam" is "năm" after "hằng" but "nam" after "lao động"; the chat abbreviation "ko" is spelt
    # out from the synonym table; "ky" is unknown to this tiny model and stays as typed.
    assert restorer.restore("nguoi lao dong nghi hang nam bao nhieu ngay") == (
        "người lao động nghỉ hằng năm bao nhiêu ngày"
    )
    assert restorer.restore("lao dong nam ko duoc ky hop dong") == "lao động nam không được ky hợp đồng"
    assert restorer.restore("e nghi hang nam") == "em nghỉ hằng năm"


def test_members_sentences_teach_everyday_words() -> None:
    """Words the law never uses ("quay lại", "nói") come back from members' own sentences."""
    from indexing.restore import AccentModel, AccentRestorer, member_sentences

    sentences = member_sentences()
    assert len(sentences) >= 200
    law_only = AccentModel.from_texts(["Người lao động được nghỉ hằng năm."], phrases=[])
    with_members = AccentModel.from_texts(["Người lao động được nghỉ hằng năm."])
    folded = "cong ty noi em quay lai lam"
    assert "quay lại" not in AccentRestorer(law_only).restore(folded)
    assert AccentRestorer(with_members).restore(folded) == "công ty nói em quay lại làm"


def test_accent_model_round_trips(tmp_path: Path) -> None:
    from indexing.restore import AccentModel, AccentRestorer

    model = _tiny_accent_model()
    model.save(tmp_path / "accents.json")
    loaded = AccentModel.load(tmp_path / "accents.json")
    assert loaded.unigrams == model.unigrams and loaded.bigrams == model.bigrams
    assert AccentRestorer(loaded).restore("hop dong lao dong") == "hợp đồng lao động"
