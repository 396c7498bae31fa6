"""``answer_calculation``: strict triggering, inputs from words or digits, asking for what is missing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.calculators import CalculationReply, answer_calculation
from assistant.calculators.intent import speaks_of_self

DATA = Path(__file__).resolve().parents[3] / "evaluation" / "data"


def reply(question: str, history: list[tuple[str, str]] | None = None) -> CalculationReply:
    result = answer_calculation(question, history or [])
    assert result is not None, question
    return result


@pytest.mark.parametrize(
    "question",
    [
        "Tôi làm việc 3 năm 8 tháng, lương 9 triệu, nghỉ việc thì được trợ cấp thôi việc bao nhiêu?",
        "toi lam 3 nam 8 thang luong 9tr nghi viec duoc tro cap thoi viec bao nhieu",
        "Em làm ba năm tám tháng, lương 9.000.000đ, trợ cấp thôi việc được bao nhiêu tiền?",
    ],
)
def test_severance_in_words_or_digits_with_or_without_diacritics(question: str) -> None:
    answer = reply(question)
    assert answer.calculator == "tro_cap_thoi_viec"
    assert answer.direct_answer.splitlines()[0] == "Trợ cấp thôi việc của bạn là 18.000.000 đồng."
    assert answer.citations[0].article == 46
    lines = answer.direct_answer.splitlines()
    assert 3 <= len(lines) <= 7
    # the condition the figure holds under is read right under it, not only in the calculator tab
    assert lines[1].startswith("Lưu ý: Thời gian đã đóng bảo hiểm thất nghiệp không được tính")


def test_a_husband_asking_about_his_wifes_birth_never_gets_the_mothers_leave() -> None:
    """ "vợ em sinh mổ" is the father's calculator; "vo sinh doi thi chong duoc nghi may ngay" asks
    the rule (khoản 2 Điều 53, answered by retrieval), never the mother's "7 tháng"."""
    answer = reply("vo e sinh mo, e nghi cham vo duoc may ngay huong bhxh")
    assert answer.calculator == "thai_san_cha" and "7 ngày làm việc" in answer.direct_answer
    assert answer_calculation("vo sinh doi thi chong duoc nghi may ngay", []) is None


def test_the_topic_asked_is_the_one_in_the_question_sentence() -> None:
    """A story names several topics; the question sentence says which one the member asks about.
    On unemployment benefit and pregnant, she asked for her maternity pay and got the benefit."""
    on_benefit = reply(
        "Em làm cty 5 năm, lương 6,8 triệu, hết hợp đồng em đang hưởng trợ cấp thất nghiệp được 2 "
        "tháng. Giờ em có thai 3 tháng. Vậy lúc sinh em được nhận tiền thai sản bao nhiêu?"
    )
    assert on_benefit.calculator == "thai_san" and "thai sản" in on_benefit.direct_answer.splitlines()[0]
    wife = reply(
        "Vợ em sinh con thứ 2 hôm 3/5, vợ em lương 9 triệu đóng bhxh đủ. "
        "Vợ em được nhận tiền thai sản tổng cộng bao nhiêu?"
    )
    assert wife.calculator == "thai_san" and "54.000.000 đồng" in wife.direct_answer.splitlines()[0]
    # The father's own leave: the story says whose birth it was, the question only "thai sản".
    father = reply(
        "Vợ tôi sinh đôi và phải mổ. Tôi đóng BHXH ở công ty. Tôi được nghỉ thai sản bao nhiêu ngày?"
    )
    assert father.calculator == "thai_san_cha" and "14 ngày làm việc" in father.direct_answer


@pytest.mark.parametrize(
    ("question", "sex", "born"),
    [
        # The father's birth and sex, not the mother's named first.
        (
            "Mẹ em sinh năm 1970 đã nghỉ ở nhà, còn bố em sinh tháng 3/1966 làm bảo vệ. "
            "Bố em khi nào thì được về hưu ạ?",
            "lao động nam",
            "tháng 3/1966",
        ),
        # Her own birth and sex, not her husband's named first.
        (
            "Chồng em sinh 8/1967, còn em sinh 3/1972, lao động nữ. Khi nào em được nghỉ hưu?",
            "lao động nữ",
            "tháng 3/1972",
        ),
        # The question names nobody: the one whose birth the story gives.
        (
            "Mẹ em sinh tháng 10/1971, làm công nhân may. Khi nào được nghỉ hưu?",
            "lao động nữ",
            "tháng 10/1971",
        ),
    ],
)
def test_the_retirement_age_is_of_the_person_asked_about(question: str, sex: str, born: str) -> None:
    understood = reply(question).direct_answer.splitlines()[1]
    assert f"Giới tính: {sex}" in understood and f"Tháng, năm sinh: {born}" in understood


def test_a_childs_birth_is_not_the_members() -> None:
    """ "Con em sinh tháng 5/2019" was read as the member's birth: she read that her month of birth
    was invalid. The child's birth never counts; the calculator asks for hers. Typed with
    diacritics, "còn em sinh" (as for me) is hers."""
    child = reply(
        "Em là nữ, làm công nhân may 15 năm. Con em sinh tháng 5/2019. Em muốn hỏi khi nào em được nghỉ hưu?"
    )
    assert child.missing == ("thang_sinh",) and "2019" not in child.direct_answer
    own = reply("Con em sinh 2005 còn em sinh tháng 4/1978, lao động nữ. Khi nào em được nghỉ hưu?")
    assert "Tháng, năm sinh: tháng 4/1978" in own.direct_answer.splitlines()[1]
    folded = reply("e sinh thang 4/1980, la nu, con e sinh 2005. bao gio e duoc nghi huu")
    assert "Tháng, năm sinh: tháng 4/1980" in folded.direct_answer.splitlines()[1]


@pytest.mark.parametrize(
    "question",
    [
        # the tax on an allowance
        "Trợ cấp thôi việc của em khoảng 30 triệu thì có bị trừ thuế thu nhập cá nhân không, nếu có "
        "thì bị trừ "
        "bao nhiêu tiền?",
        # the employer's fine
        "cty e cho tang ca nhieu lam, thang roi e tang ca 60 tieng, luong 7tr. cty lam vay co bi "
        "phat ko, phat "
        "bao nhieu tien?",
        # a wait before a benefit
        "Em đóng bhxh 8 năm, lương bình quân 9 triệu, nghỉ việc từ tháng 1. Em phải đợi mấy tháng "
        "nữa mới được "
        "rút bhxh 1 lần?",
        # when unused leave is paid
        "e lam cty dc 3 nam, nam nay con 5 ngay phep chua nghi, cty bao het nam la mat. vay phep nam "
        "chua nghi "
        "thi khi nao cty phai thanh toan tien cho e?",
        # papers and office, even for the calculator that answers "khi nào" itself
        "bo e sinh thang 4/1964, da du tuoi nghi huu roi, vay ho so huong luong huu nop khi nao va "
        "nop o dau a?",
        # the mid-shift break
        "Em làm ca đêm từ 22h đến 6h, lương 8 triệu. Cty có bắt buộc phải cho em nghỉ giữa ca bao nhiêu phút "
        "không?",
        # what the social insurance fund pays, not the employer
        "Em bị tai nạn lao động, giám định suy giảm 25%, lương đóng bảo hiểm 6 triệu. Bên bảo hiểm "
        "xã hội chi "
        "trả trợ cấp cho em bao nhiêu tiền?",
        # last year's days carried over
        "e vao cty thang 3/2022, luong 7tr, nam ngoai e con 4 ngay phep chua nghi, sep bao chuyen "
        "sang nam nay. "
        "vay nam nay e dc tong cong bao nhieu ngay phep?",
        # a probation that ended without a contract
        "e thu viec 2 thang luong 8tr, het thu viec cty ko ky hd ma cung ko bao gi, van cho e lam "
        "tiep. vay khi "
        "nao e dc coi la da ky hd chinh thuc?",
        # the grassroots union's share of the dues
        "Cty em có 300 công nhân, quỹ lương tháng khoảng 2 tỷ. Công đoàn cơ sở được giữ lại bao "
        "nhiêu phần trăm "
        "kinh phí công đoàn?",
        # the settlement after leaving
        "e da nop don nghi viec va bao truoc 30 ngay dung luat, hd 1 nam. vay sau khi nghi thi cty "
        "phai thanh "
        "toan het tien cho e trong bao nhieu ngay?",
        # whether the employer may force it, not the overtime pay
        "e lam cong nhan det o nam dinh, luong co ban 5tr2, moi ngay lam 8 tieng, tuan lam 6 ngay. thang nay "
        "cty nhieu don hang nen bat tang ca moi ngay 3 tieng, ca chu nhat nua. e thay met qua, xin ko tang "
        "ca thi quan ly doa tru chuyen can 300k. vay cty co dc bat e tang ca ko, e tu choi thi cty dc tru "
        "bao nhieu?",
        # a question sentence about another subject (the collective agreement), after a story that
        # named the member's probation and wage
        "Chào luật sư, em làm ở cty may ở Bình Dương được 2 năm rưỡi, hồi mới vào em thử việc 1 tháng lương "
        "5 triệu rồi ký hợp đồng 3 năm. Tháng trước cty tổ chức hội nghị người lao động, công đoàn cơ sở đưa "
        "ra dự thảo thỏa ước lao động tập thể mới có tăng phụ cấp xăng xe 300 nghìn, thưởng tháng 13, hỗ trợ "
        "nhà trọ. Nhưng giám đốc nói phải chờ đa số công nhân biểu quyết, em có nghe nói phải trên 50% đồng "
        "ý. Em muốn hỏi thỏa ước ký xong thì có hiệu lực bao lâu, và bao nhiêu phần trăm người lao động đồng "
        "ý thì mới được ký ạ?",
    ],
)
def test_what_no_calculator_prices_goes_to_the_rule(question: str) -> None:
    """Each named a calculator's topic and gave it a figure, but asks something it does not price:
    the member read a confident amount (severance as her wage, overtime pay for a fine, the
    employer's compensation for the fund's allowance) instead of the rule (retrieval)."""
    assert answer_calculation(question, []) is None


