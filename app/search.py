"""Find a person in a keystroke: an in-memory index over every live person (no Qt).

Built once after unlock from one pass over the person table (plus case and service aggregates for the
filters), then kept current from change notifications. A query is matched by what it looks like:

* digits (and ``x``) → ID number or phone digits;
* latin letters      → pinyin initials (``zs`` → 张三) or full pinyin (``zhangs``);
* anything else      → the name itself.

Results are ranked exact match → prefix → contains (a single letter or digit matches prefixes only: one
character anywhere in an ID number is noise). Exact and prefix matches come from binary search over
per-field sorted permutations, so even a query that matches every row (``1401…`` on ID numbers) costs one
linear pass at most; the pass is a list comprehension over one short string per row. When a column sort is
chosen, the pass runs over that column's permutation instead, so the result comes out already sorted.

Results are row numbers; ``PersonIndex.ids[row]`` is the record id. The index never holds anything the
list does not need for matching, sorting or filtering: display columns are fetched by id, a page at a time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from threading import Event
from typing import Any

from app.rules import workflow

# Stages after which a case no longer has a running time limit.
TERMINAL_STAGES = workflow.terminal_stages()
# Stages in which a person is an assistance recipient, so the minimum service package applies.
PACKAGE_STAGES = frozenset(workflow.assisted_stages())
DUE_SOON_WORKDAYS = 3
_CHUNK = 20000  # rows read per lock hold while building, so the GUI thread never waits long
_TOP = "\U0010ffff"
# Shortest query matched inside a field (shorter ones match prefixes only): two digits anywhere in an ID
# number or phone are noise, four (a phone's or ID's last digits) are how people look someone up.
MIN_CONTAINS = {"digits": 4, "latin": 3, "name": 1}

# Sort keys a list column may use; "relevance" ranks by match quality (the default).
SORT_FIELDS = ("pinyin", "name", "id_number", "phone", "area", "status", "category", "stage", "due_on", "package")


def normalize(text: str) -> str:
    """Full-width to ASCII (a Chinese IME types １３８), lower case, no spaces or dashes."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(c for c in text if c not in " \t-_")


def query_mode(q: str) -> str:
    if any(c.isdigit() for c in q) and all(c.isdigit() or c == "x" for c in q):
        return "digits"
    if q.isascii() and q.isalpha():
        return "latin"
    return "name"


@dataclass(frozen=True)
class Filters:
    community: str | None = None  # area code of a community
    category: str | None = None  # assistance_case.category
    stage: str | None = None  # assistance_case.stage
    due: str | None = None  # "soon" (due within DUE_SOON_WORKDAYS working days) | "overdue"
    incomplete_package: bool = False

    @property
    def active(self) -> bool:
        return bool(self.community or self.category or self.stage or self.due or self.incomplete_package)


class SearchResult(Sequence[int]):
    """Matching row numbers in display order, plus how many were exact matches."""

    def __init__(self, index: PersonIndex, rows: Sequence[int], exact: int = 0) -> None:
        self.index = index
        self.rows = rows
        self.exact = exact

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):  # noqa: ANN001, ANN204 - Sequence protocol
        return self.rows[i]

    def __iter__(self) -> Iterator[int]:
        return iter(self.rows)

    @property
    def ids(self) -> IdView:
        return IdView(self.index.ids, self.rows)


class IdView(Sequence[str]):
    """Record ids of result rows without copying 100 000 strings per keystroke."""

    def __init__(self, ids: list[str], rows: Sequence[int]) -> None:
        self._ids, self._rows = ids, rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i):  # noqa: ANN001, ANN204
        if isinstance(i, slice):
            return [self._ids[r] for r in self._rows[i]]
        return self._ids[self._rows[i]]


_SEP = "\x01"


