"""Worked examples computed by hand from the law; the arithmetic is written in each test."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.calculators.base import CalculatorInputError
from assistant.calculators.registry import get_calculator


def run(name: str, **inputs: object):
    return get_calculator(name).run(inputs)


class TestSeverance:
    def test_leftover_over_six_months_counts_a_whole_year(self) -> None:
        # 3 năm 8 tháng: 8 > 6 -> 4 năm (điểm c khoản 3 Điều 8 NĐ 145); 4 × 1/2 × 9.000.000
        result = run("tro_cap_thoi_viec", thoi_gian_lam_viec="3 năm 8 tháng", luong_binh_quan="9 triệu")
        assert result.figure("tro_cap").value == 4 * 9_000_000 // 2 == 18_000_000
        assert "18.000.000 đồng" in result.headline

    def test_leftover_up_to_six_months_counts_half_a_year(self) -> None:
        # 5 năm 6 tháng -> 5,5 năm; 5,5 × 1/2 × 6.000.000 = 16.500.000
        result = run("tro_cap_thoi_viec", thoi_gian_lam_viec="5 năm 6 tháng", luong_binh_quan="6tr")
        assert result.figure("tro_cap").value == 16_500_000
        assert "16.500.000 đồng" in result.headline

    def test_time_with_unemployment_insurance_and_time_paid_are_not_counted(self) -> None:
        # 10 năm worked − 6 năm BHTN − 2 năm already paid = 2 năm; 2 × 1/2 × 8.000.000
        result = run(
            "tro_cap_thoi_viec",
            thoi_gian_lam_viec="10 năm",
            luong_binh_quan=8_000_000,
            thoi_gian_bhtn="6 năm",
            thoi_gian_da_tra="2 năm",
        )
        assert result.figure("tro_cap").value == 8_000_000
        assert result.figure("thoi_gian_tinh").text == "2 năm"

    def test_under_twelve_months_gets_nothing(self) -> None:
        result = run("tro_cap_thoi_viec", thoi_gian_lam_viec="11 tháng", luong_binh_quan="9 triệu")
        assert result.figure("tro_cap").value == 0

    def test_all_time_under_unemployment_insurance_gives_zero(self) -> None:
        result = run(
            "tro_cap_thoi_viec",
            thoi_gian_lam_viec="7 năm",
            thoi_gian_bhtn="7 năm",
            luong_binh_quan="10 triệu",
        )
        assert result.figure("tro_cap").value == 0


class TestJobLoss:
    def test_one_month_a_year(self) -> None:
        # 4 năm 2 tháng -> 4,5 năm × 1 tháng × 10.000.000 = 45.000.000
        result = run("tro_cap_mat_viec", thoi_gian_lam_viec="4 năm 2 tháng", luong_binh_quan="10 triệu")
        assert result.figure("tro_cap").value == 45_000_000

    def test_two_month_minimum(self) -> None:
        # 1 năm 5 tháng -> 1,5 năm × 8.000.000 = 12.000.000 < 2 × 8.000.000 = 16.000.000
        result = run("tro_cap_mat_viec", thoi_gian_lam_viec="1 năm 5 tháng", luong_binh_quan="8 triệu")
        assert result.figure("tro_cap").value == 16_000_000


class TestOvertime:
    def test_weekly_rest_day(self) -> None:
        # 10.400.000 ÷ (26 × 8) = 50.000 đồng/giờ; × 200% × 4 giờ = 400.000
        result = run(
            "lam_them_gio",
            luong_thang="10,4 triệu",
            so_ngay_lam_viec_thang=26,
            so_gio=4,
            loai_ngay="nghi_hang_tuan",
        )
        assert result.figure("tien_luong").value == 50_000 * 2 * 4 == 400_000
        # The law's rate in its own words first ("ít nhất bằng 200%"), then the member's amount.
        assert "ít nhất bằng 200% lương giờ, tức ít nhất 400.000 đồng" in result.headline

    @pytest.mark.parametrize(
        ("day", "day_overtime", "percent"),
        [
            ("ngay_thuong", False, 150 + 30 + 20),  # 20% × 100% day wage
            ("ngay_thuong", True, 150 + 30 + 30),  # 20% × 150% when overtime in the day
            ("nghi_hang_tuan", False, 200 + 30 + 40),  # 20% × 200%
            ("nghi_le", False, 300 + 30 + 60),  # 20% × 300%
        ],
    )
    def test_night_overtime_percent(self, day: str, day_overtime: bool, percent: int) -> None:
        result = run(
            "lam_them_gio",
            luong_gio=40_000,
            so_gio=2,
            loai_ngay=day,
            ban_dem=True,
            lam_them_ban_ngay=day_overtime,
        )
        assert result.figure("ty_le").value == percent
        assert result.figure("tien_luong").value == 40_000 * percent // 100 * 2

    def test_night_work_adds_thirty_percent(self) -> None:
        # 50.000 × 30% × 8 = 120.000 extra; 50.000 × 130% × 8 = 520.000 in all
        result = run("lam_viec_ban_dem", luong_gio="50.000", so_gio=8)
        assert result.figure("tra_them").value == 120_000
        assert result.figure("tong").value == 520_000


class TestAnnualLeave:
    def test_seniority_adds_a_day_every_five_years(self) -> None:
        # 12 + 11 năm // 5 = 12 + 2 = 14
        assert run("nghi_hang_nam", tham_nien="11 năm").figure("so_ngay").value == 14

    def test_heavy_work_under_twelve_months_is_proportional(self) -> None:
        # (14 + 0) ÷ 12 × 6 tháng = 7
        result = run("nghi_hang_nam", tham_nien="6 tháng", dieu_kien="nang_nhoc")
        assert result.figure("so_ngay").value == 7
        assert "7 ngày" in result.headline

    def test_pay_for_untaken_days(self) -> None:
        # 7.800.000 ÷ 26 ngày × 5 ngày = 1.500.000
        result = run(
            "nghi_hang_nam",
            tham_nien="3 năm",
            so_ngay_chua_nghi=5,
            luong_thang="7,8 triệu",
            so_ngay_lam_viec_thang=26,
        )
        assert result.figure("tien_ngay_chua_nghi").value == 1_500_000


class TestRetirement:
    def test_woman_born_march_1970(self) -> None:
        # reaches 57 tuổi 4 tháng (the 2027 age) in 3/1970 + 57y4m = 7/2027; pension from 8/2027
        result = run("tuoi_nghi_huu", gioi_tinh="nu", thang_sinh="tháng 3 năm 1970")
        assert result.figure("tuoi_nghi_huu").text == "57 tuổi 4 tháng"
        assert result.figure("thang_du_tuoi").text == "tháng 7/2027"
        assert result.figure("thang_huong_luong_huu").text == "tháng 8/2027"

    def test_man_born_after_march_1966_retires_at_62(self) -> None:
        # from 2028 the age is 62: 5/1970 + 62 = 5/2032
        result = run("tuoi_nghi_huu", gioi_tinh="nam", thang_sinh="5/1970")
        assert result.figure("tuoi_nghi_huu").text == "62 tuổi"
        assert result.figure("thang_du_tuoi").text == "tháng 5/2032"

    def test_reduced_age_is_five_years_lower(self) -> None:
        # Phụ lục II, woman born 3/1975: 2030 lowest age 53y4m -> 3/1975 + 53y4m = 7/2028 (2028: 52y8m)
        # 3/1975 + 52y8m = 11/2027 < 2028 -> check 2027: 52y4m -> 7/2027, within 2027
        result = run("tuoi_nghi_huu", gioi_tinh="nu", thang_sinh="3/1975", dieu_kien="giam_tuoi")
        assert result.figure("tuoi_nghi_huu").text == "52 tuổi 4 tháng"
        assert result.figure("thang_du_tuoi").text == "tháng 7/2027"

    def test_birth_before_the_roadmap_is_refused_with_the_range(self) -> None:
        with pytest.raises(CalculatorInputError, match="1/1961"):
            run("tuoi_nghi_huu", gioi_tinh="nam", thang_sinh="12/1960")


class TestUnemployment:
    def test_amount_and_months(self) -> None:
        # 60% × 9.000.000 = 5.400.000; 48 tháng: 3 + (48 − 36) // 12 = 4 tháng
        result = run("tro_cap_that_nghiep", luong_binh_quan="9 triệu", so_thang_dong="4 năm")
        assert result.figure("muc_huong").value == 5_400_000
        assert result.figure("so_thang").value == 4
        assert result.figure("tong").value == 21_600_000

    def test_cap_is_five_regional_minimums(self) -> None:
        # 60% × 50.000.000 = 30.000.000 > 5 × 5.310.000 = 26.550.000 (vùng I)
        result = run("tro_cap_that_nghiep", luong_binh_quan="50 triệu", so_thang_dong=200, vung="I")
        assert result.figure("muc_huong").value == 26_550_000
        assert result.figure("so_thang").value == 12  # 3 + (200 − 36) // 12 = 16, at most 12

    def test_a_high_wage_without_region_asks_for_it(self) -> None:
        calculator = get_calculator("tro_cap_that_nghiep")
        values = calculator.validate({"luong_binh_quan": "40 triệu", "so_thang_dong": 24})
        assert calculator.missing(values) == ("vung",)

    def test_under_twelve_months_not_eligible(self) -> None:
        result = run("tro_cap_that_nghiep", luong_binh_quan="9 triệu", so_thang_dong=11)
        assert result.figure("so_thang").value == 0


class TestLumpSum:
    def test_before_and_after_2014_with_leftover_months_moved(self) -> None:
        # before 2014: 3 năm 5 tháng -> 3 năm, 5 tháng move on; after: 4 năm 2 tháng + 5 = 4 năm 7 tháng
        # -> 5 năm; (3 × 1,5 + 5 × 2) × 6.000.000 = 14,5 × 6.000.000 = 87.000.000
        result = run(
            "bhxh_mot_lan",
            thoi_gian_truoc_2014="3 năm 5 tháng",
            thoi_gian_tu_2014="4 năm 2 tháng",
            luong_binh_quan="6 triệu",
        )
        assert result.figure("muc_huong").value == 87_000_000

    def test_under_one_year_is_what_was_paid_capped_at_two_months(self) -> None:
        # 8 tháng, paid 20.000.000 > 2 × 5.000.000 -> 10.000.000
        result = run(
            "bhxh_mot_lan", thoi_gian_tu_2014="8 tháng", luong_binh_quan="5 triệu", so_tien_da_dong="20 triệu"
        )
        assert result.figure("muc_huong").value == 10_000_000


class TestMaternity:
    def test_twins(self) -> None:
        # 6 + 1 = 7 tháng; 7 × 8.000.000 = 56.000.000; 2 × 2.340.000 × 2 = 9.360.000
        result = run("thai_san", luong_binh_quan="8 triệu", so_con=2)
        assert result.figure("so_thang_nghi").value == 7
        assert result.figure("tro_cap_thai_san").value == 56_000_000
        assert result.figure("tro_cap_mot_lan").value == 9_360_000


class TestMinimumWageNoticeProbationUnion:
    def test_region_table(self) -> None:
        assert run("luong_toi_thieu_vung", vung="III").figure("luong_toi_thieu_thang").value == 4_140_000

    def test_locality_from_the_appendix(self, corpus: object) -> None:  # the appendix is read from it
        result = run("luong_toi_thieu_vung", dia_ban="phường Hoàn Kiếm, Hà Nội")
        assert result.figure("vung").value == "I"
        assert result.figure("luong_toi_thieu_gio").value == 25_500

    def test_unknown_locality_is_refused(self, corpus: object) -> None:
        with pytest.raises(CalculatorInputError, match="Phụ lục"):
            run("luong_toi_thieu_vung", dia_ban="Atlantis")

    @pytest.mark.parametrize(
        ("contract", "text"),
        [("khong_xac_dinh", "45 ngày"), ("12_36_thang", "30 ngày"), ("duoi_12_thang", "3 ngày làm việc")],
    )
    def test_notice(self, contract: str, text: str) -> None:
        assert run("thoi_han_bao_truoc", loai_hop_dong=contract).figure("thoi_han").text == text

    def test_probation_pay_is_85_percent(self) -> None:
        # 85% × 10.000.000 = 8.500.000; cao đẳng: 60 ngày
        result = run("thu_viec", cong_viec="cao_dang", luong_cong_viec="10 triệu")
        assert result.figure("luong_thu_viec").value == 8_500_000
        assert result.figure("toi_da").text == "60 ngày"

    def test_union_fund_is_two_percent(self) -> None:
        assert run("kinh_phi_cong_doan", quy_luong="500 triệu").figure("kinh_phi").value == 10_000_000


class TestBadInput:
    @pytest.mark.parametrize(
        ("name", "inputs", "named"),
        [
            (
                "tro_cap_thoi_viec",
                {"thoi_gian_lam_viec": "200 năm", "luong_binh_quan": "9 triệu"},
                "thời gian",
            ),
            ("tro_cap_thoi_viec", {"thoi_gian_lam_viec": "3 năm", "luong_binh_quan": 0}, "Tiền lương"),
            ("tuoi_nghi_huu", {"gioi_tinh": "nu", "thang_sinh": date(2099, 1, 1)}, "tương lai"),
            (
                "tro_cap_thoi_viec",
                {"thoi_gian_lam_viec": "ba con gà", "luong_binh_quan": "9 triệu"},
                "3 năm 8",
            ),
            ("thoi_han_bao_truoc", {"loai_hop_dong": "mãi mãi"}, "khong_xac_dinh"),
        ],
    )
    def test_message_names_the_input_and_the_range(self, name: str, inputs: dict, named: str) -> None:
        with pytest.raises(CalculatorInputError) as info:
            get_calculator(name).run(inputs)
        assert named.lower() in str(info.value).lower()

    def test_missing_input_is_named(self) -> None:
        with pytest.raises(CalculatorInputError, match="Tiền lương bình quân"):
            get_calculator("tro_cap_thoi_viec").run({"thoi_gian_lam_viec": "3 năm"})


class TestMoreBenefits:
    def test_pension_rate_man_15_to_20_years(self) -> None:
        # nam 18 năm: 40% + (18 − 15) × 1% = 43%
        assert run("ty_le_luong_huu", gioi_tinh="nam", thoi_gian_dong="18 năm").figure("ty_le").value == 43

    def test_pension_rate_woman_capped_at_75(self) -> None:
        # nữ 35 năm: 45% + 20 × 2% = 85% -> tối đa 75%
        assert run("ty_le_luong_huu", gioi_tinh="nu", thoi_gian_dong="35 năm").figure("ty_le").value == 75

    def test_pension_half_year(self) -> None:
        # nữ 16 năm 3 tháng -> 16,5 năm: 45% + 1,5 × 2% = 48%
        assert (
            run("ty_le_luong_huu", gioi_tinh="nu", thoi_gian_dong="16 năm 3 tháng").figure("ty_le").value
            == 48
        )

    @pytest.mark.parametrize(
        ("children", "surgery", "days"),
        [(1, False, 5), (1, True, 7), (2, False, 10), (2, True, 14), (3, False, 13), (3, True, 17)],
    )
    def test_paternity_days(self, children: int, surgery: bool, days: int) -> None:
        result = run("thai_san_cha", so_con=children, phau_thuat=surgery)
        assert result.figure("so_ngay").value == days

    def test_triplets_months_without_a_wage(self) -> None:
        # 6 + (3 − 1) × 1 = 8 tháng
        result = run("thai_san", so_con=3)
        assert result.figure("so_thang_nghi").text == "8 tháng"

    def test_deduction_cap(self) -> None:
        # 30% × 8.000.000 = 2.400.000
        assert run("khau_tru_luong", luong_thuc_tra="8 triệu").figure("toi_da").value == 2_400_000

    def test_suspension_advance(self) -> None:
        # 50% × 10.000.000 = 5.000.000
        assert run("tam_dinh_chi", luong_truoc_dinh_chi="10tr").figure("tam_ung").value == 5_000_000

    @pytest.mark.parametrize(
        ("loss", "months"), [(5, 1.5), (10, 1.5), (20, 1.5 + 10 * 0.4), (80, 1.5 + 70 * 0.4), (81, 30)]
    )
    def test_accident_compensation(self, loss: int, months: float) -> None:
        result = run("boi_thuong_tai_nan", muc_suy_giam=loss, luong="10 triệu")
        assert result.figure("so_tien").value == round(months * 10_000_000)

    def test_accident_own_fault_is_40_percent(self) -> None:
        # 20%: 5,5 tháng × 10.000.000 = 55.000.000; 40% = 22.000.000
        result = run("boi_thuong_tai_nan", muc_suy_giam=20, luong="10 triệu", do_loi_nguoi_lao_dong=True)
        assert result.figure("so_tien").value == 22_000_000

    def test_unlawful_termination_two_months(self) -> None:
        # 2 × 12.000.000 = 24.000.000
        assert run("cham_dut_trai_luat", luong="12 triệu").figure("tra_them").value == 24_000_000

    def test_sick_pay(self) -> None:
        # 75% × 8.000.000 ÷ 24 × 4 = 1.000.000
        assert run("om_dau", luong_dong_bhxh="8 triệu", so_ngay=4).figure("tro_cap").value == 1_000_000

    def test_untaken_leave_pay_alone(self) -> None:
        # 7.800.000 ÷ 26 × 5 = 1.500.000, without the seniority
        result = run("nghi_hang_nam", so_ngay_chua_nghi=5, luong_thang="7,8 triệu", so_ngay_lam_viec_thang=26)
        assert result.headline.startswith("Tiền lương cho 5 ngày phép chưa nghỉ")
        assert result.figure("tien_ngay_chua_nghi").value == 1_500_000

    def test_probation_pay_alone(self) -> None:
        result = run("thu_viec", luong_cong_viec="10 triệu")
        assert result.figure("luong_thu_viec").text == "8.500.000 đồng"
