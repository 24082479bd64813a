from __future__ import annotations

import pytest

from app.printing.qr_payload import format_payload, parse_scan

RID = "6f1c2e9a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"


def test_round_trip() -> None:
    text = format_payload("household", RID, 12)
    assert text == f"OD1|household|{RID}|12"
    assert parse_scan(text) == ("household", RID, 12)


@pytest.mark.parametrize("typed", [f"OD1|visit|{RID}|0\n", f"  OD1|visit|{RID}|0\r\n", f"\tOD1|visit|{RID}|0 "])
def test_scanner_whitespace_is_tolerated(typed: str) -> None:
    assert parse_scan(typed) == ("visit", RID, 0)


@pytest.mark.parametrize("garbage", [
    "", "   ", "王伟", "13912345678", RID, "OD1", "OD1|visit", f"OD1|visit|{RID}", f"OD2|visit|{RID}|1",
    f"OD1|visit|{RID}|-1", f"OD1|visit|{RID}|1.5", f"OD1|visit|{RID}|v1", f"OD1|nosuchkind|{RID}|1",
    f"OD1|visit|{RID}|1|extra", f"OD1||{RID}|1", "OD1|visit||1", f"OD1|visit|{RID} x|1",
    f"OD1|visit|{RID}|１", "OD1|visit|../../etc|1", f"xOD1|visit|{RID}|1",
])
def test_garbage_is_rejected(garbage: str) -> None:
    assert parse_scan(garbage) is None


def test_format_rejects_bad_parts() -> None:
    with pytest.raises(ValueError):
        format_payload("visit", "has|pipe", 1)
    with pytest.raises(ValueError):
        format_payload("Visit", RID, 1)
    with pytest.raises(ValueError):
        format_payload("visit", RID, -1)