def test_an_indefinite_contract_abbreviated_is_read() -> None:
    """"hd ko thoi han" is an indefinite contract (45 days' notice); the friend's "hd 2 nam" named
    first was read instead (30 days)."""
    answer = reply(
        "cty e co ng bi cty cho nghi ko bao truoc, ban e lam hd 2 nam. con e thi hd ko thoi han, neu e muon "
        "nghi thi e phai bao truoc bao nhieu ngay?"
    )
    assert answer.calculator == "thoi_han_bao_truoc" and "45 ngày" in answer.direct_answer.splitlines()[0]


def test_a_father_whose_wife_is_uninsured_is_priced_the_one_off_allowance() -> None:
    """Khoản 1 Điều 58 Luật BHXH 2024: the husband is paid the one-off birth allowance when his wife
    does not qualify. He read only his 5 days of leave."""
    answer = reply(
        "vo e ko di lam, ko dong bhxh, e dong bhxh 4 nam luong 8tr. vo e sinh thang 6 thi e dc nhan "
        "tro cap 1 "
        "lan bao nhieu tien?"
    )
    first = answer.direct_answer.splitlines()[0]
    assert answer.calculator == "thai_san_cha" and "trợ cấp một lần khi sinh con 4.680.000 đồng" in first
    assert (answer.citations[0].article, answer.citations[0].clause) == (58, 1)
    insured = reply(
        "Vợ tôi sinh đôi và phải mổ. Tôi đóng BHXH ở công ty. Tôi được nghỉ thai sản bao nhiêu ngày?"
    )
    assert "trợ cấp một lần" not in insured.direct_answer and "Mức tham chiếu" not in insured.direct_answer


def test_a_duration_the_member_is_short_of_is_not_her_tenure() -> None:
    """ "chưa đủ 12 tháng" bounds the case; it was priced as a full year (12 days of leave, half a
    month's severance). With no tenure of her own, the rule answers (retrieval), or the
    calculator asks for the time worked."""
    assert answer_calculation("e chua du 12 thang thi nghi phep nam duoc may ngay") is None
    severance = reply("em làm chưa đủ 1 năm, lương 8 triệu, nghỉ việc được trợ cấp thôi việc bao nhiêu")
    assert severance.missing == ("thoi_gian_lam_viec",) and "thoi_gian_lam_viec" not in severance.inputs


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "Lương em 6 triệu, làm ở Hà Nội quận Cầu Giấy, vậy có thấp hơn lương tối thiểu không?",
            "Lương 6.000.000 đồng/tháng của bạn không thấp hơn lương tối thiểu vùng I "
            "(5.310.000 đồng/tháng).",
        ),
        (
            "luong 4tr8 o phuong Kinh Bac, Bac Ninh co du luong toi thieu vung khong",
            "Lương 4.800.000 đồng/tháng của bạn không thấp hơn lương tối thiểu vùng II "
            "(4.730.000 đồng/tháng).",
        ),
        (
            "em làm ở phường Hoàn Kiếm, Hà Nội, cty trả 4,5 triệu/tháng có dưới lương tối thiểu không",
            "Lương 4.500.000 đồng/tháng của bạn thấp hơn lương tối thiểu vùng I (5.310.000 đồng/tháng): nếu "
            "đó là lương cho đủ giờ làm việc bình thường trong tháng thì công ty đang trả dưới mức luật cho "
            "phép.",
        ),
    ],
)
def test_a_wage_asked_against_the_minimum_is_compared_with_its_region(
    question: str, first_line: str, corpus: object
) -> None:
    """A yes/no question about the member's wage and the floor: the locality's region (read from
    the decree's appendix, the place cut where the question goes on) and the comparison."""
    answer = reply(question)
    assert answer.calculator == "luong_toi_thieu_vung"
    assert answer.direct_answer.splitlines()[0] == first_line
    assert "hoàn thành định mức lao động (khoản 1 Điều 4)" in answer.direct_answer


@pytest.mark.parametrize(
    "question",
    [
        "Nghỉ phép năm được bao nhiêu ngày?",
        "Trợ cấp thôi việc được tính thế nào?",
        "Tuổi nghỉ hưu của lao động nữ là bao nhiêu?",
        "Làm thêm giờ vào ngày lễ được trả bao nhiêu phần trăm lương?",
        "Mức lương tối thiểu giờ vùng I từ năm 2026 là bao nhiêu?",
        "Năm 2019 tôi nghỉ việc, theo Bộ luật Lao động cũ thì hợp đồng không xác định thời hạn phải báo "
        "trước bao nhiêu ngày?",
    ],
)
def test_textbook_and_past_law_questions_are_left_to_retrieval(question: str) -> None:
    assert answer_calculation(question) is None


def _dev_questions() -> list[dict]:
    rows = []
    for name in ("dev_tune.jsonl", "dev_frozen.jsonl"):
        with open(DATA / name, encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return [r for r in rows if r.get("kind") != "calculation"]


def test_dev_questions_about_the_rule_never_trigger(corpus: object) -> None:
    """A question with no number that does not speak of the member's own case asks about the rule."""
    for row in _dev_questions():
        if not re.search(r"\d", row["question"]) and not speaks_of_self(row["question"]):
            assert answer_calculation(row["question"]) is None, row["id"]


def test_dev_questions_that_trigger_give_the_reference_figure(corpus: object) -> None:
    """Where a non-calculation dev question does trigger, the figure is the one in its reference answer."""
    for row in _dev_questions():
        answer = answer_calculation(row["question"])
        if answer is None:
            continue
        assert not answer.missing, row["id"]
        figure = answer.result.figures[0] if answer.result else None
        assert figure is not None
        reference = re.sub(r"\b0(\d) (tháng|ngày)", r"\1 \2", row["reference_answer"])
        assert figure.text in reference, (row["id"], figure.text)


def test_missing_input_is_asked_for_then_answered_in_the_next_message() -> None:
    first = "Lương tôi 10,4 triệu, làm thêm 4 giờ ngày chủ nhật được bao nhiêu tiền?"
    asked = reply(first)
    assert asked.missing == ("so_ngay_lam_viec_thang",)
    assert "đồng" not in asked.direct_answer.splitlines()[0]  # no guessed figure
    answered = reply("26 ngày", [(first, asked.direct_answer)])
    assert answered.direct_answer.startswith("Tiền lương làm thêm 4 giờ vào ngày nghỉ hằng tuần")
    assert "400.000 đồng" in answered.direct_answer  # 10.400.000 ÷ (26 × 8) × 200% × 4


def test_two_missing_inputs_over_two_turns() -> None:
    first = "Khi nào tôi được nghỉ hưu?"
    assert answer_calculation(first) is None  # no input of the member's own case
    first = "Tôi sinh tháng 5/1968, khi nào tôi được nghỉ hưu?"
    asked = reply(first)
    assert asked.missing == ("gioi_tinh",)
    done = reply("nữ", [(first, asked.direct_answer)])
    assert "56 tuổi 4 tháng" in done.direct_answer and "tháng 9/2024" in done.direct_answer


def test_a_new_question_after_a_request_goes_to_retrieval() -> None:
    first = "Tôi sinh tháng 5/1968, khi nào tôi được nghỉ hưu?"
    asked = reply(first)
    assert (
        answer_calculation("Hợp đồng lao động phải ký bằng văn bản không?", [(first, asked.direct_answer)])
        is None
    )


def test_out_of_range_input_is_named_with_its_range() -> None:
    answer = reply("Tôi làm 200 năm, lương 9 triệu, trợ cấp thôi việc bao nhiêu?")
    assert answer.missing == ("thoi_gian_lam_viec",)
    assert "từ 1 tháng đến 50 năm" in answer.direct_answer
    assert answer.result is None


def test_future_birth_date_is_refused() -> None:
    answer = reply("Tôi là nữ sinh tháng 3/2090, khi nào nghỉ hưu?")
    assert "tương lai" in answer.direct_answer and answer.result is None


def test_reply_json_round_trips() -> None:
    answer = reply("Tôi là nữ, sinh tháng 3/1970, khi nào tôi được nghỉ hưu?")
    data = json.loads(json.dumps(answer.to_json(), ensure_ascii=False))
    assert data["inputs"]["thang_sinh"] == "1970-03"
    assert data["citations"][0] == {"law_id": "135/2020/NĐ-CP", "article": 4, "clause": 2, "point": None}
    assert "tháng 7/2027" in data["direct_answer"]


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # 9.000.000 ÷ (26 × 8) × 150% × 2 = 129.807,7 -> 129.808
        ("Lương 9 triệu 26 ngày công, tôi tăng ca 2 tiếng tối thứ 3 thì được bao nhiêu tiền?",
         "129.808 đồng"),
        # 2% × 300.000.000
        ("Công ty tôi quỹ lương đóng BHXH 300 triệu một tháng, kinh phí công đoàn phải đóng bao nhiêu?",
         "6.000.000 đồng"),
        ("Vợ em sinh thường một bé, em được nghỉ mấy ngày thai sản?", "5 ngày làm việc"),
        # 4 năm − 2 năm BHTN = 2 năm; 2 × 1/2 × 8.000.000
        ("Tôi làm 4 năm, công ty đóng BHTN 2 năm cuối, lương 8 triệu, nghỉ việc thì trợ cấp thôi việc "
         "bao nhiêu?", "8.000.000 đồng"),
        # 3 giờ đêm chủ nhật: 200% + 30% + 20% × 200% = 270%; 40.000 × 270% × 3
        ("Tôi làm thêm 3 giờ vào chủ nhật, từ 22 giờ đến 1 giờ sáng, lương giờ 40.000 đồng, được bao nhiêu?",
         "324.000 đồng"),
        # 8 năm 4 tháng from 2017 -> 8,5 năm × 2 × 9.000.000
        ("Tôi đóng BHXH 8 năm 4 tháng từ năm 2017, lương bình quân 9 triệu, rút BHXH một lần được bao nhiêu?",
         "153.000.000 đồng"),
    ],
)  # fmt: skip
def test_member_phrasings(question: str, figure: str) -> None:
    assert figure in reply(question).direct_answer.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # 2 năm 5 tháng -> 2,5 năm × 1/2 × 6.500.000 = 8.125.000
        ("toi nghi viec sau 2 nam 5 thang lam viec, cty ko dong bhtn, luong 6tr5, tro cap thoi viec bn?",
         "8.125.000 đồng"),
        # 75% × 12.000.000 ÷ 24 × 0,5
        ("Tôi nghỉ ốm nửa ngày, lương đóng BHXH 12 triệu, được bao nhiêu tiền trợ cấp?", "187.500 đồng"),
        # under a year: what was paid (5.500.000), at most 2 × 5.000.000
        ("Em đóng BHXH 11 tháng rồi nghỉ, rút BHXH 1 lần được bao nhiêu, lương 5 triệu, đã đóng tổng cộng "
         "5,5 triệu?", "5.500.000 đồng"),
        # night hours of 18h–2h: 22h–2h = 4 giờ; 30.000 × 30% × 4 = 36.000
        ("Em làm ca từ 18h đến 2h sáng, không phải tăng ca, lương giờ 30.000đ, tiền làm đêm thêm bao nhiêu?",
         "36.000 đồng"),
        # 8 tiếng hành chính is not the overtime: 2 giờ × 200% × 40.000
        ("Hôm thứ Ba tôi làm đủ 8 tiếng hành chính, không tăng ca ban ngày, rồi tăng ca đêm từ 22h đến 24h. "
         "Lương giờ thực trả 40.000 đồng. Tiền tăng ca đêm tối thiểu bao nhiêu?", "160.000 đồng"),
    ],
)  # fmt: skip
def test_more_member_phrasings(question: str, figure: str) -> None:
    assert figure in reply(question).direct_answer.splitlines()[0]


