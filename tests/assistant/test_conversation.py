"""Conversation memory and the deterministic follow-up rewrite."""

from __future__ import annotations

import pytest

from assistant.conversation import Conversation, is_follow_up, rewrite_follow_up
from corpus.text import is_unaccented


class TestConversation:
    def test_keeps_last_n_turns(self) -> None:
        conversation = Conversation(max_turns=2)
        for i in range(4):
            conversation.add(f"câu hỏi {i}", f"trả lời {i}")
        assert [t.question for t in conversation.turns] == ["câu hỏi 2", "câu hỏi 3"]
        assert conversation.last_question() == "câu hỏi 3"

    def test_invalid_max_turns(self) -> None:
        with pytest.raises(ValueError, match="max_turns is 0"):
            Conversation(max_turns=0)

    def test_round_trip_history(self) -> None:
        history = [("a b c", "x"), ("d e f", "y")]
        assert Conversation.from_history(history).as_history() == history


class TestFollowUpRewrite:
    def test_follow_up_gets_previous_topic(self) -> None:
        conversation = Conversation.from_history([("Làm thêm giờ tối đa bao nhiêu giờ một tháng?", "...")])
        rewritten = rewrite_follow_up("còn nếu làm ca đêm thì sao?", conversation)
        assert rewritten.startswith("còn nếu làm ca đêm thì sao?")
        assert "thêm" in rewritten and "tháng" in rewritten

    @pytest.mark.parametrize(
        "question", ["Vậy thì được bao nhiêu ngày?", "Trường hợp đó có được trả lương không?"]
    )
    def test_markers_detected(self, question: str) -> None:
        assert is_follow_up(question)

    def test_standalone_question_unchanged(self) -> None:
        conversation = Conversation.from_history([("Làm thêm giờ tối đa bao nhiêu?", "...")])
        question = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"
        assert rewrite_follow_up(question, conversation) == question

    def test_story_topic_follows_its_first_words(self) -> None:
        story = (
            "Tôi nghỉ 6 ngày liền về quê chăm mẹ nằm viện, có giấy xác nhận của bệnh viện. "
            "Công ty ra quyết định sa thải tôi vì tự ý bỏ việc."
        )
        question = "Vậy tôi kiện thì phải làm gì?"
        rewritten = rewrite_follow_up(question, Conversation.from_history([(story, "...")]))
        carried = rewritten.removeprefix(question).split()
        assert carried[0] == "nghỉ"  # the story's first content words, as before
        assert " ".join(carried).endswith("sa thải")  # then the labour-law topic it named

    def test_a_word_that_folds_onto_a_stop_word_is_carried(self) -> None:
        """ "nợ" folds to "no", the stop word "nó": the story is about "nợ lương", not "lương"."""
        story = "Công ty nợ lương em 2 tháng rồi, hỏi thì cứ hẹn."
        conversation = Conversation.from_history([(story, "...")])
        question = "còn nếu tôi nghỉ luôn thì sao?"
        carried = rewrite_follow_up(question, conversation).removeprefix(question).split()
        assert carried[:3] == ["Công", "ty", "nợ"] and "em" not in carried and "rồi" not in carried
        # Typed without diacritics, "no" is the stop word "nó" ("sep no bat em"), except before
        # what is owed: "no luong" is "nợ lương" (without it the follow-up opened with the notice
        # periods of special occupations, not the right to quit at once over unpaid wages).
        bare = Conversation.from_history([("cong ty no luong em 2 thang roi", "...")])
        assert "no" in rewrite_follow_up(question, bare).removeprefix(question).split()
        boss = Conversation.from_history([("sep no bat em lam them 4 tieng moi ngay", "...")])
        assert "no" not in rewrite_follow_up(question, boss).removeprefix(question).split()

    def test_a_follow_up_typed_without_diacritics_stays_without(self) -> None:
        """The previous question's topic term is carried from the lexicon with diacritics ("báo
        trước"): appended to "con neu hd khong thoi han thi sao" it made the line read as
        accented, so the diacritics restorer skipped it and the answer was a form's transition
        rule; the whole line is folded instead and opens with khoản 1 điểm a Điều 35."""
        previous = "em lam hd 1 nam, muon nghi viec thi bao truoc may ngay"
        question = "con neu hd khong thoi han thi sao"
        rewritten = rewrite_follow_up(question, Conversation.from_history([(previous, "...")]))
        assert is_unaccented(rewritten) and rewritten.startswith(question) and "bao truoc" in rewritten

    def test_longer_follow_up_is_searched_with_the_whole_previous_question(self) -> None:
        previous = "em mang bầu tháng thứ 7, tổ trưởng vẫn xếp tăng ca tới 9h tối, vậy có đúng ko ạ"
        question = "còn nếu em tự nguyện muốn tăng ca để có thêm tiền thì có được không ạ?"
        assert is_follow_up(question)  # 17 syllables: past the short limit, opens with "còn"
        rewritten = rewrite_follow_up(question, Conversation.from_history([(previous, "...")]))
        assert rewritten == f"{question} {previous}"

    def test_a_long_question_that_does_not_open_like_a_follow_up_stands_alone(self) -> None:
        conversation = Conversation.from_history([("Làm thêm giờ tối đa bao nhiêu?", "...")])
        question = "Em làm công nhân may được 3 năm, nay muốn nghỉ việc thì có được trợ cấp không ạ?"
        assert not is_follow_up(question)
        assert rewrite_follow_up(question, conversation) == question

    @pytest.mark.parametrize(
        "question",
        [
            "Con em mới được 8 tháng, em đi làm lại thì quản lý xếp em vào ca 3. Em có được từ chối không?",
            "Thẻ bảo hiểm y tế của em hết hạn từ tháng trước thì công ty có phải gia hạn không ạ?",
            "con em 8 thang tuoi, em di lam lai thi quan ly xep ca dem, em co duoc tu choi khong",
        ],
    )
    def test_a_new_question_starting_like_con_or_the_is_not_a_follow_up(self, question: str) -> None:
        """ "Con" (my child) and "Thẻ" fold onto "còn" and "thế"; read with their diacritics."""
        assert not is_follow_up(question)

    @pytest.mark.parametrize(
        "question",
        [
            "Thế nếu năm sau em vẫn làm thợ hàn đủ 5 năm thì phép có tăng không?",
            "neu e da ky giay dong y lam dem roi thi sao a",
            "con neu toi tu nghi luon, bao truoc du 30 ngay thi co con duoc tro cap khong",
        ],
    )
    def test_longer_follow_ups_with_or_without_diacritics(self, question: str) -> None:
        assert is_follow_up(question)

    def test_a_story_opening_with_a_follow_up_word_is_not_a_follow_up_past_the_long_limit(self) -> None:
        story = "Còn " + "em làm ca đêm ở xưởng may " * 5 + "thì sao?"
        assert not is_follow_up(story)

    def test_no_history_unchanged(self) -> None:
        assert rewrite_follow_up("còn ca đêm thì sao?", Conversation()) == "còn ca đêm thì sao?"
