"""Plain data the dashboard is made of: figures (tables of numbers), their cells, and drill-down record refs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ALL = "all"  # row key of the whole-area (合计) row
TOTAL = "total"  # column key of a figure's total column


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    drill: bool = True  # a count of records (drillable), not a ratio or a maximum
    fmt: str = "int"  # int | pct | days


@dataclass(slots=True)
class Row:
    key: str  # community code, worker name, or ALL
    label: str
    values: dict[str, float] = field(default_factory=dict)

    def get(self, column: str) -> float:
        return self.values.get(column, 0)


@dataclass(slots=True)
class Figure:
    key: str
    title: str
    row_label: str  # header of the first column (社区 / 专干)
    columns: list[Column]
    rows: list[Row]  # one per community (or worker), then the ALL row
    note: str = ""  # the counting rule in one sentence (Chinese), shown under the table and in exports
    rules: str = ""  # version of the rule set the figure was computed under (RuleSet.version)

    def row(self, key: str) -> Row:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def value(self, row: str, column: str) -> float:
        return self.row(row).get(column)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def total_row(self) -> Row:
        return self.rows[-1]


@dataclass(frozen=True, slots=True)
class Ref:
    """One record behind a figure cell; ``person_id`` is what the UI opens."""

    kind: str
    id: str
    person_id: str | None
    label: str


@dataclass(slots=True)
class Dashboard:
    area: str | None  # the selected area code (None: the user's whole jurisdiction)
    area_label: str
    today: dt.date
    figures: dict[str, Figure]
    elapsed: float = 0.0  # seconds spent computing

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]


def fmt_value(value: float, fmt: str) -> str:
    if fmt == "pct":
        return f"{value * 100:.1f}%"
    return str(int(value))