def test_overtime_partly_at_night_is_left_to_retrieval() -> None:
    question = "Em làm từ 7h sáng đến 11h đêm ngày thường, lương giờ 30k, phần làm thêm được bao nhiêu?"
    assert answer_calculation(question) is None


def test_a_province_with_several_regions_asks_for_the_ward() -> None:
    answer = reply("Tôi làm ở Bắc Ninh, lương tối thiểu bao nhiêu?")
    assert answer.missing == ("dia_ban",) and "vùng II, III, IV" in answer.direct_answer
    done = reply(
        "phường Kinh Bắc, Bắc Ninh",
        [("Tôi làm ở Bắc Ninh, lương tối thiểu bao nhiêu?", answer.direct_answer)],
    )
    assert "4.730.000 đồng" in done.direct_answer


@pytest.mark.parametrize(
    "question",
    [
        # A total the member states is not a total asked for.
        "e lam cho cty da ky 3 hd lien tiep, tong cong 6 nam, cty bao chi tinh tro cap thoi viec "
        "theo hd cuoi cung thoi. vay dung ko a",
        # The sickness calculator prices the days; the most days allowed is a question of the rule.
        "em dong bhxh duoc 16 nam roi, nam nay nghi om da 32 ngay. vay em dc huong toi da bao nhieu "
        "ngay 1 nam",
        # Rest and recovery after an accident is not the employer's compensation.
        "Tôi bị tai nạn lao động gãy chân, giám định suy giảm 40%. Tôi được nghỉ dưỡng sức tối đa mấy ngày?",
        # "không cho nghỉ phép năm nào" is "not a single year's leave", not "which year?".
        "Em làm việc 2 năm, công ty không cho nghỉ phép năm nào, giờ nghỉ việc có được trả tiền những "
        "ngày phép chưa nghỉ không?",
        # Travel days on annual leave are khoản 6 Điều 113, not the days of leave.
        "nghỉ phép năm 12 ngày về quê, đi xe khách mất 2 ngày đi, 2 ngày về, mấy ngày đi đường đó có "
        "được tính thêm không?",
        # "bao nhiêu ... cũng", "tháng nào ... cũng": any number, every month (a boss quoted)
        "sếp nói ký giấy đồng ý tăng ca rồi thì bao nhiêu tiếng cũng được, em đã tăng ca 230 tiếng trong "
        "năm nay, vậy có đúng không",
        "em làm công nhân lương 7 triệu rưỡi, tháng nào phiếu lương cũng ghi trừ tiền bảo hiểm, em sinh "
        "con tháng 11, bảo hiểm nói cty chưa đóng, vậy khoản thai sản cty có phải đền không",
        # "khi nào sếp ... thì", "không nói bao giờ": whenever, what nobody said
        "em ký hđ thử việc 2 tháng làm kế toán (em tốt nghiệp cao đẳng), hết thử việc rồi mà cty bảo "
        "khi nào sếp rảnh thì ký hđ, vậy có đúng không",
        "em làm hđ 1 năm, sếp chuyển em ra cửa hàng khác 4 tháng nay, không nói bao giờ quay lại, em "
        "nghỉ luôn thì có phải báo trước 30 ngày không",
        # a mother who cannot care for the baby: the father's leave is the rule's (to 6 months)
        "em đóng bhxh 4 năm, vợ em sinh xong bị băng huyết không đủ sức khỏe chăm con, em được nghỉ mấy ngày",
        # "mấy tháng trước", "tổng cộng chắc cũng hơn 30 người": the past months, a total stated
        "em thử việc 1 tháng rồi ký hđ 1 năm, lương 5tr3. Cty không trả tiền xăng xe theo thỏa ước, tổng "
        "cộng chắc cũng hơn 30 người bị vậy. Còn mấy tháng trước có đòi lại được không?",
        # How long the agency takes, not how much: the rule's time limit
        "mẹ em đóng bhxh 9 năm, muốn rút bhxh một lần thì hồ sơ gồm gì, giải quyết trong bao lâu",
        # Training support and the monthly job-search report are not the unemployment benefit
        "em đang hưởng trợ cấp thất nghiệp được 1 tháng, muốn học nghề, học phí 6 triệu, em phải bù bao "
        "nhiêu",
        "e dc duyet tro cap that nghiep 3 thang, thang nao cung phai len trung tam khai bao tim viec, "
        "vay may thang sau e phai di bao vao ngay nao",
        # A disease on the long-term list: past the year's days the rate depends on the years paid
        "em bị suy thận phải chạy thận, bệnh chữa dài ngày, nghỉ ốm hết 40 ngày rồi, lương đóng bh 7 "
        "triệu, bhxh có trả tiếp bao nhiêu phần trăm",
        # Retraining support after an accident is not the compensation
        "tôi bị tai nạn lao động suy giảm 35%, muốn học nghề khác, học phí 8 triệu, được hỗ trợ bao nhiêu",
        # Written to trip the calculators (a helper's 60 messages, not dev data): a date or a
        # deadline, a limit the law sets, and a fact that rules the member out.
        "Em sinh con tháng 2 vừa rồi, lương đóng bhxh 7 triệu. Hồ sơ thai sản em nộp cho cty từ tháng "
        "3, khi nào thì tiền thai sản về tài khoản ạ?",
        "Chồng em đóng bhtn 5 năm, lương 8 triệu, bị cty cho nghỉ hôm 10/6. Cho em hỏi anh ấy phải nộp "
        "hồ sơ hưởng thất nghiệp muộn nhất là bao lâu sau khi nghỉ?",
        "Cty em bắt tăng ca 4 tiếng mỗi ngày, lương 8 triệu, vậy một tháng tăng ca tối đa bao nhiêu giờ "
        "thì đúng luật?",
        "Em bị sảy thai lúc 10 tuần, lương đóng bảo hiểm 6 triệu, em được nghỉ thai sản bao nhiêu ngày?",
        "Cty nợ lương em 2 tháng nay rồi, em làm hợp đồng không xác định thời hạn. Giờ em muốn nghỉ luôn "
        "thì có phải báo trước bao nhiêu ngày không?",
        "Em làm cty 6 năm, lương 10 triệu, trong đó 4 năm cty có đóng bhtn. Em bị cty kỷ luật sa thải vì "
        "nghỉ 5 ngày không phép, vậy em được trợ cấp thôi việc bao nhiêu?",
        "e nghi viec tu 1/3, dong bhtn 3 nam, luong 6tr, thang 4 e da co viec lam moi o cty khac roi. "
        "vay e co dc huong tctn ko, dc may thang?",
        "Em đóng bhxh 20 năm, nữ, lương 10 triệu. Nếu em nghỉ hưu sớm 2 năm thì lương hưu bị trừ bao "
        "nhiêu phần trăm?",
    ],
)
def test_questions_about_the_rule_are_not_calculations(question: str) -> None:
    assert answer_calculation(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "chi oi e di giup viec nha cho 1 gia dinh, hd ky 1 nam, e muon nghi ve que thi phai bao truoc "
        "bao lau",
        "Em làm ô sin cho một gia đình được 8 tháng, giờ em muốn nghỉ thì phải báo trước mấy ngày?",
    ],
)
def test_a_domestic_worker_gives_the_notice_of_her_own_contract(question: str) -> None:
    """Khoản 2 Điều 162: either side, at least 15 days, whatever the contract's term."""
    answer = reply(question)
    assert answer.calculator == "thoi_han_bao_truoc"
    assert answer.direct_answer.splitlines()[0].startswith("Bạn phải báo trước ít nhất 15 ngày")
    assert (answer.citations[0].article, answer.citations[0].clause) == (162, 2)


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "Chủ nhà muốn cho em nghỉ, em làm giúp việc được 1 năm, họ phải báo trước cho em bao nhiêu ngày?",
            "Người sử dụng lao động phải báo trước cho bạn ít nhất 15 ngày",
        ),
        (
            "cty muon cho em nghi, em lam hd 2 nam, cty phai bao truoc bao lau",
            "Người sử dụng lao động phải báo trước cho bạn ít nhất 30 ngày",
        ),
    ],
)
def test_cho_em_nghi_is_the_employer_letting_her_go(question: str, first_line: str) -> None:
    assert reply(question).direct_answer.startswith(first_line)


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        # the deduction is not the wage
        (
            "cty tru luong e 2tr vi lam hong may, luong e 7tr. cty duoc tru toi da bao nhieu 1 thang",
            "Mỗi tháng công ty được khấu trừ lương của bạn tối đa 2.100.000 đồng (30%).",
        ),
        # the rent is not the wage
        (
            "Em ở trọ 1,5 triệu/tháng, đóng bhxh 6 năm, lương bình quân khoảng 7 triệu, nghỉ việc rồi, "
            "rút bhxh 1 lần được bao nhiêu?",
            "Bảo hiểm xã hội một lần của bạn là 84.000.000 đồng.",
        ),
        # insurance benefits are paid on the insured wage, not the take-home pay
        (
            "e thuc nhan 9 trieu nhung cty dong bao hiem tren muc 5 trieu, dong bhtn 3 nam, nghi viec roi, "
            "tctn dc bao nhieu 1 thang",
            "Trợ cấp thất nghiệp của bạn là 3.000.000 đồng/tháng, trong 3 tháng (tổng 9.000.000 đồng).",
        ),
        (
            "lương thực nhận 12 triệu, lương đóng bhxh 9 triệu, em nghỉ ốm 4 ngày được bao nhiêu tiền",
            "Trợ cấp ốm đau cho 4 ngày nghỉ của bạn là 1.125.000 đồng.",
        ),
    ],
)
def test_of_several_amounts_the_one_she_calls_her_wage_is_read(question: str, first_line: str) -> None:
    assert reply(question).direct_answer.splitlines()[0] == first_line


