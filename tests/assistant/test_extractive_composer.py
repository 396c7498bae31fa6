"""The extractive composer: the decisive rule first, in the law's words, then that unit quoted once."""

from __future__ import annotations

import pytest
from assistant_fixtures import KeywordRetriever, shown_law

from assistant import messages
from assistant.decisive import UnitRanker, figures_of, is_delegation, shared_figures
from assistant.evidence import select_sources
from assistant.generators.extractive import ExtractiveGenerator, carries_quote, is_verbatim
from assistant.textnorm import numbers_in
from assistant.unit_context import strip_enumerator
from corpus.store import Corpus
from corpus.text import fold

QUESTIONS = [
    "Người lao động làm việc đủ 12 tháng được nghỉ hằng năm bao nhiêu ngày?",
    "Làm thêm giờ tối đa bao nhiêu giờ trong tháng?",
    "Làm việc ban đêm được trả thêm bao nhiêu phần trăm tiền lương?",
    "Lao động nữ sinh con được nghỉ thai sản mấy tháng?",
]


class TestExtractiveGenerator:
    def test_no_decisive_unit_says_so(self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever) -> None:
        question = QUESTIONS[0]
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        draft = ExtractiveGenerator(tiny_corpus, UnitRanker(min_score=1e9)).generate(question, sources)
        assert draft.text.startswith(messages.NO_DECISIVE_RULE), "a weak match is announced, not asserted"
        assert "Hỏi tư vấn viên" in draft.text

    @pytest.mark.parametrize("question", QUESTIONS)
    def test_numbers_quoted_verbatim(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever, question: str
    ) -> None:
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        draft = ExtractiveGenerator(tiny_corpus).generate(question, sources)
        assert draft.text and draft.cited
        rule = draft.text.split("\n\n", 1)[0]
        quote = shown_law(draft.text)
        assert numbers_in(rule), "a question asking for a figure gets a rule with one"
        for number in numbers_in(rule):
            assert number in quote, "every figure of the rule is the quoted law's"
        article = tiny_corpus.get(draft.cited[0].law_id, draft.cited[0].article)
        for line in quote.rstrip("»").split("\n"):
            assert strip_enumerator(line) in article.text, "the quote is the law's own text"
        for unit in draft.cited:
            assert tiny_corpus.units[unit.id] == unit

    def test_decisive_unit_first_and_quoted_once(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever
    ) -> None:
        # The tiny corpus stores points inside their clause (no point units): the real-corpus
        # answer ("12 ngày làm việc", điểm a) is tested in test_pipeline_real.
        question = QUESTIONS[0]
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        draft = ExtractiveGenerator(tiny_corpus).generate(question, sources)
        rule, basis = draft.text.split("\n\n", 1)
        first = draft.cited[0]
        assert (first.article, first.clause is not None) == (113, True), "a clause of Điều 113 decides"
        assert basis.startswith(f"Căn cứ pháp lý: Khoản {first.clause} Điều 113")
        assert basis.count("«") == 1, "the decisive unit is quoted once"
        assert rule.rstrip(".") in basis.replace("\n", " ") or "12 tháng" in rule

    def test_stream_joins_to_generate(self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever) -> None:
        question = QUESTIONS[1]
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        generator = ExtractiveGenerator(tiny_corpus)
        chunks = list(generator.stream(question, sources))
        assert len(chunks) >= 1
        assert "".join(chunks) == generator.generate(question, sources).text

    def test_no_sources_no_text(self, tiny_corpus: Corpus) -> None:
        draft = ExtractiveGenerator(tiny_corpus).generate("bất kỳ", [])
        assert draft.text == "" and draft.cited == ()