class PackedIds(Sequence[str]):
    """Record ids by row. Client-made ids are UUIDs: packed as 16 bytes each they cost 1.6 MB for 100 000
    persons, where a list of strings (plus a dict to find them) costs over 15 MB. Anything that is not a
    UUID is kept as a string on the side."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self.packed = bytearray()
        self.other: dict[int, str] = {}
        self.n = 0
        for rid in ids:
            self.append(rid)

    @staticmethod
    def _pack(rid: str) -> bytes | None:
        if len(rid) == 36 and rid[8] == rid[13] == rid[18] == rid[23] == "-" and rid == rid.lower():
            try:
                return bytes.fromhex(rid.replace("-", ""))
            except ValueError:
                return None
        return None

    def append(self, rid: str) -> None:
        b = self._pack(rid)
        if b is None:
            self.other[self.n] = rid
            b = bytes(16)
        self.packed += b
        self.n += 1

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):  # noqa: ANN001, ANN204
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        if i in self.other:
            return self.other[i]
        h = self.packed[16 * i:16 * i + 16].hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def __iter__(self) -> Iterator[str]:
        for i in range(self.n):
            yield self[i]

    def rows_of(self, rid: str) -> list[int]:
        """Every row holding ``rid`` (a revived record may have a dead older row)."""
        b = self._pack(rid)
        if b is None:
            return [r for r, v in self.other.items() if v == rid]
        out, i = [], self.packed.find(b)
        while i >= 0:
            if i % 16 == 0:
                out.append(i // 16)
            i = self.packed.find(b, i + 1)
        return out


def _before(s: str) -> str:
    return s.partition(_SEP)[0]


def _after(s: str) -> str:
    return s.partition(_SEP)[2]


@dataclass
class PersonIndex:
    """Column lists indexed by row number; rows are stored in pinyin order, so the default order is a
    sequential walk. ID number and phone share one string per row (``id\x01phone``), as do initials and
    pinyin, which is both the haystack a query scans and the key the sorted permutations use."""

    today: dt.date = field(default_factory=dt.date.today)
    ids: PackedIds = field(default_factory=PackedIds)
    name: list[str] = field(default_factory=list)
    digits: list[str] = field(default_factory=list)  # "<id number lower-cased>\x01<phone>"
    latin: list[str] = field(default_factory=list)  # "<initials>\x01<full pinyin>"
    area: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    stage: list[str] = field(default_factory=list)
    due_on: list[str] = field(default_factory=list)  # ISO date of a running case's time limit, or ""
    package: list[int] = field(default_factory=list)  # missing services of the minimum package (-1: n/a)
    alive: bytearray = field(default_factory=bytearray)

    def __post_init__(self) -> None:
        self._rowints: list[int] = list(range(len(self.ids)))  # shared ints: a permutation costs 8 B/row
        self._perms: dict[str, list[int]] = {}
        self._allowed_cache: tuple[Filters, set[int] | None] | None = None
        self._tail_cache: dict[str, tuple[str, array]] = {}
        self._short_cache: dict[str, tuple[list[int], list[int]]] = {}
        self._interned: dict[str, str] = {}
        # True until an update appends or renames a row: then walk the pinyin permutation instead.
        self._stored_in_pinyin_order = True

    # --- building -----------------------------------------------------------------------------------
    _COLUMNS = ("id, coalesce(name, ''), lower(coalesce(id_number, '')) || char(1) || coalesce(phone, ''), "
                "lower(coalesce(name_initials, '')) || char(1) || lower(coalesce(name_pinyin, '')), "
                "coalesce(area_code, ''), coalesce(employment_status, '')")

    @classmethod
    def build(cls, records: Any, *, today: dt.date | None = None, cancel: Event | None = None,
              progress: Callable[[int, int], None] | None = None) -> PersonIndex | None:
        """Read every live person from ``records`` (app.store.records.Records). None when cancelled."""
        with _small_cache(records):
            return cls._build(records, today, cancel, progress)

    @classmethod
    def _build(cls, records: Any, today: dt.date | None, cancel: Event | None,
               progress: Callable[[int, int], None] | None) -> PersonIndex | None:
        rows: list[tuple] = []
        last = 0
        while True:
            with records.reading() as conn:
                cur = conn.connection.cursor()  # the DBAPI cursor: no per-row SQLAlchemy work
                try:
                    chunk = cur.execute(f"SELECT rowid, deleted, {cls._COLUMNS} FROM person WHERE rowid > ? "
                                        f"ORDER BY rowid LIMIT ?", (last, _CHUNK)).fetchall()
                finally:
                    cur.close()
            if not chunk:
                break
            last = chunk[-1][0]
            rows += [r[1:] for r in chunk if not r[1]]
            if cancel is not None and cancel.is_set():
                return None
            if progress:
                progress(len(rows), 0)
        rows.sort(key=lambda r: _after(r[4]))
        idx = cls.from_rows([r[1:] for r in rows], today=today)
        del rows
        with records.reading() as conn:
            cur = conn.connection.cursor()
            try:
                cases = cur.execute(
                    "SELECT person_id, category, stage, due_on FROM assistance_case WHERE deleted = 0 "
                    "ORDER BY stage_started_on").fetchall()
                services = cur.execute(
                    "SELECT person_id, kind, count(*) FROM service WHERE deleted = 0 GROUP BY person_id, kind"
                ).fetchall()
            finally:
                cur.close()
        idx._apply_cases(cases, services)
        if cancel is not None and cancel.is_set():
            return None
        idx.prepare()
        return idx

    @classmethod
    def from_rows(cls, rows: list[tuple], today: dt.date | None = None) -> PersonIndex:
        """Rows of (id, name, digits, latin, area, status) as ``_COLUMNS`` selects them."""
        n = len(rows)
        cols = list(zip(*rows, strict=True)) if rows else [()] * 6
        interned: dict[str, str] = {}
        idx = cls(today=today or dt.date.today(), ids=PackedIds(cols[0]), name=list(cols[1]), digits=list(cols[2]),
                  latin=list(cols[3]), area=[interned.setdefault(a, a) for a in cols[4]],
                  status=[interned.setdefault(a, a) for a in cols[5]], category=[""] * n, stage=[""] * n,
                  due_on=[""] * n, package=[-1] * n, alive=bytearray(b"\x01" * n))
        idx._interned = interned
        return idx

    def _intern(self, s: str | None) -> str:
        s = s or ""
        return self._interned.setdefault(s, s)

    def _append(self, p: dict[str, Any]) -> int:
        row = len(self.ids)
        self.ids.append(p["id"])
        for col in (self.name, self.digits, self.latin, self.area, self.status, self.category, self.stage,
                    self.due_on):
            col.append("")
        self.package.append(-1)
        self.alive.append(1)
        self._rowints.append(row)
        self._set(row, p)
        return row

    def _set(self, row: int, p: dict[str, Any]) -> None:
        self.name[row] = p.get("name") or ""
        self.digits[row] = f"{(p.get('id_number') or '').lower()}{_SEP}{p.get('phone') or ''}"
        self.latin[row] = f"{(p.get('name_initials') or '').lower()}{_SEP}{(p.get('name_pinyin') or '').lower()}"
        self.area[row] = self._intern(p.get("area_code"))
        self.status[row] = self._intern(p.get("employment_status"))

    def _apply_cases(self, cases: Iterable[Sequence[Any]], services: Iterable[Sequence[Any]],
                     only: set[int] | None = None) -> None:
        """Case columns from (person_id, category, stage, due_on) in ascending start order; the last
        running case wins over any exited one. Service counts from (person_id, kind, count)."""
        from app.rules.service_package import minimum

        if only is None:  # a whole build: one temporary map (rows are looked up one by one otherwise)
            row_of: dict[str, int] = dict(zip(self.ids, self._rowints, strict=True))
        else:
            row_of = {self.ids[r]: r for r in only}
        chosen: dict[int, tuple[str, str, str]] = {}
        for pid, category, stage, due_on in cases:
            row = row_of.get(pid)
            if row is None:
                continue
            prev = chosen.get(row)
            if prev is None or prev[1] in TERMINAL_STAGES or stage not in TERMINAL_STAGES:
                chosen[row] = (category or "", stage or "", str(due_on or ""))
        counts: dict[int, dict[str, int]] = {}
        for pid, kind, n in services:
            row = row_of.get(pid)
            if row is not None:
                counts.setdefault(row, {})[kind] = int(n)
        mins = minimum()
        for row in (only if only is not None else chosen.keys() | counts.keys()):
            category, stage, due_on = chosen.get(row, ("", "", ""))
            self.category[row] = self._intern(category)
            self.stage[row] = self._intern(stage)
            self.due_on[row] = due_on if stage and stage not in TERMINAL_STAGES else ""
            if stage in PACKAGE_STAGES:
                have = counts.get(row, {})
                self.package[row] = sum(max(0, n - have.get(k, 0)) for k, n in mins.items())
            else:
                self.package[row] = -1

    def prepare(self) -> None:
        """Build the permutations and haystacks a search needs (done off the GUI thread)."""
        for f in ("pinyin", "name", "initials", "id_number", "phone"):  # column sorts are built on first use
            self._perm(f)
        for mode in self._MODE_FIELDS:
            self._tails(mode)
        for c in "0123456789abcdefghijklmnopqrstuvwxyz":  # the first keystroke: the broadest queries
            self._ranked(c)

    # --- permutations -------------------------------------------------------------------------------
    def _field(self, f: str) -> Callable[[int], str]:
        """row → value of a searchable text field."""
        if f == "name":
            return self.name.__getitem__
        col = self.latin if f in ("initials", "pinyin") else self.digits
        if f in ("initials", "id_number"):
            return lambda r: col[r].partition(_SEP)[0]
        return lambda r: col[r].partition(_SEP)[2]

    def _sort_key(self, f: str) -> Callable[[int], Any]:
        if f in ("pinyin", "name", "initials", "id_number", "phone"):
            return self._field(f)
        latin = self.latin
        col = getattr(self, f)
        if f == "due_on":
            return lambda r: (col[r] or "9999", _after(latin[r]))
        return lambda r: (col[r], _after(latin[r]))

    def _perm(self, f: str) -> list[int]:
        """Live rows ordered by field ``f`` (built lazily, kept current by ``update``)."""
        perm = self._perms.get(f)
        if perm is None:
            rows = self._rowints if all(self.alive) else [r for r in self._rowints if self.alive[r]]
            # Keys computed by one comprehension (or read straight from a column) sort far faster than a
            # Python key call per row.
            if f in ("initials", "id_number", "phone", "pinyin"):
                col = self.latin if f in ("initials", "pinyin") else self.digits
                i = 0 if f in ("initials", "id_number") else 2
                keys = [v.partition(_SEP)[i] for v in col]
                perm = sorted(rows, key=keys.__getitem__)
            elif f == "name":
                perm = sorted(rows, key=self.name.__getitem__)
            else:
                # Stable sort of the pinyin order: ties stay in pinyin order, as ``_sort_key`` says.
                col = [v or "9999" for v in self.due_on] if f == "due_on" else getattr(self, f)
                perm = sorted(self._perm("pinyin"), key=col.__getitem__)
            self._perms[f] = perm
        return perm

    def __len__(self) -> int:
        return len(self._perm("pinyin"))

    # --- searching ----------------------------------------------------------------------------------
    def _allowed(self, filters: Filters | None) -> set[int] | None:
        if filters is None or not filters.active:
            return None
        if self._allowed_cache and self._allowed_cache[0] == filters:
            return self._allowed_cache[1]
        rows: Iterable[int] = self._perm("pinyin")
        if filters.community:
            area = self.area
            rows = [r for r in rows if area[r] == filters.community]
        if filters.category:
            cat = self.category
            rows = [r for r in rows if cat[r] == filters.category]
        if filters.stage:
            stage = self.stage
            rows = [r for r in rows if stage[r] == filters.stage]
        if filters.due:
            today = self.today.isoformat()
            due = self.due_on
            if filters.due == "overdue":
                rows = [r for r in rows if due[r] and due[r] < today]
            else:
                from app.rules.workdays import add_workdays

                limit = add_workdays(self.today, DUE_SOON_WORKDAYS).isoformat()
                rows = [r for r in rows if due[r] and today <= due[r] <= limit]
        if filters.incomplete_package:
            pkg = self.package
            rows = [r for r in rows if pkg[r] > 0]
        allowed = set(rows)
        self._allowed_cache = (filters, allowed)
        return allowed

    _MODE_FIELDS = {"digits": ("id_number", "phone"), "latin": ("initials", "pinyin"), "name": ("name",)}

    def search(self, text: str, filters: Filters | None = None, sort: str | None = None,
               descending: bool = False, limit: int | None = None) -> SearchResult:
        """Rows matching ``text`` under ``filters``; ``sort`` None ranks by relevance (then pinyin)."""
        q = normalize(text)
        allowed = self._allowed(filters)
        if not q:
            base = self._perm(sort or "pinyin")
            rows = base if allowed is None else [r for r in base if r in allowed]
            return self._finish(rows, 0, descending, limit)
        ranked, top = self._ranked(q)
        if allowed is not None:
            ranked = [r for r in ranked if r in allowed]
            top = [r for r in top if r in allowed]
        if sort is None:
            return self._finish(ranked, len(top), descending, limit)
        # A column sort replaces relevance: order the matches by that column.
        perm = self._perm(sort)
        if len(ranked) * 16 > len(perm):
            matched = set(ranked)
            rows = [r for r in perm if r in matched]
        else:
            rows = sorted(ranked, key=self._sort_key(sort))
        return self._finish(rows, 0, descending, limit)

    def _ranked(self, q: str) -> tuple[list[int], list[int]]:
        """(all matches ranked, the exact ones) for a normalized query, before filters."""
        short = len(q) == 1
        if short and q in self._short_cache:
            # One character matches most of the list: computed once (36 of them), until the next change.
            return self._short_cache[q]
        mode = query_mode(q)
        fields = self._MODE_FIELDS[mode]
        # Exact and prefix matches by binary search over each field's sorted permutation.
        exact: list[list[int]] = []
        prefix: list[list[int]] = []
        getters = [self._field(f) for f in fields]
        for f, key in zip(fields, getters, strict=True):
            perm = self._perm(f)
            lo = bisect.bisect_left(perm, q, key=key)
            mid = bisect.bisect_right(perm, q, lo=lo, key=key)
            hi = bisect.bisect_left(perm, q + _TOP, lo=mid, key=key)
            exact.append(perm[lo:mid])
            prefix.append(perm[mid:hi])
        top = _union(exact)
        ranked = list(top)
        topset = set(top)
        for i, rows in enumerate(prefix):
            if topset and not topset.isdisjoint(rows):
                rows = [r for r in rows if r not in topset]
            earlier = prefix[:i]
            if earlier and rows:
                # Drop rows an earlier field already matched. Testing that field directly is cheap when this
                # list is short next to theirs (ID numbers all start 14…, few phones do); else use a set.
                if len(rows) * 8 < sum(map(len, earlier)):
                    prev = getters[:i]
                    rows = [r for r in rows if not any(g(r).startswith(q) for g in prev)]
                else:
                    seen = set().union(*earlier)
                    rows = [r for r in rows if r not in seen]
            ranked += rows
        if len(q) >= MIN_CONTAINS[mode]:
            ranked = ranked + self._contains_only(q, mode)
        if short:
            self._short_cache[q] = (ranked, top)
        return ranked, top

    def _tails(self, mode: str) -> tuple[str, array]:
        """The column as one string with each field's first character cut off, and each row's offset in it.

        A hit in it is exactly a hit that does not start a field (prefix hits come from the permutations),
        and ``str.find`` scans it in C; only the hits themselves cost Python work.
        """
        got = self._tail_cache.get(mode)
        if got is None:
            col = getattr(self, mode)
            if mode == "name":
                parts = [v[1:] for v in col]
            else:
                parts = [f"{a[1:]}{_SEP}{b[1:]}" for a, _, b in (v.partition(_SEP) for v in col)]
            starts = array("q", itertools.accumulate((len(x) + 1 for x in parts), initial=0))
            got = self._tail_cache[mode] = ("\n".join(parts), starts)
        return got

    def _contains_only(self, q: str, mode: str) -> list[int]:
        """Live rows where ``q`` occurs inside a field but starts none of them, in stored order."""
        text, starts = self._tails(mode)
        getters = [self._field(f) for f in self._MODE_FIELDS[mode]]
        alive, find, nrows = self.alive, text.find, len(starts) - 1
        rows: list[int] = []
        i = find(q)
        while i >= 0:
            r = bisect.bisect_right(starts, i) - 1
            if alive[r] and not any(g(r).startswith(q) for g in getters):
                rows.append(r)
            if r + 1 >= nrows:
                break
            i = find(q, starts[r + 1])  # one hit per row is enough
        return rows

    def _finish(self, rows: list[int], exact: int, descending: bool, limit: int | None) -> SearchResult:
        if descending:
            rows = rows[::-1]
        if limit is not None:
            rows = rows[:limit]
        return SearchResult(self, rows, exact)

    # --- keeping current ----------------------------------------------------------------------------
    def update(self, people: Iterable[dict[str, Any]], cases: Iterable[Sequence[Any]] = (),
               services: Iterable[Sequence[Any]] = (), gone: Iterable[str] = ()) -> None:
        """Apply changed persons (dicts with the person columns; ``deleted`` true removes), and the
        case/service rows of the persons in ``people`` (as ``build`` reads them)."""
        touched: set[int] = set()
        self._tail_cache.clear()
        self._short_cache.clear()
        self._allowed_cache = None
        for rid in gone:
            self._remove(rid)
        for p in people:
            rid = p["id"]
            if p.get("deleted"):
                self._remove(rid)
                continue
            row = self.row_of(rid)
            if row is not None:
                self._unsort(row)
                old = self.latin[row]
                self._set(row, p)
                if self.latin[row] != old:
                    self._stored_in_pinyin_order = False
            else:
                row = self._append(p)  # new, or a revived tombstone (its old row stays dead)
                self._stored_in_pinyin_order = False
            touched.add(row)
        if touched:
            self._apply_cases(cases, services, only=touched)
            for row in touched:
                self._resort(row)

    def row_of(self, rid: str) -> int | None:
        """The live row of a record id, or None."""
        return next((r for r in self.ids.rows_of(rid) if self.alive[r]), None)

    def _remove(self, rid: str) -> None:
        row = self.row_of(rid)
        if row is None:
            return
        self._unsort(row)
        self.alive[row] = 0

    def _unsort(self, row: int) -> None:
        for f, perm in self._perms.items():
            key = self._sort_key(f)
            i = bisect.bisect_left(perm, key(row), key=key)
            while perm[i] != row:  # equal keys: walk to this row
                i += 1
            del perm[i]

    def _resort(self, row: int) -> None:
        for f, perm in self._perms.items():
            bisect.insort(perm, self._rowints[row], key=self._sort_key(f))


@contextmanager
def _small_cache(records: Any) -> Iterator[None]:
    """Scan with a small page cache: a one-off read of whole tables would otherwise fill the store's large
    cache (tens of MB of decrypted pages) with rows nobody reads again, and evict what views do read."""
    with records.reading() as conn:
        cur = conn.connection.cursor()
        before = cur.execute("PRAGMA cache_size").fetchone()[0]
        cur.execute("PRAGMA cache_size = -4096")
        cur.close()
    try:
        yield
    finally:
        with records.reading() as conn:
            cur = conn.connection.cursor()
            cur.execute(f"PRAGMA cache_size = {int(before)}")
            cur.close()
        _trim()


def _trim() -> None:
    """Hand freed heap pages back to the OS (glibc keeps them otherwise, and RSS stays high)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _union(lists: list[list[int]]) -> list[int]:
    """Concatenate row lists, dropping repeats, keeping first-seen order."""
    lists = [x for x in lists if x]
    if not lists:
        return []
    if len(lists) == 1:
        return lists[0]
    seen = set(lists[0])
    out = list(lists[0])
    for x in lists[1:]:
        add = [r for r in x if r not in seen]
        seen.update(add)
        out += add
    return out


