import pytest

from app.rules.phone import is_mobile, mobile_error


@pytest.mark.parametrize("s", ["13800138000", "19912345678", "15012345678", " 17712345678 "])
def test_valid(s):
    assert is_mobile(s)
    assert mobile_error(s) is None


@pytest.mark.parametrize(
    ("s", "message"),
    [
        ("", "请填写手机号码"),
        ("1380013800", "应为11位，实际为10位"),
        ("138001380001", "应为11位，实际为12位"),
        ("12012345678", "应以13–19开头"),
        ("23812345678", "应以13–19开头"),
        ("138-0013-800", "只能包含数字"),
        ("１３８００１３８０００", "只能包含数字"),  # full-width digits are not ASCII
    ],
)
def test_invalid(s, message):
    assert not is_mobile(s)
    assert message in mobile_error(s)