class TestDelegationUnits:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Chính phủ quy định chi tiết Điều này.", True),
            ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định chi tiết khoản 1 Điều này.", True),
            ("Chính phủ quy định trình tự, thủ tục xử lý kỷ luật lao động.", True),
            # However long the list of what the body will regulate (khoản 2 Điều 39 Luật BHXH 2024).
            (
                "Chính phủ quy định chi tiết Điều này; quy định các trường hợp thuộc khoản 1 Điều này "
                "nhưng có lý do chính đáng thì không bị coi là trốn đóng bảo hiểm xã hội bắt buộc, bảo "
                "hiểm thất nghiệp; quy định việc truy thu, truy đóng và xử lý khác.",
                True,
            ),
            # A list's catch-all item names no case (điểm g khoản 1 Điều 39 Luật BHXH 2024).
            (
                "Các trường hợp khác bị coi là trốn đóng bảo hiểm xã hội bắt buộc, bảo hiểm thất nghiệp "
                "theo quy định của Chính phủ.",
                True,
            ),
            ("Các quyền khác theo quy định của pháp luật.", True),
            ("Trường hợp khác do Chính phủ quy định.", True),
            ("Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày.", False),
            ("Hội đồng trọng tài lao động giải quyết tranh chấp theo quy định tại Điều 189.", False),
            # A rule that also names a body is a rule: the body must be its subject.
            ("Người sử dụng lao động quy định chi tiết nội quy lao động.", False),
        ],
    )
    def test_shapes(self, text: str, expected: bool) -> None:
        assert is_delegation(text) is expected

    @pytest.mark.slow
    def test_no_gold_unit_is_a_delegation(self, corpus: Corpus) -> None:
        """Leaving delegations out of the candidates never hides a dev-set answer."""
        import json

        from corpus.settings import PROJECT_ROOT

        delegations = {u.id for u in corpus.units.values() if is_delegation(u.text)}
        assert len(delegations) >= 100  # "Chính phủ quy định chi tiết Điều này." alone is common
        for name in ("dev_tune.jsonl", "dev_frozen.jsonl"):
            path = PROJECT_ROOT / "evaluation" / "data" / name
            for line in path.read_text(encoding="utf-8").splitlines():
                for gold in json.loads(line).get("gold") or []:
                    unit = corpus.get(gold["law"], gold["article"], gold.get("clause"), gold.get("point"))
                    assert unit.id not in delegations, (name, unit.id)


@pytest.mark.parametrize(
    ("rule", "quote", "expected"),
    [
        (
            "Người lao động bị khiển trách sau 03 tháng thì được xóa kỷ luật.",
            "1. Người lao động bị khiển trách sau 03 tháng thì được xóa kỷ luật.",
            True,
        ),
        ("Thời giờ làm việc không quá 08 giờ.", "Thời giờ làm việc  không quá 08 giờ;", True),
        # A point read with its lead-in, or one sentence of a longer clause, is still quoted.
        (
            "Mang thai từ tháng thứ 07.",
            "1. Không được làm thêm giờ khi:\na) Mang thai từ tháng thứ 07.",
            False,
        ),
        (
            "Được giữ nguyên tiền lương cũ.",
            "3. Được trả lương theo công việc mới. Được giữ nguyên tiền lương cũ.",
            False,
        ),
    ],
)
def test_is_verbatim(rule: str, quote: str, expected: bool) -> None:
    assert is_verbatim(rule, quote) is expected


@pytest.mark.parametrize(
    ("rule", "quote", "expected"),
    [
        # A point joined to its lead-in: only "sau đây", the enumerators and the case differ.
        (
            "Không được làm thêm giờ trong trường hợp mang thai từ tháng thứ 07.",
            "1. Không được làm thêm giờ trong trường hợp sau đây:\na) Mang thai từ tháng thứ 07;",
            True,
        ),
        # A subjectless clause after its article's title.
        (
            "Nghĩa vụ của người lao động khi nghỉ trái luật: không được trợ cấp thôi việc.",
            "1. Không được trợ cấp thôi việc.",
            True,
        ),
        # The quote says more (a word, or a part cut with "…"): it is kept.
        (
            "Không được làm thêm giờ trong trường hợp mang thai.",
            "1. Không được làm thêm giờ trong trường hợp sau đây:\na) Mang thai từ tháng thứ 07;",
            False,
        ),
        ("Khai báo ngay.", "1. Khai báo như sau:\nd) Khai báo ngay. Trường hợp chết người, …", False),
        ("Được giữ nguyên tiền lương cũ.", "3. Được trả lương mới. Được giữ nguyên tiền lương cũ.", False),
    ],
)
def test_carries_quote(rule: str, quote: str, expected: bool) -> None:
    assert carries_quote(rule, quote) is expected


