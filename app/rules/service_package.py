"""Service kinds and the minimum service package per assisted person (最低服务包)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from app.rules._data import RuleDataError, load


@dataclass(frozen=True, slots=True)
class ServiceKind:
    code: str
    name_zh: str
    short_zh: str


@dataclass(frozen=True, slots=True)
class Requirement:
    service: str
    name_zh: str
    done: int
    required: int

    @property
    def met(self) -> bool:
        return self.done >= self.required

    @property
    def missing(self) -> int:
        return max(0, self.required - self.done)


@dataclass(frozen=True, slots=True)
class PackageProgress:
    requirements: tuple[Requirement, ...]

    @property
    def complete(self) -> bool:
        return all(r.met for r in self.requirements)

    @property
    def missing_text(self) -> str:
        """E.g. "还差岗位推荐 2 次、职业指导 1 次"; empty when complete."""
        parts = [f"{r.name_zh} {r.missing} 次" for r in self.requirements if r.missing]
        return "还差" + "、".join(parts) if parts else ""

    @property
    def text_zh(self) -> str:
        return self.missing_text or "最低服务包已完成"


def service_kinds() -> list[ServiceKind]:
    return [ServiceKind(s["code"], s["name_zh"], s["short_zh"]) for s in load("service_package")["service"]]


def _kind_map() -> dict[str, ServiceKind]:
    return {k.code: k for k in service_kinds()}


def minimum() -> dict[str, int]:
    """Service code -> minimum count, in data order."""
    mins = load("service_package")["minimum"]
    unknown = mins.keys() - _kind_map().keys()
    if unknown:
        raise RuleDataError(f"service_package.toml 最低服务包引用了未定义的服务类型：{sorted(unknown)}")
    return dict(mins)


def package_progress(service_kinds: Iterable[str]) -> PackageProgress:
    """Progress against the minimum package, from the codes of the services given so far.

    Unknown codes raise ValueError rather than being ignored, so bad data is noticed.
    """
    kinds = _kind_map()
    counts = Counter(service_kinds)
    unknown = counts.keys() - kinds.keys()
    if unknown:
        raise ValueError(f"未知服务类型：{'、'.join(sorted(unknown))}")
    return PackageProgress(
        tuple(Requirement(code, kinds[code].short_zh, counts[code], n) for code, n in minimum().items())
    )


def compliance(progresses: Iterable[PackageProgress]) -> tuple[int, int, float]:
    """(complete count, total, ratio) for an area; ratio is 0.0 when there is nobody."""
    total = done = 0
    for p in progresses:
        total += 1
        done += p.complete
    return done, total, (done / total if total else 0.0)


def results() -> dict[str, str]:
    """Outcomes of a service (code → Chinese text, which is what a service record stores)."""
    return dict(load("service_package")["results"])


def refused_text() -> str:
    """The stored result that counts toward 无正当理由拒绝服务."""
    return results()["refused"]


def channels() -> dict[str, str]:
    """How a service was given (code → Chinese): at a visit, by phone, at the office, by a confirmed push."""
    return dict(load("service_package")["channels"])
