import pytest

from app.domain.phone import normalize_phone, phone_error


@pytest.mark.parametrize("number", ["13812345678", "023-63751234", "02363751234", "63751234",
                                    "(023)63751234", "023-63751234-802", "+8613812345678", "１３８１２３４５６７８"])
def test_good_numbers(number):
    assert phone_error(number) is None


@pytest.mark.parametrize("number, message", [("1381234567", "11位"), ("2345", "格式不对"), ("12345", "11位"),
                                             ("1.38123E+10", "科学计数法"), ("abc", "格式不对")])
def test_bad_numbers(number, message):
    assert message in phone_error(number)


def test_empty_only_when_not_required():
    assert phone_error("") is None
    assert "不能为空" in phone_error("", required=True)


def test_normalise():
    assert normalize_phone(" ０２３－６３７５１２３４ ") == "023-63751234"