@pytest.mark.parametrize(
    ("unit", "question", "opposite"),
    [
        # Heavy work "đặc biệt" is another grade (16 days of leave, not 14) unless the member says so.
        (
            "16 ngày làm việc đối với người làm nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm.",
            "Tôi làm thợ hàn trong hầm tàu, nghề nặng nhọc độc hại, được mấy ngày phép?",
            True,
        ),
        (
            "16 ngày làm việc đối với người làm nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm.",
            "Nghề đặc biệt nặng nhọc được nghỉ phép mấy ngày?",
            False,
        ),
        # A unit naming both grades is about the member's too.
        (
            "Lao động nữ làm nghề, công việc nặng nhọc, độc hại, nguy hiểm hoặc đặc biệt nặng nhọc, độc hại",
            "Em làm nghề nặng nhọc độc hại, có bầu thì sao?",
            False,
        ),
        # "Người chưa thành niên" names a group of workers; "chưa đủ 12 tháng" is a case not yet come.
        (
            "14 ngày làm việc đối với người lao động chưa thành niên, người làm nghề nặng nhọc, độc hại",
            "Tôi làm nghề nặng nhọc độc hại, được mấy ngày phép?",
            False,
        ),
        ("Người lao động làm việc chưa đủ 12 tháng thì số ngày nghỉ theo tỷ lệ", "Nghỉ phép mấy ngày?", True),
        # Heavy work the member never names is another case; her welding in a ship's hull is it.
        ("Làm nghề, công việc nặng nhọc, độc hại, nguy hiểm: 40 ngày", "nghỉ ốm mấy ngày 1 năm", True),
        ("Làm nghề, công việc nặng nhọc, độc hại, nguy hiểm: 40 ngày", "em là thợ hàn, nghỉ ốm?", False),
        # A text giving the normal conditions' rule too is the general rule.
        (
            "a) 12 ngày làm việc đối với người làm công việc trong điều kiện bình thường; b) 14 ngày làm "
            "việc đối với người làm nghề, công việc nặng nhọc, độc hại, nguy hiểm",
            "Nghỉ phép năm được bao nhiêu ngày?",
            False,
        ),
    ],
)
def test_opposite_case_qualifiers(unit: str, question: str, opposite: bool) -> None:
    from assistant.decisive import _folded, _mismatched, _Query

    assert bool(_mismatched(_folded(unit), _Query.of(question))) is opposite


@pytest.mark.parametrize(
    ("story", "side"),
    [
        ("Tòa xử công ty đuổi việc tôi trái luật. Vậy công ty phải làm gì cho tôi?", "employer"),
        ("Cty đưa máy tự động vào thay người, cho cả tổ em 20 người nghỉ việc.", "employer"),
        ("cty co dc cho e nghi luon ma ko bao truoc khong", "employer"),
        ("Em nghỉ ngang không báo trước vì bực quản lý. Giờ cty đòi em bồi thường.", "worker"),
        ("hd cua e la ko xac dinh thoi han, gio e muon nghi viec thi phai bao truoc bao lau", "worker"),
        ("cty bat e nghi viec khi dang nuoi con 8 thang, e phai lam gi", "employer"),
        ("Nhân sự đưa em tờ thông báo đơn phương chấm dứt hợp đồng, có báo trước 45 ngày.", "employer"),
        ("Tết công ty chỉ cho nghỉ 3 ngày, còn lại trừ vào phép năm", None),  # leave, not an ending
        ("Thử việc lương bao nhiêu?", None),
    ],
)
def test_who_ends_the_contract(story: str, side: str | None) -> None:
    from assistant.contract_ending import who_ends
    from assistant.decisive import _folded

    assert who_ends(_folded(story)) == side