def test_a_worker_who_writes_e_for_herself_is_the_side_that_quits() -> None:
    answer = reply("e lam hd 1 nam o cty, e muon nghi thi phai bao truoc bao lau")
    assert answer.direct_answer.startswith("Bạn phải báo trước ít nhất 30 ngày")
    assert answer.citations[0].article == 35


def test_the_wage_of_the_person_asked_about_is_priced() -> None:
    """ "Em lương 6 triệu, chồng em lương 9 triệu ..., anh ấy được bao nhiêu tiền tăng ca?" was
    priced on the member's 6 million. The amount said to be the husband's is his; the member's own
    question keeps her wage, and a relative named earlier in the story owns no amount."""
    husband = reply(
        "Em lương 6 triệu, chồng em lương 9 triệu làm tăng ca ngày lễ 30/4 8 tiếng, anh ấy được bao "
        "nhiêu tiền tăng ca?"
    )
    assert "Tiền lương tháng theo công việc (không kể làm thêm, thưởng): 9 triệu" in husband.direct_answer
    own = reply(
        "Chồng em lương 9 triệu, em lương 6 triệu, em tăng ca ngày lễ 8 tiếng thì được bao nhiêu tiền?"
    )
    assert "(không kể làm thêm, thưởng): 6 triệu" in own.direct_answer
    story = reply(
        "vo em moi di lam lai o xuong may em lam co khi luong 8tr tang ca ngay le 8 tieng duoc bao nhieu tien"
    )
    assert "(không kể làm thêm, thưởng): 8 triệu" in story.direct_answer


def test_unpaid_leave_counts_one_month_a_year_towards_annual_leave() -> None:
    """11 years with 2 years of unpaid leave were priced as 11 years (14 days). Of unpaid leave only
    one month a year counts (khoản 4 Điều 65 Nghị định 145/2020): 9 years 2 months, 13 days."""
    answer = reply(
        "Em làm ở cty được 11 năm, trong đó có 2 năm nghỉ không lương đi chăm mẹ ốm. Năm nay em được mấy "
        "ngày phép năm?"
    )
    first = answer.direct_answer.splitlines()[0]
    assert first == "Bạn được nghỉ hằng năm 13 ngày làm việc, hưởng nguyên lương."
    assert "9 năm 2 tháng" in answer.direct_answer
    assert any(c.law_id == "145/2020/NĐ-CP" and c.article == 65 and c.clause == 4 for c in answer.citations)
    plain = reply("Em làm ở cty được 11 năm. Năm nay em được mấy ngày phép năm?")
    assert plain.direct_answer.splitlines()[0].startswith("Bạn được nghỉ hằng năm 14 ngày")


