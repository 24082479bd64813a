"""Rule sets as versioned data: the shipped tables plus rule sets published by the platform (docs/RULES.md).

A *published set* is one TOML document with a header (id, version, effective date, area, source document),
optional holiday arrangements per year (``[calendar.2027]``: holidays and 调休 workdays) and optional
overrides of the shipped tables (``[tables.eligibility]`` …). A province set applies to every area of the
province; a city's set is an overlay on top of it. ``compose`` lays the sets over the shipped defaults and
gives a ``RuleSet``: the tables, the calendar and a version label that decisions record.

Pure: no database, no network, no signatures (those live in ``signing.py`` and the callers).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from typing import Any

from app.rules._data import RULES_DIR, RuleDataError, read_shipped

# The shipped tables a published set may override (resources/rules/<name>.toml).
TABLES = ("eligibility", "workflow", "materials", "service_package", "followups", "review")
AREA_CODE = re.compile(r"^\d{12}$")
SET_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
# Digits significant at each level of an area code (province 2, city 4, county 6).
_LEVEL_PREFIX = (2, 4, 6, 9, 12)


class RuleSetError(ValueError):
    """A published set cannot be used; ``str(err)`` is the Chinese reason shown to the admin or worker."""


@dataclass(frozen=True, slots=True)
class SetInfo:
    set_id: str
    version: int
    effective: date  # first day the set's tables apply; a calendar applies to its own year
    area: str  # 12-digit code: a province set (14xxxx…) or a city's overlay
    title: str
    source: str  # the document it implements (文号), or "示例，非官方" for demo data
    # Its changed time limits also hold for stages already running on ``effective`` (default: only for stages
    # started from then on; see ``RuleSet.as_of`` and docs/RULES.md "规则变化时的办理时限").
    applies_to_running: bool = False

    @property
    def label(self) -> str:
        return f"{self.set_id}@{self.version}"

    @property
    def prefix(self) -> str:
        return area_prefix(self.area)


@dataclass(frozen=True, slots=True)
class YearArrangement:
    """One year's arrangement: the days off (法定节假日及调休休息日) and the weekend days worked (调休上班)."""

    holidays: frozenset[date]
    workdays: frozenset[date]


@dataclass(frozen=True)
class PublishedSet:
    info: SetInfo
    calendar: Mapping[int, YearArrangement]
    tables: Mapping[str, Any]
    text: str  # the document as published (what the signature covers)


def area_prefix(code: str) -> str:
    """Significant prefix of a 12-digit code: trailing zero groups dropped (140000000000 → 14)."""
    for digits in _LEVEL_PREFIX:
        if code[digits:].strip("0") == "":
            return code[:digits]
    return code


def applies_to(info: SetInfo, area_codes: Iterable[str]) -> bool:
    """Whether the set's area contains one of ``area_codes`` (a laptop's communities, a county…)."""
    return any(code.startswith(info.prefix) for code in area_codes)


# --- parsing and checking a published document ----------------------------------------------------------