def test_the_articles_of_each_side() -> None:
    from assistant.contract_ending import ended_by as _ended_by
    from assistant.decisive import _folded

    assert _ended_by(_folded("Quyền đơn phương chấm dứt hợp đồng lao động của người lao động")) == "worker"
    assert (
        _ended_by(
            _folded("Nghĩa vụ của người lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật")
        )
        == "worker"
    )
    assert (
        _ended_by(
            _folded(
                "Nghĩa vụ của người sử dụng lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật"
            )
        )
        == "employer"
    )
    assert (
        _ended_by(
            _folded(
                "Trường hợp người sử dụng lao động không được thực hiện quyền đơn phương chấm dứt "
                "hợp đồng lao động"
            )
        )
        == "employer"
    )
    assert _ended_by(_folded("Trợ cấp thôi việc")) is None


@pytest.mark.parametrize(
    ("text", "surrogacy"),
    [
        ("Lao động nữ nhờ mang thai hộ đã đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trở lên", True),
        ("Trường hợp người mẹ nhờ mang thai hộ chết hoặc gặp rủi ro", True),
        ("Lao động nữ mang thai hộ;", True),
        # A rule naming the mother and the surrogate is the mother's too.
        ("Lao động nữ, lao động nữ mang thai hộ được nghỉ việc hưởng chế độ dưỡng sức", False),
        ("Trường hợp người mẹ hoặc lao động nữ mang thai hộ chết sau khi sinh con", False),
        ("Lao động nữ sinh con được nghỉ việc hưởng chế độ thai sản trước và sau khi sinh con", False),
    ],
)
def test_a_surrogacy_subject(text: str, surrogacy: bool) -> None:
    from assistant.decisive import _SURROGACY_SUBJECT, _folded

    assert bool(_SURROGACY_SUBJECT.match(_folded(text))) is surrogacy


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("cty chỉ cho nghỉ 3 ngày", {"n3"}),
        ("ngày Giỗ Tổ Hùng Vương: 01 ngày (ngày 10 tháng 3 âm lịch)", {"n1", "d10", "d3"}),
        ("nghỉ từ tháng 5/2025, vẫn nghỉ sau ngày 01/7/2025", {"d5", "d2025", "d1", "d7"}),
        (
            "từ ngày 01 tháng 7 năm 2025; lao động nam đủ 62 tuổi, mang thai tháng thứ 07",
            {"d1", "d7", "d2025", "a62", "m7"},
        ),
        ("lam duoc 5 nam, tu thang 3", {"y5", "d3"}),
        # Units: the word after a number, or before an ordinal ("tháng thứ 07").
        ("bầu 8 tháng mà bắt trực ca đêm từ 22h đến 6h", {"m8", "h22", "h6"}),
        ("Giờ làm việc ban đêm được tính từ 22 giờ đến 06 giờ sáng", {"h22", "h6"}),
        ("mang thai từ tháng thứ 07 hoặc từ tháng thứ 06", {"m7", "m6"}),
        ("lam 10 tieng 1 ngay, it nhat bang 150%", {"h10", "n1", "%150"}),
        ("được hưởng 60 mức lương", {"60"}),
        ("cty trừ 300 nghìn, thưởng 2tr, phạt 50k", {"v300", "v2", "v50"}),
    ],
)
def test_figures_of_a_date_or_a_unit(text: str, figures: set[str]) -> None:
    assert figures_of(text, typed=True) == figures
    assert figures_of(text) == {f.lstrip("dnmyhapv%") for f in figures}


@pytest.mark.parametrize(
    ("question", "unit", "shared"),
    [
        ("cty cho nghi khong luong 3 thang", "Kết hôn: nghỉ 03 ngày", 0),  # months are not days
        ("trực ca đêm đến 6h", "mang thai từ tháng thứ 06", 0),  # hours are not months
        ("mang thai 7 tháng", "mang thai từ tháng thứ 07", 1),
        ("nghỉ 3 hôm", "nghỉ 03 ngày", 1),  # a number with no unit matches any unit
        ("nghỉ từ ngày 3", "nghỉ 03 ngày", 0),  # a date's number only matches a date's
        ("cty tự trừ lương mỗi người 300 nghìn", "ít nhất bằng 300%", 0),  # money is not a percentage
        ("phạt em 5 triệu", "phạt tiền từ 5.000.000 đồng", 1),
    ],
)
def test_shared_figures_match_their_units(question: str, unit: str, shared: int) -> None:
    assert shared_figures(figures_of(question, typed=True), figures_of(unit, typed=True)) == shared