def test_two_employers_years_are_asked_for_not_guessed() -> None:
    """ "làm cty A 3 năm rồi chuyển sang cty B làm 2 năm ..., cty B trả trợ cấp thôi việc bao nhiêu"
    was priced on company A's 3 years. Severance is each employer's for its own years: the
    calculator asks for them."""
    answer = reply(
        "Em làm cty A 3 năm rồi chuyển sang cty B làm 2 năm, lương cty B 8 triệu, cty B không đóng bhtn. "
        "Giờ em nghỉ ở cty B thì cty B trả trợ cấp thôi việc cho em bao nhiêu?"
    )
    assert answer.missing == ("thoi_gian_lam_viec",) and "12.000.000" not in answer.direct_answer
    one = reply(
        "Em làm cty 3 năm, lương 8 triệu, cty không đóng bhtn. Giờ em nghỉ thì được trợ cấp thôi việc "
        "bao nhiêu?"
    )
    assert one.direct_answer.splitlines()[0] == "Trợ cấp thôi việc của bạn là 12.000.000 đồng."


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        # Other people's figures beside hers: the calculator reads the clauses of the person asked about.
        (  # the husband's years and wage are his
            "Chồng em làm cty gỗ 10 năm lương 12 triệu, còn em làm cty may được 3 năm lương 7 triệu, cty "
            "em không đóng bhtn. Em nghỉ việc thì em được trợ cấp thôi việc bao nhiêu?",
            "Trợ cấp thôi việc của bạn là 10.500.000 đồng.",
        ),
        (  # the wife's contributions are hers
            "Vợ em đóng bhtn 2 năm lương 6 triệu, còn em đóng bhtn 7 năm lương 11 triệu ở Hà Nội. Em vừa "
            "bị cty cho nghỉ, em được hưởng thất nghiệp bao nhiêu tiền?",
            "Trợ cấp thất nghiệp của bạn là 6.600.000 đồng/tháng, trong 7 tháng (tổng 46.200.000 đồng).",
        ),
        (  # a friend's probation is the friend's
            "Bạn em là kỹ sư thử việc 2 tháng lương 15 triệu, còn em là công nhân đứng máy lương 6 triệu. "
            "Em thì được thử việc mấy ngày, được trả bao nhiêu?",
            "Lương thử việc ít nhất là 5.100.000 đồng (85% mức lương của công việc); thời gian thử việc "
            "tối đa là 6 ngày làm việc (công việc khác).",
        ),
        (  # a child's age is not the member's: no minor's 14 days
            "Con em 16 tuổi đang đi học, còn em làm cty 3 năm, công việc văn phòng bình thường. Năm nay em "
            "được bao nhiêu ngày phép năm?",
            "Bạn được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương.",
        ),
        (  # the father's 22 years are his
            "Bố em làm ở cty này 22 năm rồi, em mới vào làm cùng cty được 2 năm. Em được nghỉ phép năm "
            "mấy ngày ạ?",
            "Bạn được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương.",
        ),
        (  # the husband's 30 years and sex are his
            "Chồng em đóng bhxh 30 năm, còn em là nữ đóng được 17 năm. Lương hưu của em được bao nhiêu "
            "phần trăm?",
            "Lương hưu của bạn bằng 49% mức bình quân tiền lương đóng bảo hiểm xã hội.",
        ),
        # What the member wrote: a day's wage, an advance, a headcount, twins, a figure taken back ...
        (  # a day's wage is not a month's: 300 nghìn ÷ 8 giờ × 150% × 2 giờ
            "e lam phu ho, luong ngay 300 nghin, moi ngay 8 tieng. hom qua ngay thuong e lam them 2 tieng "
            "thi chu phai tra them bao nhieu tien?",
            "Tiền lương làm thêm 2 giờ vào ngày thường của bạn ít nhất bằng 150% lương giờ, tức ít nhất "
            "112.500 đồng.",
        ),
        (  # 5 untaken days at 350 nghìn a day
            "e nghi viec, con 5 ngay phep chua nghi, luong ngay 350 nghin, 26 cong/thang. cty phai tra e bao "
            "nhieu tien phep?",
            "Tiền lương cho 5 ngày phép chưa nghỉ khi thôi việc là 1.750.000 đồng.",
        ),
        (  # the advance already paid is not the wage
            "Em bị tạm đình chỉ công việc 15 ngày, cty đã tạm ứng cho em 2 triệu. Lương trước khi bị đình "
            "chỉ của em là 10 triệu. Đúng ra em được tạm ứng bao nhiêu?",
            "Trong thời gian bị tạm đình chỉ, bạn được tạm ứng 5.000.000 đồng/tháng (50% lương).",
        ),
        (  # the fund is the headcount times each worker's wage
            "Cty em có 50 công nhân, lương đóng bhxh bình quân mỗi người 8 triệu. Vậy mỗi tháng cty phải "
            "đóng kinh phí công đoàn bao nhiêu?",
            "Kinh phí công đoàn người sử dụng lao động phải đóng là 8.000.000 đồng/tháng (2% quỹ tiền lương "
            "đóng bảo hiểm xã hội).",
        ),
        (  # the 30% cap is on the wage after insurance
            "Lương em 8 triệu, trừ bhxh bhyt bhtn 10,5% thì thực nhận còn 7,16 triệu. Em làm vỡ màn hình "
            "máy, cty khấu trừ lương mỗi tháng, vậy tối đa 1 tháng cty được trừ bao nhiêu?",
            "Mỗi tháng công ty được khấu trừ lương của bạn tối đa 2.148.000 đồng (30%).",
        ),
        (  # twins written "hai bé": 7 months and two one-off allowances
            "Em vừa sinh một lúc hai bé trai hôm 5/11, lương đóng bhxh 8 triệu. Em được nghỉ mấy tháng, tổng "
            "tiền thai sản bao nhiêu?",
            "Bạn được nghỉ thai sản 7 tháng, trợ cấp thai sản 56.000.000 đồng và trợ cấp một lần khi sinh "
            "con 9.360.000 đồng (2 lần mức tham chiếu 2.340.000 đồng mỗi con; tổng 65.360.000 đồng).",
        ),
        (  # twins by caesarean for the father: 14 days
            "vo e sinh mo 2 be song sinh, e dong bhxh luong 12tr, e dc nghi bao nhieu ngay, dc bn tien?",
            "Bạn được nghỉ hưởng chế độ thai sản 14 ngày làm việc khi vợ sinh con (sinh đôi, phải phẫu thuật "
            "hoặc sinh dưới 32 tuần), trợ cấp thai sản 7.000.000 đồng.",  # 12 triệu ÷ 24 × 14 (Điều 59)
        ),
        (  # the years the member takes back are not hers
            "Dạ em hỏi lại câu hôm qua, hôm qua em nói nhầm là 5 năm, thực ra em chỉ làm ở cty 2 năm 3 tháng "
            "thôi, lương vẫn 8 triệu, cty không đóng bhtn. Vậy trợ cấp thôi việc của em là bao nhiêu?",
            "Trợ cấp thôi việc của bạn là 10.000.000 đồng.",
        ),
        (  # the probation is inside the stated total
            "Em thử việc 2 tháng rồi ký hợp đồng, tính cả thử việc thì em làm ở cty tổng 3 năm 2 tháng, cty "
            "đóng bhtn cho em 3 năm, lương 7 triệu. Em nghỉ việc được trợ cấp thôi việc bao nhiêu?",
            "Trợ cấp thôi việc của bạn là 1.750.000 đồng.",
        ),
        (  # a department's manager is not the enterprise's: 60 days with a degree
            "Em được tuyển làm quản lý bộ phận kho (tốt nghiệp đại học), lương 20 triệu, cty bắt thử việc 4 "
            "tháng. Em thử việc tối đa mấy ngày và lương thử việc ít nhất bao nhiêu?",
            "Lương thử việc ít nhất là 17.000.000 đồng (85% mức lương của công việc); thời gian thử việc "
            "tối đa là 60 ngày (công việc cần trình độ từ cao đẳng trở lên).",
        ),
        (  # "bảy triệu tư" is 7,4 million
            "Em làm cty 5 năm, lương bảy triệu tư, cty không đóng bhtn. Em nghỉ việc được trợ cấp thôi việc "
            "bao nhiêu?",
            "Trợ cấp thôi việc của bạn là 18.500.000 đồng.",
        ),
        (  # "ko dong bhtn" after the years is no unemployment insurance, not 54 months of it
            "e lam o cty 4 nam ruoi, luong tam trieu ruoi, ca 4 nam ruoi cty ko dong bhtn cho e. nay het hd "
            "e ko ky tiep, e dc tro cap thoi viec bn?",
            "Trợ cấp thôi việc của bạn là 19.125.000 đồng.",
        ),
        (  # the member's boss imposing a probation is not the member's job
            "e lam phuc vu nha hang, luong chinh thuc 8 trieu, quan ly bat thu viec 10 ngay. e dc thu viec "
            "toi da bao nhieu ngay?",
            "Lương thử việc ít nhất là 6.800.000 đồng (85% mức lương của công việc); thời gian thử việc tối "
            "đa là 6 ngày làm việc (công việc khác).",
        ),
        (  # a day the member takes back
            "À em nhắn nhầm, hôm qua không phải em tăng ca chủ nhật mà là tăng ca ngày thường 10 tiếng, "
            "lương 8 triệu, 26 công 8 tiếng. Vậy em được bao nhiêu tiền tăng ca?",
            "Tiền lương làm thêm 10 giờ vào ngày thường của bạn ít nhất bằng 150% lương giờ, tức ít nhất "
            "576.923 đồng.",
        ),
        # Plain questions in other words than a topic's, which went to the rule with every input given.
        (  # a holiday worked, said without "tăng ca"
            "e luong 7tr8, 26 cong, 8 tieng/ngay. hom 30/4 vua roi e di lam 8 tieng, cty phai tra e bn tien "
            "cho 8 tieng do?",
            "Tiền lương làm thêm 8 giờ vào ngày nghỉ lễ, tết, ngày nghỉ có hưởng lương của bạn ít nhất bằng "
            "300% lương giờ, tức ít nhất 900.000 đồng.",
        ),
        (  # a child's illness named, not "ốm"
            "con e 3 tuoi bi sot xuat huyet, e nghi cham con 4 ngay, luong dong bhxh 9tr, bhxh tra e bn?",
            "Trợ cấp ốm đau cho 4 ngày nghỉ của bạn là 1.125.000 đồng.",
        ),
        (  # ... and "nghỉ ở nhà chăm bé"
            "con e 4 tuoi bi viem hong, e nghi o nha cham be 3 ngay, luong dong bhxh 8tr. e dc bhxh tra bn?",
            "Trợ cấp ốm đau cho 3 ngày nghỉ của bạn là 750.000 đồng.",
        ),
        (  # the weekly rest day worked at the employer's call, without "tăng ca"
            "Lương em 7,8 triệu, 26 công, 8 tiếng/ngày. Chủ nhật tuần trước sếp gọi em đi làm 4 tiếng, em "
            "được bao nhiêu tiền?",
            "Tiền lương làm thêm 4 giờ vào ngày nghỉ hằng tuần của bạn ít nhất bằng 200% lương giờ, tức ít "
            "nhất 300.000 đồng.",
        ),
        (  # the father, named again without "em" in the question, was priced on the member's birth
            "em sinh 1995, bố em sinh tháng 3/1966, làm bảo vệ. Em hỏi giùm bố khi nào bố đủ tuổi nghỉ hưu?",
            "Bố bạn đủ tuổi nghỉ hưu 61 tuổi 9 tháng vào tháng 12/2027; thời điểm hưởng lương hưu từ tháng "
            "1/2028.",
        ),
        (  # she gives the notice, the subject of "muốn nghỉ" left out: not the employer's notice to her
            "hđ của e 10 tháng, làm được 2 tháng thấy ko hợp nên muốn nghỉ, e phải báo trước cty mấy ngày?",
            "Bạn phải báo trước ít nhất 3 ngày làm việc (hợp đồng xác định thời hạn dưới 12 tháng).",
        ),
        (  # a count of night shifts: the month's hours, not one shift's
            "Tháng rồi em làm 10 ca đêm từ 22h đến 6h, ca chính không phải tăng ca, lương 7,8 triệu, 26 "
            "công, 8 tiếng/ngày. Tiền làm đêm cả tháng em được thêm bao nhiêu?",
            "Làm 80 giờ ban đêm trong giờ làm việc bình thường, bạn được trả thêm ít nhất 900.000 đồng (30% "
            "lương giờ), tổng cộng 3.900.000 đồng.",
        ),
        (  # a wage allowance is part of the wage severance is paid on (khoản 1 Điều 90)
            "Em làm 4 năm, lương cơ bản 7 triệu, phụ cấp trách nhiệm 1 triệu, cty không đóng bhtn. Em nghỉ "
            "việc đúng luật được trợ cấp thôi việc bao nhiêu?",
            "Trợ cấp thôi việc của bạn là 16.000.000 đồng.",
        ),
        (  # unpaid leave inside the years is not time worked (điểm a khoản 3 Điều 8 NĐ 145)
            "e lam cty 5 nam, trong do co 6 thang nghi khong luong, cty ko dong bhtn, luong 10tr. nghi viec "
            "thi tro cap thoi viec bn?",
            "Trợ cấp thôi việc của bạn là 22.500.000 đồng.",
        ),
        (  # leaving mid-year with days already taken: the days left, priced
            "Em làm cty 2 năm, năm nay làm được 4 tháng thì nghỉ việc, đã nghỉ phép 1 ngày. Lương 7,8 triệu, "
            "26 công. Cty phải thanh toán tiền phép chưa nghỉ bao nhiêu?",
            "Tiền lương cho 3 ngày phép chưa nghỉ khi thôi việc là 900.000 đồng. Bạn được nghỉ hằng năm 4 "
            "ngày làm việc, hưởng nguyên lương.",
        ),
        # From the held-out round 5.
        (  # a condition denied is not the condition (she was told she retired three years ago)
            "Em làm may bình thường, không phải công việc nặng nhọc, nữ, sinh tháng 4/1973. Khi nào em đủ "
            "tuổi nghỉ hưu?",
            "Bạn đủ tuổi nghỉ hưu 58 tuổi 8 tháng vào tháng 12/2031; thời điểm hưởng lương hưu từ tháng "
            "1/2032.",
        ),
        (  # the worker's own fault: 40% of the compensation, as an allowance (khoản 5 Điều 38 ATVSLĐ)
            "em bi tai nan lao dong do e so y ko deo kinh bao ho, giam dinh suy giam 20%, luong 9tr. cty "
            "phai tra em bao nhieu?",
            "Công ty phải trợ cấp cho bạn ít nhất 19.800.000 đồng.",
        ),
        (  # a ward typed without diacritics gives the region, hence the cap (5 × 5.310.000)
            "e lam o phuong Cau Giay, Ha Noi, luong dong bhtn 50 trieu, dong bhtn 5 nam, bi cty cho nghi vi "
            "cat giam. tctn moi thang bn?",
            "Trợ cấp thất nghiệp của bạn là 26.550.000 đồng/tháng, trong 5 tháng (tổng 132.750.000 đồng).",
        ),
        (  # the insured years said before the duration, out of the 20 characters read
            "e lam cty 5 nam, luong 10 trieu. bhtn thi cty chi dong cho e 3 nam cuoi thoi. nghi viec dung "
            "luat thi tro cap thoi viec bn?",
            "Trợ cấp thôi việc của bạn là 10.000.000 đồng.",
        ),
        (  # "báo trước đầy đủ" read as "trước đây" (formerly): a question about the old law
            "Em nghỉ việc đúng luật, báo trước đầy đủ, đóng bhtn 3 năm, lương đóng bhtn 8 triệu. Em được "
            "hưởng tctn bao nhiêu một tháng?",
            "Trợ cấp thất nghiệp của bạn là 4.800.000 đồng/tháng, trong 3 tháng (tổng 14.400.000 đồng).",
        ),
        (  # "từ đầu năm 2017 đến hết năm 2023" is a span of contributions, not an event of 2017
            "Em đóng bhxh từ đầu năm 2017 đến hết năm 2023 là 7 năm, nghỉ từ đó đến nay không đóng nữa, "
            "lương bình quân 8 triệu. Rút bhxh 1 lần được bao nhiêu?",
            "Bảo hiểm xã hội một lần của bạn là 112.000.000 đồng.",
        ),
        (  # a span of months read on each side of 2014, and a wage corrected at once ("à ko")
            "e dong bhxh tu thang 3/2011 den thang 2/2021 roi nghi han, luong binh quan 8 trieu, a ko, 7 "
            "trieu. rut bhxh 1 lan dc bn?",
            "Bảo hiểm xã hội một lần của bạn là 133.000.000 đồng.",
        ),
        (  # "lương thử việc ít nhất bao nhiêu" asks an amount
            "Em được nhận làm kế toán (yêu cầu cao đẳng), lương chính thức 10 triệu. Thử việc tối đa bao "
            "lâu, lương thử việc ít nhất bao nhiêu?",
            "Lương thử việc ít nhất là 8.500.000 đồng (85% mức lương của công việc); thời gian thử việc tối "
            "đa là 60 ngày (công việc cần trình độ từ cao đẳng trở lên).",
        ),
        (  # a holiday worked: "em vẫn đi làm"
            "Mùng 1 Tết em vẫn đi làm 8 tiếng, lương 7,8 triệu, 26 công. Cty phải trả em ít nhất bao nhiêu "
            "cho 8 tiếng đó?",
            "Tiền lương làm thêm 8 giờ vào ngày nghỉ lễ, tết, ngày nghỉ có hưởng lương của bạn ít nhất bằng "
            "300% lương giờ, tức ít nhất 900.000 đồng.",
        ),
        (  # the six months in parts: their average, (3 × 6 + 3 × 8) ÷ 6
            "Em đóng bhtn 4 năm, 6 tháng cuối thì 3 tháng đầu lương đóng bhtn 6 triệu, 3 tháng sau 8 triệu. "
            "Em bị cho nghỉ, tctn mỗi tháng bao nhiêu?",
            "Trợ cấp thất nghiệp của bạn là 4.200.000 đồng/tháng, trong 4 tháng (tổng 16.800.000 đồng).",
        ),
        # From the held-out round 6.
        (  # the insured years stated beside "mấy năm đầu chưa đóng BHTN", which set them to 0
            "Em làm cty từ tháng 1/2014, tính ra 12 năm. Mấy năm đầu cty chưa đóng bhtn, thời gian có đóng "
            "bhtn là 10 năm. Em nghỉ việc đúng luật, lương bình quân 10 triệu. Trợ cấp thôi việc bao nhiêu?",
            "Trợ cấp thôi việc của bạn là 10.000.000 đồng.",
        ),
        (  # "đóng bhxh bhtn đầy đủ từ ngày đầu": all the years insured (the 2-month floor, Điều 47)
            "Em làm cty 6 năm, cty đóng bhxh bhtn đầy đủ từ ngày đầu. Cty cắt giảm vì lý do kinh tế cho em "
            "nghỉ, lương bq 8 triệu. Trợ cấp mất việc làm của em bao nhiêu?",
            "Trợ cấp mất việc làm của bạn là 16.000.000 đồng.",
        ),
        (  # the weekly rest day as the schedule, overtime on a weekday; "tháng làm 26 ngày"
            "luong e 7tr8, thang lam 26 ngay, moi ngay 8 tieng, nghi chu nhat. tuan nay e tang ca vao ngay "
            "thuong 4 tieng. tien tang ca bn?",
            "Tiền lương làm thêm 4 giờ vào ngày thường của bạn ít nhất bằng 150% lương giờ, tức ít nhất "
            "225.000 đồng.",
        ),
        (  # a woman who calls herself "Cô"
            "Cô sinh tháng 5 năm 1974, làm văn thư ở trường học, công việc bình thường. Khi nào cô đủ tuổi "
            "nghỉ hưu?",
            "Bạn đủ tuổi nghỉ hưu 59 tuổi 4 tháng vào tháng 9/2033; thời điểm hưởng lương hưu từ tháng "
            "10/2033.",
        ),
        (  # "sinh thường, không phải mổ": 5 days, and his pay for them (his wage, not hers)
            "Vợ em sinh thường, không phải mổ, vợ em đóng bhxh lương 7 triệu. Em đóng bhxh lương 9,6 triệu. "
            "Em được nghỉ mấy ngày, bao nhiêu tiền?",
            "Bạn được nghỉ hưởng chế độ thai sản 5 ngày làm việc khi vợ sinh con (sinh một con), trợ cấp "
            "thai sản 2.000.000 đồng.",
        ),
        (  # sessions of two and a half hours
            "Lương em 7tr8, 26 công, 8 tiếng/ngày. Tuần rồi em tăng ca 4 buổi tối ngày thường, mỗi buổi 2 "
            "tiếng rưỡi. Tiền tăng ca tuần rồi bao nhiêu?",
            "Tiền lương làm thêm 10 giờ vào ngày thường của bạn ít nhất bằng 150% lương giờ, tức ít nhất "
            "562.500 đồng.",
        ),
        (  # a shift "ca 20h đến 4h" (6 night hours), 12 of them; "20h" is a clock, not 20 hours
            "Em làm ca 20h đến 4h sáng, ca chính không phải tăng ca, lương 8tr32, 26 công. Tháng này em làm "
            "12 ca như vậy, tiền làm đêm được thêm bao nhiêu?",
            "Làm 72 giờ ban đêm trong giờ làm việc bình thường, bạn được trả thêm ít nhất 864.000 đồng (30% "
            "lương giờ), tổng cộng 3.744.000 đồng.",
        ),
        (  # the months of a span of contributions
            "Em đóng bhtn từ tháng 1/2020 đến hết tháng 12/2025 thì hết hđ, lương đóng bhtn 9 triệu. Em "
            "được hưởng tctn mấy tháng, mỗi tháng bao nhiêu?",
            "Trợ cấp thất nghiệp của bạn là 5.400.000 đồng/tháng, trong 6 tháng (tổng 32.400.000 đồng).",
        ),
        (  # "Chồng em" says she is a woman, and "Nam Định" is a place, not "nam" (male)
            "Chồng em sinh tháng 6/1965 làm thợ mộc. Còn em sinh tháng 2/1971, làm công nhân dệt bình "
            "thường ở Nam Định. Em bao giờ thì đủ tuổi nghỉ hưu?",
            "Bạn đủ tuổi nghỉ hưu 57 tuổi 8 tháng vào tháng 10/2028; thời điểm hưởng lương hưu từ tháng "
            "11/2028.",  # Phụ lục I Nghị định 135/2020, women born 2/1971 (a man: 62 years, 2/2033)
        ),
        (  # her days of care, not her husband's told just before ("năm nay chồng e đã nghỉ ...")
            "Con e 3 tuổi, năm nay chồng e đã nghỉ chăm con 10 ngày rồi, lương anh ấy 12tr. Lần này con sốt, "
            "e nghỉ chăm 4 ngày, lương đóng bhxh của e 7tr2. E được bhxh trả bao nhiêu?",
            "Trợ cấp ốm đau cho 4 ngày nghỉ của bạn là 900.000 đồng.",
        ),
        (  # the employer's act ("cty cho em nghỉ ngang"), not the member quitting without notice
            "cty cho em nghỉ ngang không báo trước, không lý do, bên phòng lao động nói là cty chấm dứt trái "
            "luật. lương hđ của em 9tr. em muốn quay lại làm, cty phải trả em ít nhất bao nhiêu?",
            "Ngoài tiền lương những ngày không được làm việc, công ty phải trả thêm bạn ít nhất 18.000.000 "
            "đồng.",
        ),
        (  # a workmate's wage named before hers
            "Quản lý của em lương 20 triệu, còn em lương 7 triệu, cả hai bị tạm đình chỉ để điều tra. Trong "
            "thời gian đó em được tạm ứng bao nhiêu?",
            "Trong thời gian bị tạm đình chỉ, bạn được tạm ứng 3.500.000 đồng/tháng (50% lương).",
        ),
        (  # overtime in sessions: 10 of 3 hours
            "e tang ca ngay thuong, moi lan 3 tieng, thang nay tang 10 lan. luong 7tr8, 26 cong, 8 "
            "tieng/ngay. tien tang ca thang nay bn?",
            "Tiền lương làm thêm 30 giờ vào ngày thường của bạn ít nhất bằng 150% lương giờ, tức ít nhất "
            "1.687.500 đồng.",
        ),
    ],
)
def test_the_members_figures_are_read_as_she_wrote_them(question: str, first_line: str) -> None:
    """Each of these, in members' words (other people's figures beside hers, numbers in words,
    daily wages, figures taken back, twins, another's title), got another figure before."""
    assert reply(question).direct_answer.splitlines()[0] == first_line