def people_of(records: Any, kind: str, ids: Iterable[str]) -> set[str]:
    """The person ids that records of ``kind`` (a case, a service …) belong to."""
    ids, out = list(ids), set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        with records.reading() as conn:
            out.update(r[0] for r in conn.exec_driver_sql(
                f"SELECT person_id FROM {kind} WHERE id IN ({','.join('?' * len(chunk))})", tuple(chunk)) if r[0])
    return out


def read_people(records: Any, ids: Iterable[str]) -> tuple[list[dict[str, Any]], list[tuple], list[tuple]]:
    """The person, case and service rows ``PersonIndex.update`` needs for these person ids."""
    ids = list(ids)
    people: list[dict[str, Any]] = []
    cases: list[tuple] = []
    services: list[tuple] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        with records.reading() as conn:
            res = conn.exec_driver_sql(
                f"SELECT id, name, name_pinyin, name_initials, id_number, phone, area_code, household_id, "
                f"employment_status, deleted FROM person WHERE id IN ({marks})", tuple(chunk))
            people += [dict(r._mapping) for r in res]
            cases += [tuple(r) for r in conn.exec_driver_sql(
                f"SELECT person_id, category, stage, due_on FROM assistance_case WHERE deleted = 0 "
                f"AND person_id IN ({marks}) ORDER BY stage_started_on", tuple(chunk))]
            services += [tuple(r) for r in conn.exec_driver_sql(
                f"SELECT person_id, kind, count(*) FROM service WHERE deleted = 0 AND person_id IN ({marks}) "
                f"GROUP BY person_id, kind", tuple(chunk))]
    return people, cases, services
