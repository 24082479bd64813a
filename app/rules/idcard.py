"""Resident identity numbers per GB 11643-1999 (公民身份号码).

Layout: 6-digit region (GB/T 2260) + YYYYMMDD birth date + 3-digit sequence (odd = male)
+ check character (ISO 7064 MOD 11-2).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# GB/T 2260 province code of 山西. A fixed fact of the coding standard, not a policy number.
SHANXI_PROVINCE_CODE = "14"
# Birth dates before this are treated as typing errors rather than real people.
_MIN_BIRTH_YEAR = 1900


class IdNumberError(ValueError):
    """An identity number is malformed; ``str(err)`` is a Chinese message for the user."""


@dataclass(frozen=True, slots=True)
class IdInfo:
    number: str  # normalised: no spaces, upper-case X
    region_code: str
    province_code: str
    birth_date: date
    sex: str  # "男" / "女"
    age: int  # full years (周岁) at the evaluation day
    in_shanxi: bool  # issued in 山西 (region code 14xxxx); not the same as 户籍 today


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise IdNumberError("计算校验码需要17位数字")
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def age_on(birth: date, day: date) -> int:
    """Full years (周岁) at ``day``; a birthday counts from the birthday itself."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def normalise(number: str) -> str:
    """Remove whitespace and upper-case a trailing x; no validation."""
    return "".join(number.split()).upper()


def canonical(number: str) -> str:
    """The number as it is stored: full-width digits and letters made ASCII (NFKC), whitespace removed, a
    lower-case x upper-cased, and an old 15-digit number (YYMMDD, all born 19xx) converted to 18 digits
    with its check character. No validation: ``parse_id`` judges the result."""
    num = normalise(unicodedata.normalize("NFKC", number))
    if len(num) == 15 and num.isascii() and num.isdigit():
        body = num[:6] + "19" + num[6:]
        num = body + check_char(body)
    return num


def parse_id(number: str, today: date | None = None) -> IdInfo:
    """Validate and decode an identity number; raises IdNumberError with a Chinese message."""
    today = today or date.today()
    num = normalise(number)
    if len(num) != 18:
        raise IdNumberError(f"身份证号码长度不对：应为18位，实际为{len(num)}位")
    body, last = num[:17], num[17]
    if not (body.isascii() and body.isdigit()) or last not in "0123456789X":
        raise IdNumberError("身份证号码含非法字符：前17位须为数字，末位须为数字或X")
    birth_text = body[6:14]
    try:
        birth = date(int(birth_text[:4]), int(birth_text[4:6]), int(birth_text[6:]))
    except ValueError:
        raise IdNumberError(f"出生日期无效：{birth_text}") from None
    if birth.year < _MIN_BIRTH_YEAR:
        raise IdNumberError(f"出生日期无效：{birth_text}")
    if birth > today:
        raise IdNumberError(f"出生日期晚于今天：{birth.isoformat()}")
    expected = check_char(body)
    if last != expected:
        raise IdNumberError(f"校验码不符，应为{expected}")
    region = body[:6]
    return IdInfo(
        number=num,
        region_code=region,
        province_code=region[:2],
        birth_date=birth,
        sex="男" if int(body[16]) % 2 else "女",
        age=age_on(birth, today),
        in_shanxi=region.startswith(SHANXI_PROVINCE_CODE),
    )


def id_error(number: str, today: date | None = None) -> str | None:
    """Chinese error message, or None when the number is valid (for form validation)."""
    try:
        parse_id(number, today)
    except IdNumberError as exc:
        return str(exc)
    return None


def make_id(region: str, birth: date, seq: int) -> str:
    """A checksum-valid number for synthetic demo/test data (never real people)."""
    if len(region) != 6 or not region.isascii() or not region.isdigit():
        raise ValueError("地区码须为6位数字")
    if not 0 <= seq <= 999:
        raise ValueError("顺序码须在0–999之间")
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + check_char(body)