def test_half_in_words_and_working_days_in_cong() -> None:
    """ "tám triệu rưỡi" was read as 8 million and "26 công" (working days) was asked for again."""
    answer = reply(
        "Lương em tám triệu rưỡi, tuần làm 6 ngày, mỗi ngày 8 tiếng, 26 công. Chủ nhật tuần rồi em tăng "
        "ca ban ngày 4 tiếng, em được bao nhiêu tiền tăng ca?"
    )
    assert answer.missing == ()
    assert answer.direct_answer.splitlines()[0].endswith("tức ít nhất 326.923 đồng.")
    probation = reply(
        "Cty nhận em làm kế toán, em tốt nghiệp cao đẳng, lương chính thức mười hai triệu rưỡi, thử việc "
        "2 tháng. Lương thử việc của em ít nhất được bao nhiêu?"
    )
    assert "10.625.000 đồng" in probation.direct_answer.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        # quit without notice: no severance (khoản 1 Điều 40), no unemployment benefit (điểm a
        # khoản 1 Điều 38 Luật Việc làm 2025), and it is the member who owes (khoản 2 Điều 40)
        "e lam cty 5 nam, luong 9tr, cty chua dong bhtn ngay nao. thang truoc e nghi ngang ko bao truoc vi "
        "nha co viec gap. vay e dc tro cap thoi viec bao nhieu?",
        "Em tự nghỉ ngang không báo trước, hợp đồng không thời hạn, đóng bhtn 4 năm, lương 8 triệu. Em có "
        "được hưởng thất nghiệp không, nếu được thì bao nhiêu tiền một tháng?",
        "e tu nghi ngang ko bao truoc, hd 2 nam, luong 8tr. cty bao e cham dut hd trai luat phai boi "
        "thuong. vay e phai boi thuong cho cty bao nhieu?",
        # no notice period: past retirement age, pregnant on a doctor's advice (khoản 2 Điều 35), a
        # contract that expires (khoản 1 Điều 45)
        "Mẹ em 61 tuổi rồi, vẫn làm tạp vụ ở cty, hợp đồng không xác định thời hạn. Giờ mẹ em muốn nghỉ ở "
        "nhà thì phải báo trước cho cty bao nhiêu ngày?",
        "e dang mang thai 5 thang, bac si bao phai nghi de giu thai, hd cua e 2 nam. e muon nghi viec thi "
        "phai bao truoc cty may ngay?",
        "Cty báo hợp đồng 1 năm của em hết hạn ngày 31/12 và không ký tiếp nữa. Vậy cty phải báo trước cho "
        "em bao nhiêu ngày?",
        # two clock spans, one of them at night: which hours are asked is not for a reader to guess
        "e lam ca chinh 8h-17h, xong tang ca tu 17h den 19h, nghi 3 tieng roi tang ca dem tu 22h den 2h "
        "sang, ngay thuong. luong 8tr, 26 cong, 8 tieng/ngay. tien 4 tieng tang ca dem do e dc bn?",
        "Em mới đóng bhxh được 4 tháng thì sinh con, lương đóng bhxh 7 triệu. Em được nhận tiền thai sản bao "
        "nhiêu?",  # khoản 2 Điều 50: 6 months of contributions
        "Con em 9 tuổi bị ốm sốt xuất huyết nằm viện, em nghỉ 5 ngày chăm con, lương đóng bhxh 7 triệu. Em "
        "được bảo hiểm trả bao nhiêu?",  # điểm e khoản 1 Điều 42: a child under 7
        "Em đóng bhxh được 21 năm, lương bình quân 10 triệu, em 48 tuổi nghỉ việc hơn 1 năm rồi. Em muốn rút "
        "bhxh 1 lần thì được bao nhiêu tiền?",  # Điều 70: under 20 years
        "Em bị tai nạn giao thông trên đường đi làm về do xe khác đâm, được công nhận là tai nạn lao động, "
        "giám định suy giảm 30%, lương 9 triệu. Cty phải bồi thường cho em bao nhiêu?",  # khoản 2 Điều 39
        "Cty em phá sản đóng cửa hẳn, em làm được 3 năm, lương 6,5 triệu, cty chưa đóng bhtn ngày nào. Em "
        "được trợ cấp mất việc làm bao nhiêu?",  # severance, not job-loss allowance
        "Em ký hđ thời vụ 20 ngày làm bốc xếp, lương 6 triệu/tháng, cty bắt thử việc 6 ngày trả 70%. Vậy "
        "lương thử việc của em được bao nhiêu mới đúng?",  # khoản 3 Điều 24: no probation
        "vo e sinh be trai hom 20/10, vo e dong bhxh luong 8tr, vay vo e dc huong thai san bn tien a?",
        # only damage to the employer's property may be deducted (khoản 1 Điều 102)
        "Cty trừ lương em 2% gọi là kinh phí công đoàn, lương em 8 triệu. Mỗi tháng em bị trừ bao nhiêu?",
        "Em đi trễ 3 lần bị cty trừ lương, lương em 8 triệu. Cty được trừ tối đa bao nhiêu một tháng?",
        # a pension already decided: no severance (khoản 1 Điều 46)
        "Bố em làm cty 8 năm, đã có quyết định hưởng lương hưu từ tháng sau, lương 9 triệu. Cty phải trả bố "
        "em trợ cấp thôi việc bao nhiêu?",
        # dismissed, or the contract expired: no job-loss allowance (Điều 47)
        "Em bị cty sa thải vì nghỉ không phép 5 ngày, em làm 4 năm lương 8 triệu. Em được trợ cấp mất việc "
        "làm bao nhiêu?",
        "Hợp đồng 1 năm của em hết hạn, cty không ký tiếp, lương 8 triệu. Em được trợ cấp mất việc bao "
        "nhiêu?",
        # a probation ended: no compensation (khoản 2 Điều 27)
        "Em đang thử việc thì cty báo cho nghỉ luôn không báo trước, lương 10 triệu. Cty chấm dứt trái luật "
        "thì phải trả em bao nhiêu?",
        # a tax question about overtime pay
        "Tháng này em tăng ca 30 tiếng, lương 12 triệu. Tiền tăng ca được miễn thuế bao nhiêu?",
        # a work accident's treatment is not sickness benefit (điểm c khoản 2 Điều 42 Luật BHXH 2024)
        "Em bị tai nạn lao động gãy tay, nghỉ điều trị 20 ngày, lương đóng bhxh 7 triệu. Em được hưởng ốm "
        "đau bao nhiêu?",
        # already on benefit: what happens to the rest is Điều 41 Luật Việc làm 2025's
        "e dang huong tctn, dc duyet 6 thang, moi thang 4tr5. neu e di lam lai thi may thang con lai e co "
        "dc nhan 1 lan ko?",
        # an enterprise's manager and special occupations have their own notice (Điều 7 NĐ 145)
        "Em là phó giám đốc cty, hđ không xác định thời hạn. Em muốn nghỉ việc thì phải báo trước bao nhiêu "
        "ngày?",
        # what a worker who gave too little notice owes (khoản 2 Điều 40)
        "Em làm hđ không xác định thời hạn, chỉ báo trước 20 ngày rồi nghỉ, lương 9 triệu. Em phải bồi "
        "thường cty bao nhiêu tiền?",
        # first insured after 1/7/2025: no lump sum on leaving (điểm đ khoản 1 Điều 70)
        "Em đi làm lần đầu từ tháng 9/2025, đóng bhxh được 13 tháng thì nghỉ, lương 7 triệu. Em rút bhxh 1 "
        "lần được bao nhiêu?",
        # a shift with no hour at night (Điều 106: from 22h)
        "Ca của em cố định từ 13h đến 21h, không phải tăng ca, lương 8 triệu, 26 công. Mỗi ca em được cộng "
        "bao nhiêu tiền làm đêm?",
        # an employer ending a contract for a long illness gives 3 working days (điểm c khoản 2 Điều 36)
        "Em điều trị bệnh liên tục hơn 12 tháng chưa khỏi, hđ không xác định thời hạn, cty muốn chấm dứt "
        "hợp đồng. Cty phải báo trước em bao nhiêu ngày?",
        # a member still working is not paid the lump sum (khoản 1 Điều 70)
        "e van dang lam o cty, dong bhxh dc 6 nam, luong binh quan 8tr. e muon rut bhxh 1 lan thi dc bao "
        "nhieu?",
        # money lost, not property damaged: khoản 1 Điều 102 allows a deduction for damage only
        "Em làm thu ngân, để thất thoát 5 triệu, cty trừ dần vào lương. Lương em 8 triệu, sau khi trừ bhxh, "
        "bhtn còn 7,2 triệu. Mỗi tháng cty được trừ tối đa bao nhiêu?",
        # still working for another employer: no benefit (điểm d khoản 1 Điều 38 Luật Việc làm 2025)
        # quit without notice, the subject left out ("bị sếp mắng nên nghỉ ngang luôn")
        "e lam cty 4 nam, luong 7tr, hd ko thoi han. tuan truoc cai nhau voi sep nen nghi ngang luon. e dc "
        "tro cap thoi viec bn?",
        # cleared after a suspension: the full wage is owed (khoản 4 Điều 128), not the 50% advance
        "Em bị tạm đình chỉ 15 ngày, lương 8 triệu, giờ cty kết luận em không vi phạm. Cty phải trả thêm em "
        "bao nhiêu?",
        # stopped being insured 3 months ago: the lump sum waits 12 (điểm đ khoản 1 Điều 70)
        "Em đóng bhxh từ tháng 8/2019 đến tháng 9/2026 thì nghỉ việc, giờ ở nhà, lương bình quân 8 triệu. "
        "Em rút bhxh 1 lần ngay được bao nhiêu?",
        # the union fee taken from the member's wage: the employer's to pay (điểm b khoản 1 Điều 29)
        "cty tru vao luong e 2% kinh phi cong doan, luong e 9tr. vay moi thang cty tru e bn la dung?",
        "Sáng em làm cty may, tối làm thêm cho cty điện tử. Cty may cắt giảm cho em nghỉ, đóng bhtn 2 năm "
        "lương 7 triệu, còn cty điện tử thì em vẫn làm. Em được hưởng thất nghiệp bao nhiêu một tháng?",
    ],
)
def test_cases_the_law_decides_otherwise_are_not_priced(question: str) -> None:
    """Each of these got a confident figure the law does not give (or asks about another matter);
    they go to the rule."""
    assert answer_calculation(question, []) is None, question