def _need(mapping: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = mapping.get(key)
    if value is None:
        raise RuleSetError(f"{where}缺少 {key}")
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise RuleSetError(f"{where}的 {key} 类型不对：{value!r}")
    return value


def _dates(values: Any, year: int, what: str) -> frozenset[date]:
    if not isinstance(values, list) or not all(isinstance(v, date) for v in values):
        raise RuleSetError(f"{year} 年的 {what} 必须是日期列表（如 2027-02-06）")
    wrong = [v.isoformat() for v in values if v.year != year]
    if wrong:
        raise RuleSetError(f"{year} 年的 {what} 中有其他年份的日期：{'、'.join(wrong)}")
    return frozenset(values)


def _calendar(raw: Any) -> dict[int, YearArrangement]:
    if not isinstance(raw, dict):
        raise RuleSetError("calendar 必须是按年份分节的表，如 [calendar.2027]")
    out = {}
    for key, year_raw in raw.items():
        if not (isinstance(key, str) and key.isdigit() and 2000 <= int(key) <= 2100):
            raise RuleSetError(f"calendar 的年份无效：{key}")
        year = int(key)
        if not isinstance(year_raw, dict):
            raise RuleSetError(f"[calendar.{year}] 必须是表")
        unknown = set(year_raw) - {"holidays", "workdays", "note"}
        if unknown:
            raise RuleSetError(f"[calendar.{year}] 有未知字段：{'、'.join(sorted(unknown))}")
        holidays = _dates(year_raw.get("holidays"), year, "holidays（放假日期）")
        workdays = _dates(year_raw.get("workdays", []), year, "workdays（调休上班日期）")
        if not holidays:
            raise RuleSetError(f"{year} 年的放假日期为空")
        weekdays = sorted(d for d in workdays if d.weekday() < 5)
        if weekdays:  # a make-up workday is always a weekend day; a weekday here is a typo
            raise RuleSetError(f"{year} 年的调休上班日期应为周六或周日：{'、'.join(d.isoformat() for d in weekdays)}")
        both = sorted(holidays & workdays)
        if both:
            raise RuleSetError(f"{year} 年有日期既是放假又是上班：{'、'.join(d.isoformat() for d in both)}")
        out[year] = YearArrangement(holidays, workdays)
    return out


def parse(text: str) -> PublishedSet:
    """Parse and check one published document (structure only; ``check`` tries it against the rules)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"规则集不是有效的 TOML：{exc}") from None
    unknown = set(data) - {"set", "calendar", "tables"}
    if unknown:
        raise RuleSetError(f"规则集有未知的节：{'、'.join(sorted(unknown))}（只能有 set、calendar、tables）")
    head = data.get("set")
    if not isinstance(head, dict):
        raise RuleSetError("规则集缺少 [set] 节（编号、版本、生效日期、地区、来源）")
    where = "[set] "
    set_id = _need(head, "id", str, where)
    if not SET_ID.match(set_id):
        raise RuleSetError(f"规则集编号只能用小写字母、数字、-、_、.：{set_id}")
    version = _need(head, "version", int, where)
    if version < 1:
        raise RuleSetError("规则集版本必须是正整数")
    effective = _need(head, "effective", date, where)
    area = str(_need(head, "area", str, where))
    if not AREA_CODE.match(area):
        raise RuleSetError(f"规则集地区必须是 12 位区划代码：{area}")
    if len(area_prefix(area)) > 4:
        raise RuleSetError(f"规则集只能由省或设区的市发布：{area}")
    source = _need(head, "source", str, where).strip()
    if not source:
        raise RuleSetError("规则集必须写明来源文件（source）")
    title = str(head.get("title") or set_id)
    running = head.get("applies_to_running", False)
    if not isinstance(running, bool):
        raise RuleSetError(f"[set] 的 applies_to_running 只能是 true 或 false：{running!r}")
    calendar = _calendar(data.get("calendar", {}))
    tables = data.get("tables", {})
    if not isinstance(tables, dict):
        raise RuleSetError("tables 必须是表")
    bad = set(tables) - set(TABLES)
    if bad:
        raise RuleSetError(f"规则集改动了未知的规则表：{'、'.join(sorted(bad))}（可改：{'、'.join(TABLES)}）")
    if not calendar and not tables:
        raise RuleSetError("规则集没有任何内容（calendar 或 tables）")
    return PublishedSet(SetInfo(set_id, version, effective, area, title, source, running), calendar, tables, text)


# --- merging an overlay onto a table ------------------------------------------------------------------

def _is_coded(items: Any) -> bool:
    return isinstance(items, list) and all(isinstance(i, dict) and "code" in i for i in items)


def merge(base: Any, over: Any, path: str = "", optional: frozenset[str] = frozenset()) -> Any:
    """``over`` laid on ``base``: tables merge key by key, lists of coded entries merge by ``code`` (new codes
    are appended), other values are replaced but must keep their type (a threshold stays a number).

    A key the base does not have is refused (a misspelt threshold would otherwise be ignored silently),
    unless a sibling entry of the same list has it (``optional``: e.g. a stage's ``limit_workdays``)."""
    if isinstance(base, dict):
        if not isinstance(over, dict):
            raise RuleSetError(f"{path.lstrip('.')} 应为表")
        out = dict(base)
        for key, value in over.items():
            if key in base:
                out[key] = merge(base[key], value, f"{path}.{key}")
            elif key in optional:
                out[key] = value
            else:
                raise RuleSetError(f"{path.lstrip('.')} 没有 {key} 这一项（请核对名称）")
        return out
    if _is_coded(base) and _is_coded(over):
        out = list(base)
        index = {item["code"]: i for i, item in enumerate(out)}
        keys = frozenset(k for item in base for k in item)
        for item in over:
            i = index.get(item["code"])
            if i is None:
                unknown = set(item) - keys
                if unknown:
                    raise RuleSetError(f"{path.lstrip('.')}[{item['code']}] 有未知的项：{'、'.join(sorted(unknown))}")
                out.append(item)
            else:
                out[i] = merge(out[i], item, f"{path}[{item['code']}]", keys)
        return out
    if isinstance(base, bool) != isinstance(over, bool) or (
            isinstance(base, (int, float)) and not isinstance(over, (int, float))) or (
            isinstance(base, (str, list)) and not isinstance(over, type(base))):
        raise RuleSetError(f"{path.lstrip('.')} 的类型应与原规则一致（原值 {base!r}，新值 {over!r}）")
    return over


# --- the calendar ---------------------------------------------------------------------------------------

@cache
def _library_known(year: int) -> bool:
    import chinese_calendar

    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@cache
def _library_flags(year: int) -> tuple[bool, ...]:
    import chinese_calendar

    start = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - start).days
    known = _library_known(year)
    return tuple(chinese_calendar.is_workday(d) if known else d.weekday() < 5
                 for d in (start + timedelta(days=i) for i in range(days)))


class Calendar:
    """Working-day flags per year: a published arrangement if there is one, else the library's data, else
    Monday–Friday (an estimate). Immutable; flags and prefix sums are computed once per year."""

    def __init__(self, published: Mapping[int, YearArrangement] | None = None,
                 sources: Mapping[int, str] | None = None) -> None:
        self._published = dict(published or {})
        self.sources = dict(sources or {})  # year → label of the set that supplied it
        self._flags: dict[int, tuple[bool, ...]] = {}
        self._prefix: dict[int, tuple[int, ...]] = {}

    def known(self, year: int) -> bool:
        return year in self._published or _library_known(year)

    def published_years(self) -> list[int]:
        return sorted(self._published)

    def flags(self, year: int) -> tuple[bool, ...]:
        flags = self._flags.get(year)
        if flags is None:
            arr = self._published.get(year)
            if arr is None:
                flags = _library_flags(year)
            else:
                start = date(year, 1, 1)
                days = (date(year + 1, 1, 1) - start).days
                flags = tuple((d in arr.workdays) or (d.weekday() < 5 and d not in arr.holidays)
                              for d in (start + timedelta(days=i) for i in range(days)))
            self._flags[year] = flags
        return flags

    def prefix(self, year: int) -> tuple[int, ...]:
        p = self._prefix.get(year)
        if p is None:
            p = self._prefix[year] = (0, *accumulate(int(f) for f in self.flags(year)))
        return p


# --- the composed rule set ------------------------------------------------------------------------------

@cache
def shipped_version() -> str:
    """Label of the rules shipped with the install: a digest of the tables' text and of the holiday library's
    version (its data is the shipped calendar), so two installs can be compared."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for name in TABLES:
        h.update((RULES_DIR / f"{name}.toml").read_bytes())
    try:
        h.update(version("chinese-calendar").encode())
    except PackageNotFoundError:  # run from a source tree without the package metadata
        pass
    return f"内置-{h.hexdigest()[:8]}"


@dataclass(eq=False)
class RuleSet:
    """The rules in force: tables, calendar, and the layers they came from. Treat as immutable."""

    layers: tuple[SetInfo, ...] = ()
    overrides: tuple[Mapping[str, Any], ...] = ()
    calendar: Calendar = field(default_factory=Calendar)
    _tables: dict[str, Any] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def version(self) -> str:
        """What a decision records: the shipped tables' label plus each published layer's id@version."""
        return "+".join([shipped_version(), *(i.label for i in self.layers)])

    def table(self, name: str) -> dict[str, Any]:
        """The table ``name`` with every layer's overrides applied (computed once per rule set)."""
        table = self._tables.get(name)
        if table is None:
            table = read_shipped(name)
            for info, over in zip(self.layers, self.overrides, strict=True):
                if name in over:
                    try:
                        table = merge(table, over[name], name)
                    except RuleSetError as exc:
                        raise RuleDataError(f"规则集 {info.label}：{exc}") from None
            self._tables[name] = table
        return table

    def as_of(self, day: date) -> RuleSet:
        """The rules a stage started on ``day`` is held to: each layer's tables count only if the layer was
        already effective that day, or if it declares ``applies_to_running`` (then for every stage still
        running). Same layers (so the same version label) and the same, newest calendar."""
        keep = tuple(bool(over) and (info.effective <= day or info.applies_to_running)
                     for info, over in zip(self.layers, self.overrides, strict=True))
        if all(k or not over for k, over in zip(keep, self.overrides, strict=True)):
            return self
        return self.memo(f"as_of:{keep}", lambda: RuleSet(
            self.layers, tuple(over if k else {} for k, over in zip(keep, self.overrides, strict=True)),
            self.calendar))

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """A value derived from this rule set (e.g. the workflow's edges), built once."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]


def _order(s: PublishedSet) -> tuple[int, date, str, int]:
    # Province first, then the city's overlay; within a level the older effective date first.
    return (len(s.info.prefix), s.info.effective, s.info.set_id, s.info.version)


def compose(sets: Iterable[PublishedSet], area_codes: Iterable[str], today: date) -> RuleSet:
    """The rule set for a laptop whose areas are ``area_codes`` on ``today``: for each set id the newest
    version that applies to those areas. Tables apply from their effective date; a calendar applies as soon
    as the set is known (a year's arrangement is about that year, whenever it is published)."""
    codes = list(area_codes)
    newest: dict[tuple[str, str], PublishedSet] = {}
    for s in sets:
        if not applies_to(s.info, codes):
            continue
        key = (s.info.area, s.info.set_id)
        if key not in newest or newest[key].info.version < s.info.version:
            newest[key] = s
    chosen = sorted(newest.values(), key=_order)
    years: dict[int, YearArrangement] = {}
    sources: dict[int, str] = {}
    layers, overrides = [], []
    for s in chosen:
        tables = s.tables if s.info.effective <= today else {}
        if not s.calendar and not tables:
            continue
        for year, arr in s.calendar.items():
            years[year], sources[year] = arr, s.info.label
        layers.append(s.info)
        overrides.append(tables)
    return RuleSet(tuple(layers), tuple(overrides), Calendar(years, sources))


def compose_checked(sets: Iterable[PublishedSet], area_codes: Iterable[str],
                    today: date) -> tuple[RuleSet, list[tuple[str, str]]]:
    """``compose``, leaving out any set that does not pass ``check`` on top of the ones before it (a set
    kept from an earlier install whose tables changed): the laptop never ends up with rules it cannot run.
    Returns the rule set and the (id@version, reason) of each set left out."""
    codes, kept, left_out = list(area_codes), [], []
    candidates = sorted(sets, key=_order)
    for s in candidates:
        trial = compose([*kept, s], codes, today)
        if trial.layers == compose(kept, codes, today).layers:
            kept.append(s)  # not for these areas, an older version, or not yet effective: nothing to try
            continue
        try:
            check(trial)
        except RuleSetError as exc:
            left_out.append((s.info.label, str(exc)))
            continue
        kept.append(s)
    return compose(kept, codes, today), left_out


def check(rs: RuleSet) -> None:
    """Try every table of ``rs`` against the code that reads it; RuleSetError with the reason if one fails."""
    from app.rules import eligibility, followups, service_package, workflow
    from app.rules.active import using
    from app.rules.facts import PersonFacts
    from app.rules.idcard import make_id

    try:
        with using(rs):
            for name in TABLES:
                rs.table(name)
            workflow.actions()
            workflow.exit_reasons()
            for st in workflow.stages():
                workflow.limit_stage(st.code)  # a limit_of naming no stage
            eligibility.evaluate(PersonFacts(id_number=make_id("140105", date(1980, 1, 1), 1), hukou_in_shanxi=True,
                                             registered_unemployed_on=date(2024, 1, 1)), date(2026, 1, 1))
            for code, _ in eligibility.category_names():
                workflow.materials(code)
            service_package.minimum()
            followups.schedule_after_employment(date(2026, 1, 1))
            rv = rs.table("review")
            int(rv["review"]["visit_workdays"]) + int(rv["dashboard"]["due_soon_workdays"])
    except RuleSetError:
        raise
    except (RuleDataError, workflow.WorkflowError) as exc:
        raise RuleSetError(str(exc)) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RuleSetError(f"规则表内容不完整或类型错误（{type(exc).__name__}: {exc}）") from None


# --- comparing two versions -------------------------------------------------------------------------------

def _flatten(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(v, f"{path}.{k}" if path else k, out)
    elif _is_coded(value):
        for item in value:
            _flatten({k: v for k, v in item.items() if k != "code"}, f"{path}[{item['code']}]", out)
    else:
        out[path] = value


def diff(old: PublishedSet | None, new: PublishedSet) -> list[str]:
    """Chinese lines saying what ``new`` changes compared with ``old`` (None: compared with nothing)."""
    lines: list[str] = []
    if old is not None:
        for name in ("title", "area", "effective", "source", "applies_to_running"):
            a, b = getattr(old.info, name), getattr(new.info, name)
            if a != b:
                lines.append(f"{name}：{a} → {b}")
    if old is None and new.info.applies_to_running:
        lines.append("applies_to_running：改动的办理时限也适用于生效日已在办的环节")
    for year in sorted(set(new.calendar) | set(old.calendar if old else {})):
        a = old.calendar.get(year) if old else None
        b = new.calendar.get(year)
        for what, attr in (("放假", "holidays"), ("调休上班", "workdays")):
            before = getattr(a, attr) if a else frozenset()
            after = getattr(b, attr) if b else frozenset()
            if after - before:
                lines.append(f"{year} 年新增{what}：{'、'.join(d.isoformat() for d in sorted(after - before))}")
            if before - after:
                lines.append(f"{year} 年取消{what}：{'、'.join(d.isoformat() for d in sorted(before - after))}")
    a_flat: dict[str, Any] = {}
    b_flat: dict[str, Any] = {}
    _flatten(dict(old.tables) if old else {}, "", a_flat)
    _flatten(dict(new.tables), "", b_flat)
    shipped: dict[str, Any] = {}
    for name in set(new.tables) | set(old.tables if old else {}):
        _flatten({name: read_shipped(name)}, "", shipped)
    for key in sorted(set(a_flat) | set(b_flat)):
        before = a_flat.get(key, shipped.get(key, "（无）"))
        after = b_flat.get(key, shipped.get(key, "（无）"))
        if before != after:
            lines.append(f"{key}：{before!r} → {after!r}")
    return lines
