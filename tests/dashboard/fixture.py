"""A small supervisor store built by hand, with every expected figure counted by hand below.

Today is Wednesday 2026-11-25. wangjun supervises 坞城街道 (140105001000): communities A = 坞城南路 (…001) and
B = 东岗路 (…002). One person in 营盘街道 (outside the street) must never be counted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from app.collection import Collection
from app.rules.idcard import make_id

TODAY = dt.date(2026, 11, 25)
A, B, OUTSIDE = "140105001001", "140105001002", "140105002001"
SUPERVISOR = {"name": "wangjun", "display_name": "王军", "role": "supervisor", "areas": ["140105001000"]}
PASS = "fixture-pass-2026"
D = dt.date


def _person(tx: Any, area: str, name: str, hh: str | None = None, **kw: Any) -> str:
    if hh is None:
        hh = tx.create("household", {"address": f"{name}家", "zero_employment": False}, area_code=area)
    values = {"household_id": hh, "name": name, "employment_status": "unemployed", "able_to_work": True,
              "willing_to_work": True, "worker": "zhangli", **kw}
    return tx.create("person", values, area_code=area)


def _case(tx: Any, area: str, pid: str, stage: str, category: str, started: dt.date,
          due: dt.date | None = None) -> str:
    return tx.create("assistance_case", {"person_id": pid, "stage": stage, "category": category,
                                         "stage_started_on": started, "due_on": due}, area_code=area)


def _services(tx: Any, area: str, pid: str, jr: int, cg: int, pc: int, training: int = 0) -> None:
    for kind, n in (("job_recommendation", jr), ("career_guidance", cg), ("policy_consultation", pc),
                    ("training", training)):
        for _ in range(n):
            tx.create("service", {"person_id": pid, "kind": kind, "served_on": D(2026, 11, 1)}, area_code=area)


def build(path: Path) -> tuple[Collection, dict[str, str]]:
    """The store and the ids of the persons/households the tests name."""
    col = Collection.create(path, PASS, SUPERVISOR)
    ids: dict[str, str] = {}
    with col.records.transaction() as tx:
        # --- community A: cases --------------------------------------------------------------------------
        ids["p1"] = p1 = _person(tx, A, "甲一")
        _case(tx, A, p1, "helping", "older", D(2026, 6, 1))
        _services(tx, A, p1, 3, 1, 1)  # meets 3+1+1
        ids["p2"] = p2 = _person(tx, A, "甲二")
        _case(tx, A, p2, "helping", "dibao", D(2026, 6, 1))
        _services(tx, A, p2, 2, 1, 1, training=4)  # one job recommendation short; training does not count
        ids["p3"] = p3 = _person(tx, A, "甲三")
        _case(tx, A, p3, "exited", "older", D(2026, 1, 1))  # an old, closed case: not the current one
        _case(tx, A, p3, "community_review", "disabled", D(2026, 11, 16), due=TODAY)  # due today: not overdue
        ids["p4"] = p4 = _person(tx, A, "甲四")
        _case(tx, A, p4, "street_review", "long_term", D(2026, 11, 13), due=D(2026, 11, 24))  # overdue
        ids["p5"] = p5 = _person(tx, A, "甲五")
        _case(tx, A, p5, "county_confirm", "land_lost", D(2026, 11, 16), due=D(2026, 11, 30))  # 3rd workday (Mon)
        ids["p6"] = p6 = _person(tx, A, "甲六")
        _case(tx, A, p6, "county_confirm", "land_lost", D(2026, 11, 17), due=D(2026, 12, 1))  # 4th: not soon
        ids["p7"] = p7 = _person(tx, A, "甲七", employment_status="employed", employed_on=D(2026, 9, 23))
        _case(tx, A, p7, "exited", "veteran", D(2026, 9, 23))
        # follow-ups of p7 (grace: 3 working days after the due day)
        for due, done in ((D(2026, 11, 2), D(2026, 11, 5)),  # 3rd workday after: on time
                          (D(2026, 11, 2), D(2026, 11, 6)),  # 4th: late
                          (D(2026, 11, 16), None),  # grace ended 11-19: overdue
                          (D(2026, 11, 20), None),  # grace ends today 11-25: still pending
                          (D(2026, 12, 10), None),  # pending
                          (D(2026, 9, 30), D(2026, 10, 9))):  # across National Day: grace ends 10-10, on time
            tx.create("followup", {"person_id": p7, "kind": "stabilization", "due_on": due, "done_on": done},
                      area_code=A)
        # --- community B ---------------------------------------------------------------------------------
        ids["p8"] = p8 = _person(tx, B, "乙一")
        _case(tx, B, p8, "helping", "zero_household", D(2026, 7, 1))  # no services: not met
        ids["p9"] = p9 = _person(tx, B, "乙二")
        _case(tx, B, p9, "publicity", "graduate", D(2026, 11, 20))
        ids["p10"] = p10 = _person(tx, B, "乙三")
        deleted_case = _case(tx, B, p10, "helping", "older", D(2026, 6, 1))
        # --- outside the street: never counted -----------------------------------------------------------
        ids["p11"] = p11 = _person(tx, OUTSIDE, "丙一")
        _case(tx, OUTSIDE, p11, "helping", "older", D(2026, 6, 1), due=D(2026, 11, 1))
        tx.create("followup", {"person_id": p11, "kind": "adaptation", "due_on": D(2026, 11, 1)}, area_code=OUTSIDE)
        tx.create("visit", {"person_id": p11, "visited_on": D(2026, 11, 24), "worker": "liuqiang"},
                  area_code=OUTSIDE)

        # --- 零就业家庭 ----------------------------------------------------------------------------------
        young = make_id("140105", D(1980, 3, 1), 11)  # male, 46: working age
        old = make_id("140105", D(1950, 3, 1), 13)  # male, 76: past retirement
        homes = {
            "h1": (A, D(2026, 11, 10), [("unemployed", young, None)]),  # 15 days: ≤30
            "h2": (A, D(2026, 5, 1), [("unemployed", young, None)]),  # 208 days: >180
            "h3": (B, D(2026, 8, 1), [("unemployed", young, None), ("employed", young, D(2026, 10, 1))]),  # cleared
            "h4": (B, D(2026, 9, 1), [("unemployed", old, None)]),  # nobody of working age: not applicable
            "h6": (B, D(2026, 9, 26), [("unemployed", young, None)]),  # 60 days: 31–90
            "h5": (A, None, [("unemployed", young, None)]),  # not a zero-employment household
        }
        for key, (area, flagged, members) in homes.items():
            hh = tx.create("household", {"address": f"{key}号", "zero_employment": flagged is not None,
                                         "zero_flagged_on": flagged}, area_code=area)
            ids[key] = hh
            for i, (status, idn, employed_on) in enumerate(members):
                ids[f"{key}m{i}"] = _person(tx, area, f"{key}成员{i}", hh=hh, employment_status=status,
                                            id_number=idn, employed_on=employed_on,
                                            relation="户主" if i == 0 else "配偶")

        # --- visits (ISO weeks: W48 = 11-23..11-29, W41 = 10-05..10-11) ----------------------------------
        for pid, area, day, worker in ((p1, A, D(2026, 11, 23), "zhangli"), (p2, A, D(2026, 11, 25), "zhangli"),
                                       (p1, A, D(2026, 11, 16), "zhangli"), (p3, A, D(2026, 10, 5), "zhangli"),
                                       (p3, A, D(2026, 10, 4), "zhangli"),  # W40: before the 8 weeks
                                       (p8, B, D(2026, 11, 22), "liuqiang"),  # Sunday: W47
                                       (p9, B, D(2026, 11, 26), "liuqiang")):  # tomorrow: not counted
            tx.create("visit", {"person_id": pid, "visited_on": day, "worker": worker}, area_code=area)
        tx.create("visit", {"person_id": p1, "planned_on": D(2026, 11, 24), "worker": "zhangli"}, area_code=A)
    col.records.delete("assistance_case", deleted_case)
    return col, ids


# Hand counts. Row keys: A, B, "all"; only nonzero cells are listed (everything else is 0).
EXPECTED: dict[str, dict[str, dict[str, float]]] = {
    "stage": {
        A: {"helping": 2, "community_review": 1, "street_review": 1, "county_confirm": 2, "exited": 1, "total": 7},
        B: {"helping": 1, "publicity": 1, "total": 2},
        "all": {"helping": 3, "community_review": 1, "street_review": 1, "county_confirm": 2, "exited": 1,
                "publicity": 1, "total": 9},
    },
    "category": {
        A: {"older": 1, "dibao": 1, "disabled": 1, "long_term": 1, "land_lost": 2, "total": 6},
        B: {"zero_household": 1, "graduate": 1, "total": 2},
        "all": {"older": 1, "dibao": 1, "disabled": 1, "long_term": 1, "land_lost": 2, "zero_household": 1,
                "graduate": 1, "total": 8},
    },
    "compliance": {
        A: {"total": 2, "met": 1, "not_met": 1, "ratio": 0.5},
        B: {"total": 1, "not_met": 1, "ratio": 0.0},
        "all": {"total": 3, "met": 1, "not_met": 2, "ratio": 1 / 3},
    },
    "deadlines": {
        A: {"overdue": 1, "due_soon": 2},
        B: {},
        "all": {"overdue": 1, "due_soon": 2},
    },
    "followups": {
        A: {"on_time": 2, "late": 1, "overdue": 1, "pending": 2, "total": 6, "on_time_rate": 2 / 3,
            "done_rate": 3 / 4},
        B: {},
        "all": {"on_time": 2, "late": 1, "overdue": 1, "pending": 2, "total": 6, "on_time_rate": 2 / 3,
                "done_rate": 3 / 4},
    },
    "zero": {
        A: {"total": 2, "open": 2, "open_b0": 1, "open_b3": 1, "max_days": 208},
        B: {"total": 3, "cleared": 1, "open": 1, "open_b1": 1, "not_applicable": 1, "max_days": 60},
        "all": {"total": 5, "cleared": 1, "open": 3, "open_b0": 1, "open_b1": 1, "open_b3": 1, "not_applicable": 1,
                "max_days": 208},
    },
    "visits": {
        "zhangli": {"2026-W48": 2, "2026-W47": 1, "2026-W41": 1, "total": 4},
        "liuqiang": {"2026-W47": 1, "total": 1},
        "all": {"2026-W48": 2, "2026-W47": 2, "2026-W41": 1, "total": 5},
    },
}
