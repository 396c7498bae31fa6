"""Masking of personal data (pure functions, hand-written cases)."""

from __future__ import annotations

import pytest

from ui.privacy import ADDRESS_MASK, EMAIL_MASK, ID_MASK, NAME_MASK, PHONE_MASK, mask_personal_data


@pytest.mark.parametrize(
    ("text", "expected", "kinds"),
    [
        ("Tôi tên là Nguyễn Văn An, làm công nhân", f"Tôi tên là {NAME_MASK}, làm công nhân", ("name",)),
        ("em là Lan, bị nợ lương", f"em là {NAME_MASK}, bị nợ lương", ("name",)),
        ("Tên tôi: Trần Thị Bích Ngọc.", f"Tên tôi: {NAME_MASK}.", ("name",)),
        ("SĐT 0912345678 hoặc +84 912 345 678", f"SĐT {PHONE_MASK} hoặc {PHONE_MASK}", ("phone",)),
        ("gọi 028.3823.4567", f"gọi {PHONE_MASK}", ("phone",)),
        ("CCCD 001234567890, CMND 123456789", f"CCCD {ID_MASK}, CMND {ID_MASK}", ("id_number",)),
        ("email lan.nguyen@gmail.com nhé", f"email {EMAIL_MASK} nhé", ("email",)),
        ("nhà ở số 12 đường Lê Lợi, phường Bến Nghé, quận 1", f"nhà ở {ADDRESS_MASK}", ("address",)),
        ("Địa chỉ: 25 Trần Hưng Đạo, Hà Nội. Tôi hỏi", f"{ADDRESS_MASK}. Tôi hỏi", ("address",)),
    ],
)
def test_personal_data_is_masked(text: str, expected: str, kinds: tuple[str, ...]) -> None:
    result = mask_personal_data(text)
    assert result.text == expected
    assert result.kinds == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Theo Điều 113 Bộ luật Lao động 45/2019/QH14 thì được nghỉ 12 ngày",
        "Nghị định số 145/2020/NĐ-CP khoản 1 điều 3",
        "Tôi bị trừ 5.000.000 đồng, lương 150000000 đồng có đúng không?",
        "em là công nhân, bị tai nạn trên đường đi làm thì sao",
        "làm thêm 300 giờ một năm, thử việc 60 ngày, điểm a khoản 2",
    ],
)
def test_legal_numbers_and_ordinary_words_are_kept(text: str) -> None:
    result = mask_personal_data(text)
    assert result.text == text and not result.changed
