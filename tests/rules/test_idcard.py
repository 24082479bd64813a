from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.rules.idcard import IdNumberError, age_on, check_char, id_error, make_id, parse_id

FAST = settings(max_examples=80, database=None, deadline=None)
TODAY = date(2026, 11, 25)

regions = st.from_regex(r"[1-9][0-9]{5}", fullmatch=True)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
seqs = st.integers(min_value=0, max_value=999)


def test_check_char_known_value():
    # Standard worked example of GB 11643-1999 (11010519491231002X).
    assert check_char("11010519491231002") == "X"
    assert parse_id("11010519491231002X", TODAY).sex == "女"


def test_parse_fields():
    number = make_id("140105", date(1986, 3, 15), 123)
    info = parse_id(number, date(2026, 6, 1))
    assert info.number == number
    assert info.region_code == "140105"
    assert info.province_code == "14"
    assert info.birth_date == date(1986, 3, 15)
    assert info.sex == "男"  # 123 is odd
    assert info.age == 40
    assert info.in_shanxi is True


def test_not_shanxi():
    assert parse_id(make_id("110105", date(1990, 1, 1), 2), TODAY).in_shanxi is False


def test_strips_spaces_and_accepts_lower_x():
    assert parse_id(" 110105 19491231 002x ", TODAY).number == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("1401051986031512", "长度不对：应为18位，实际为16位"),
        ("", "实际为0位"),
        ("14010519860315123A", "含非法字符"),
        ("1401051986031512X3", "含非法字符"),
        ("１４０１０５１９８６０３１５１２３４", "含非法字符"),  # full-width digits
        ("140105198602301230", "出生日期无效：19860230"),
        ("140105189912311230", "出生日期无效：18991231"),
    ],
)
def test_errors(number, message):
    with pytest.raises(IdNumberError, match=message):
        parse_id(number, TODAY)


def test_future_birth():
    number = make_id("140105", date(2026, 11, 26), 1)
    with pytest.raises(IdNumberError, match="出生日期晚于今天：2026-11-26"):
        parse_id(number, TODAY)
    assert parse_id(make_id("140105", TODAY, 1), TODAY).age == 0


def test_wrong_check_char_names_expected():
    good = make_id("140105", date(1986, 3, 15), 123)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(IdNumberError, match=f"校验码不符，应为{good[17]}"):
        parse_id(bad, TODAY)
    assert id_error(bad, TODAY) == f"校验码不符，应为{good[17]}"
    assert id_error(good, TODAY) is None


def test_error_is_value_error():
    assert issubclass(IdNumberError, ValueError)


def test_make_id_validates_arguments():
    with pytest.raises(ValueError):
        make_id("14010", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_id("140105", date(1990, 1, 1), 1000)


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (date(1986, 3, 15), date(2026, 3, 14), 39),
        (date(1986, 3, 15), date(2026, 3, 15), 40),  # birthday itself counts
        (date(2000, 2, 29), date(2025, 2, 28), 24),
        (date(2000, 2, 29), date(2025, 3, 1), 25),
        (date(2000, 2, 29), date(2024, 2, 29), 24),
    ],
)
def test_age_on(birth, day, age):
    assert age_on(birth, day) == age


@FAST
@given(regions, births, seqs)
def test_generated_ids_round_trip(region, birth, seq):
    info = parse_id(make_id(region, birth, seq), TODAY)
    assert info.region_code == region
    assert info.birth_date == birth
    assert info.sex == ("男" if seq % 2 else "女")
    assert info.in_shanxi == region.startswith("14")
    assert info.age == age_on(birth, TODAY)


@FAST
@given(regions, births, seqs, st.integers(0, 17), st.integers(1, 10))
def test_any_single_character_change_is_detected(region, birth, seq, pos, shift):
    number = make_id(region, birth, seq)
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    if pos < 17:
        shift = shift % 9 + 1  # 1..9, never back to the same digit
    new = alphabet[(alphabet.index(number[pos]) + shift) % len(alphabet)]
    assert new != number[pos]
    with pytest.raises(IdNumberError):
        parse_id(number[:pos] + new + number[pos + 1 :], TODAY)


@FAST
@given(regions, births)
def test_lower_case_x_accepted(region, birth):
    seq = next((s for s in range(1000) if make_id(region, birth, s).endswith("X")), None)
    if seq is None:  # pragma: no cover - practically impossible
        return
    number = make_id(region, birth, seq)
    assert parse_id(number.lower(), TODAY).number == number
