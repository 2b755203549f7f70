import pytest

from app.domain.idcard import IdNumberError, check_digit, id_error, mask_id, normalize_id, parse_id

VALID = "11010519491231002X"  # the example number of GB 11643


def test_valid_number_gives_birth_date_and_sex():
    info = parse_id(VALID)
    assert info.birth_iso == "1949-12-31"
    assert info.sex == "女"
    male = "50023619800101001"
    assert parse_id(male + check_digit(male)).sex == "男"


def test_check_digit():
    assert check_digit(VALID[:17]) == "X"
    assert check_digit("44052419800101001") == "3"  # 440524198001010013


@pytest.mark.parametrize("text, message", [
    ("110105194912310021", "校验位"),
    ("11010519491231002", "18位"),
    ("1101051949123100211", "18位"),
    ("11010519491331002X", "出生日期"),
    ("99010519491231002X", "地区码"),
    ("1101051949123100AX", "数字"),
    ("", "不能为空"),
    ("1.10105194912E+17", "科学计数法"),
])
def test_bad_numbers_are_refused_with_a_reason(text, message):
    with pytest.raises(IdNumberError, match=message):
        parse_id(text)
    assert message in id_error(text)


def test_future_birth_date_is_refused():
    first17 = "11010520990101001"
    with pytest.raises(IdNumberError, match="出生日期"):
        parse_id(first17 + check_digit(first17))


def test_fifteen_digit_numbers_become_eighteen():
    assert normalize_id("110105491231002") == VALID
    assert parse_id("110105491231002").birth_iso == "1949-12-31"


def test_full_width_spaces_and_lower_x_are_normalised():
    assert normalize_id(" １１０１０５１９４９１２３１００２ｘ ") == VALID
    assert normalize_id("110105 19491231 002x") == VALID
    assert id_error("１１０１０５１９４９１２３１００２Ｘ") is None


def test_mask():
    assert mask_id(VALID) == "110105********002X"
    assert mask_id("") == ""