@pytest.mark.parametrize(
    ("story", "mother"),
    [
        ("em mang bầu tháng thứ 7, tổ trưởng vẫn xếp tăng ca", True),
        ("Em vào công ty được 5 tháng thì sinh con, chưa đóng BHXH", True),
        ("vo sinh mo thi chong dc nghi may ngay huong bhxh", False),  # a husband asking
        ("Vợ em sinh con tuần trước, em được nghỉ mấy ngày?", False),
        ("Công ty nợ lương em 2 tháng", False),
        ("Bầu ban chấp hành công đoàn cơ sở thì ai được ứng cử?", False),  # an election
    ],
)
def test_who_gave_birth_in_the_story(story: str, mother: bool) -> None:
    from assistant.decisive import _Query

    assert _Query.of(story).mother is mother


INFERTILITY_RULE = "... trước khi sinh con đối với trường hợp phải nghỉ việc để điều trị vô sinh."


@pytest.mark.parametrize(
    ("unit", "story", "infertility"),
    [
        (INFERTILITY_RULE, "sinh con xong", True),
        (INFERTILITY_RULE, "em đang hiếm muộn", False),
        ("07 ngày làm việc khi vợ sinh con phải phẫu thuật", "sinh con xong", False),
        ("14 ngày làm việc khi vợ sinh đôi phải phẫu thuật", "sinh con xong", False),
    ],
)
def test_infertility_treatment_is_a_case_of_its_own(unit: str, story: str, infertility: bool) -> None:
    from assistant.decisive import _INFERTILITY, _folded, _Query

    query = _Query.of(story)
    assert (not query.infertility and _INFERTILITY.search(_folded(unit)) is not None) is infertility


@pytest.mark.parametrize(
    ("story", "unlawful"),
    [
        ("Em nghỉ việc mà không báo trước đủ số ngày, kế toán nói em không được trợ cấp", True),
        ("em tu nghi ngang, dong bhtn 3 nam", True),
        ("cty đuổi việc em trái luật", True),
        ("Sếp quấy rối em, em muốn nghỉ luôn thì có phải báo trước không?", False),  # asks whether
        ("Em làm được 3 năm, nghỉ việc đúng luật thì có trợ cấp thôi việc không?", False),
    ],
)
def test_a_contract_ended_without_notice_is_ended_unlawfully(story: str, unlawful: bool) -> None:
    from assistant.decisive import _qualified

    assert ("trai phap luat" in _qualified(fold(story))) is unlawful


@pytest.mark.parametrize(
    ("story", "birth"),
    [
        ("Công ty nợ lương hai tháng liền, tôi có được nghỉ việc ngay không?", False),
        ("Em bị sảy thai lúc thai được 10 tuần", True),
        ("vo toi sinh mo hom qua", True),
        ("con em 9 tháng, em đi làm lại", True),
        ("trong thời gian hành kinh em có được nghỉ không", True),
        # Folded, "để", "còn", "nào" and "vô" read "de", "con", "nao", "vo": no birth in them.
        ("Khi nào cty phải trả lương, còn để nợ lâu thì em vô đâu khiếu nại?", False),
    ],
)
def test_a_story_speaks_of_a_birth(story: str, birth: bool) -> None:
    from assistant.decisive import _Query

    assert _Query.of(story).birth is birth


@pytest.mark.parametrize(
    ("story", "abroad", "officer"),
    [
        ("Tôi là người Philippines, ký HĐ 2 năm với công ty ở Đồng Nai", True, False),
        ("em sắp đi xkld Nhật, cty cũ có phải chốt sổ bhxh không", True, False),
        ("người lao động có được nghỉ khi anh trai cưới không", False, False),
        ("chủ tịch công đoàn cơ sở có bị cho nghỉ khi hết hợp đồng không", False, True),
        ("cty giu can cuoc cong dan ban goc cua e, co dc ko", False, False),
    ],
)
def test_whose_story_it_is(story: str, abroad: bool, officer: bool) -> None:
    """Foreign workers and union officers are other people's rules unless the story is theirs."""
    from assistant.decisive import _Query

    query = _Query.of(story)
    assert ("abroad" in query.spoken, "officer" in query.spoken) == (abroad, officer)