@pytest.mark.parametrize(
    "question",
    [
        # a wage range: which month's is not for the reader to guess (it asks)
        "luong e tu 6 den 8 trieu tuy thang, dong bhtn dc 2 nam, gio nghi viec roi thi tctn moi thang e dc "
        "bn tien?",
        # amounts in turn
        "Em đóng bhtn 3 năm, lương đóng bhtn lúc 6 triệu lúc 8 triệu tùy tháng. Em nghỉ việc, tctn mỗi "
        "tháng bao nhiêu?",
    ],
)
def test_a_wage_range_is_asked_for(question: str) -> None:
    answer = reply(question)
    assert answer.missing == ("luong_binh_quan",) and "đồng/tháng" not in answer.direct_answer


def test_a_department_closed_in_a_restructuring_is_still_job_loss() -> None:
    """A company that closes owes severance, not the job-loss allowance; a department closed in a
    restructuring ("giải thể bộ phận ... do tái cơ cấu") is still the job-loss allowance."""
    answer = reply(
        "Công ty giải thể bộ phận của em do tái cơ cấu, em bị cho thôi việc. Em làm 5 năm, công ty chưa đóng "
        "BHTN ngày nào, lương 8 triệu. Em được trợ cấp mất việc làm bao nhiêu?"
    )
    assert answer.calculator == "tro_cap_mat_viec"
    assert answer.direct_answer.splitlines()[0] == "Trợ cấp mất việc làm của bạn là 40.000.000 đồng."


def test_the_condition_of_a_figure_is_read_right_under_it() -> None:
    """The calculators' notes ("Đây là khoản do doanh nghiệp đóng, không trừ vào lương của bạn",
    "Cần nộp hồ sơ trong 03 tháng ...") were shown only in the calculator tab; in the chat a member
    asking what the union fee costs read only the amount, not that it is never taken from her wage."""
    union = reply("Quỹ lương đóng bhxh của cty em 500 triệu, kinh phí công đoàn cty phải đóng bao nhiêu?")
    assert union.direct_answer.splitlines()[1].startswith("Lưu ý: Đây là khoản do doanh nghiệp đóng")
    benefit = reply(
        "Em đóng bhtn 3 năm, lương 8 triệu, bị cty cho nghỉ. Em được hưởng thất nghiệp bao nhiêu tiền?"
    )
    assert benefit.direct_answer.splitlines()[1].startswith("Lưu ý: Cần nộp hồ sơ trong 03 tháng")


def test_tu_and_lam_alone_are_not_numbers() -> None:
    """Folded, "từ tháng 8" and "làm lần đầu" were read as "4 tháng 8" and "5 lần đầu" ("tư", "lăm"):
    they are numbers only after "mươi" or as a month or weekday."""
    from assistant.calculators.parsing import normalise

    assert normalise("Em đi làm lần đầu từ tháng 8/2025") == "em di lam lan dau tu thang 8/2025"
    assert normalise("hai mươi lăm năm, hai mươi tư tháng") == "25 nam , 24 thang"
    assert normalise("từ tháng tư năm 2024") == "tu thang 4 nam 2024"


def test_a_wage_taken_back_or_by_the_hour_is_not_the_months() -> None:
    """ "không phải 9 triệu như em nói mà là 7 triệu" was priced on 9 million; "28 nghìn một giờ"
    was read as a month's wage of 28.000 đồng and refused as invalid."""
    corrected = reply(
        "Em sửa lại: lương đóng bhxh của em không phải 9 triệu như em nói mà là 7 triệu thôi. Em nghỉ ốm "
        "5 ngày, được hưởng ốm đau bao nhiêu?"
    )
    first = corrected.direct_answer.splitlines()[0]
    assert first == "Trợ cấp ốm đau cho 5 ngày nghỉ của bạn là 1.093.750 đồng."
    hourly = reply("Em làm phục vụ quán, chủ trả 28 nghìn một giờ, thử việc thì được tối đa mấy ngày?")
    assert "không hợp lệ" not in hourly.direct_answer and "28.000" not in hourly.direct_answer


def test_an_allowance_added_to_the_wage_is_said_under_the_figure() -> None:
    """The wage read for severance includes a stated wage allowance; the member, told by the employer
    that only the base counts, reads how the figure's wage was made."""
    answer = reply(
        "Em làm 4 năm, lương cơ bản 7 triệu, phụ cấp trách nhiệm 1 triệu, cty không đóng bhtn. Em nghỉ "
        "việc đúng luật được trợ cấp thôi việc bao nhiêu?"
    )
    assert answer.direct_answer.splitlines()[1] == (
        "Tiền lương tính trợ cấp gồm cả phụ cấp lương: 7.000.000 đồng + 1.000.000 đồng (khoản 1 Điều 90 "
        "Bộ luật Lao động 2019)."
    )
    included = reply(
        "Em làm 4 năm, lương 8 triệu đã gồm phụ cấp trách nhiệm 1 triệu, cty không đóng bhtn. Em nghỉ việc "
        "đúng luật được trợ cấp thôi việc bao nhiêu?"
    )
    assert included.direct_answer.splitlines()[0] == "Trợ cấp thôi việc của bạn là 16.000.000 đồng."


def test_an_ask_reply_lists_only_what_the_member_said() -> None:
    """A request for the wage listed "Thời gian đã tham gia bảo hiểm thất nghiệp tại đơn vị: 0 tháng"
    among the inputs understood, a default the member never stated."""
    answer = reply("em làm ở cty được 3 năm, giờ cty cho nghỉ việc thì em được trợ cấp thôi việc bao nhiêu")
    assert answer.missing == ("luong_binh_quan",)
    understood = answer.direct_answer.splitlines()[1]
    assert understood.startswith("Thông tin đã hiểu") and "3 năm" in understood
    assert "bảo hiểm thất nghiệp" not in understood
