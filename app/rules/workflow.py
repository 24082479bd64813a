"""The certification workflow 申请→审核→认定→帮扶→退出 as a data-driven state machine.

Stages, actions, roles, limits, exit reasons, materials and validity live in
resources/rules/workflow.toml and materials.toml. Everything here is a pure function of those
tables, the current stage and dates; persistence belongs to the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.rules._data import RuleDataError, load
from app.rules._dates import add_years
from app.rules.active import current as rules_in_force
from app.rules.workdays import (
    Deadline,
    add_workdays,
    deadline_info,
    estimate_note,
    unknown_years,
    workdays_between,
)


class WorkflowError(ValueError):
    """An action cannot be applied; ``str(err)`` is a Chinese message for the user."""


@dataclass(frozen=True, slots=True)
class Stage:
    code: str
    name_zh: str
    step: str  # 申请 / 审核 / 认定 / 帮扶 / 退出
    responsible: str  # role code
    limit_workdays: int | None  # must be done within N working days
    min_workdays: int | None  # must last at least N working days (公示)
    certified: bool = False  # the certification holds (service package, household's one certification)
    closed: bool = False  # the case is over (no deadline; a new application may start)


@dataclass(frozen=True, slots=True)
class Action:
    """One edge of the state machine: ``code`` from ``from_stage`` to ``to_stage``."""

    code: str
    name_zh: str
    from_stage: str
    to_stage: str
    roles: tuple[str, ...]
    needs_note: bool = False
    needs_exit_reason: bool = False
    checks_min_duration: bool = False  # the source stage's min_workdays must have passed
    needs_materials: bool = False  # every required material must be in hand (checked by the caller)
    needs_evidence: bool = False  # the exit reason's evidence must be given (see ExitReason.evidence)
    back_to_previous: bool = False  # goes back to the stage the case left (``to_stage`` when unknown)


@dataclass(frozen=True, slots=True)
class ExitReason:
    code: str
    name_zh: str
    needs_note: bool = False
    # Alternative sets of evidence fields; filling every field of one set is enough (empty: none asked).
    evidence: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Material:
    code: str
    name_zh: str
    category_proof: bool  # True for the category-specific proof documents


@dataclass(frozen=True, slots=True)
class Transition:
    action: str
    from_stage: str
    to_stage: str
    stage_started_on: date
    due_on: date | None  # limit of the new stage (None when it has no limit)
    earliest_next_on: date | None  # for a minimum-duration stage (公示): first day it may end
    estimated: bool  # due/earliest date used the Mon–Fri fallback calendar
    note: str  # the user's note/comment
    exit_reason: str | None = None
    calendar_note: str = ""  # Chinese note when estimated
    rules_version: str = ""  # the rule set that computed the dates (RuleSet.version)


def _wf() -> dict[str, Any]:
    return load("workflow")


def _stages() -> dict[str, Stage]:
    return rules_in_force().memo("workflow.stages", _build_stages)


def _actions() -> tuple[Action, ...]:
    return rules_in_force().memo("workflow.actions", _build_actions)


def _build_stages() -> dict[str, Stage]:
    return {
        s["code"]: Stage(
            s["code"],
            s["name_zh"],
            s["step"],
            s["responsible"],
            s.get("limit_workdays"),
            s.get("min_workdays"),
            bool(s.get("certified")),
            bool(s.get("closed")),
        )
        for s in _wf()["stage"]
    }


# --- stage groups: derived from the flags in workflow.toml, defined nowhere else -----------------------
def certified_stages() -> frozenset[str]:
    """Stages in which the certification holds (认定有效): 已认定, 帮扶中."""
    return rules_in_force().memo("workflow.certified", lambda: frozenset(s.code for s in _stages().values() if s.certified))


def closed_stages() -> frozenset[str]:
    """Stages in which the case is over (已办结): 已退出, 未通过."""
    return rules_in_force().memo("workflow.closed", lambda: frozenset(s.code for s in _stages().values() if s.closed))


def open_stages() -> frozenset[str]:
    """Every stage of a case still running (applied through helping)."""
    return frozenset(_stages()) - closed_stages()


def shown_case_replaced(kept_stage: str | None, stage: str | None) -> bool:
    """Reading a person's cases oldest first: whether the case in ``stage`` becomes the one shown instead of
    the kept one. The latest case is shown, except that a running case is never hidden by a closed one."""
    closed = closed_stages()
    return kept_stage is None or kept_stage in closed or stage not in closed


def sql_list(codes: frozenset[str]) -> str:
    """``('a', 'b')`` for an SQL ``IN`` (stage codes are identifiers from workflow.toml, never user input)."""
    return "(" + ", ".join(f"'{c}'" for c in sorted(codes)) + ")"


def _build_actions() -> tuple[Action, ...]:
    stages, roles = _stages(), _wf()["roles"]
    edges = []
    for a in _wf()["action"]:
        for src in a["from"]:
            edge = Action(
                a["code"],
                a["name_zh"],
                src,
                a["to"],
                tuple(a["roles"]),
                a.get("needs_note", False),
                a.get("needs_exit_reason", False),
                a.get("checks_min_duration", False),
                a.get("needs_materials", False),
                a.get("needs_evidence", False),
                a.get("back_to_previous", False),
            )
            unknown = {src, edge.to_stage} - stages.keys() or set(edge.roles) - roles.keys()
            if unknown:
                raise RuleDataError(f"workflow.toml 操作 {edge.code} 引用了未定义的环节/角色：{unknown}")
            edges.append(edge)
    return tuple(edges)


def stages() -> list[Stage]:
    return list(_stages().values())


def stage(code: str) -> Stage:
    try:
        return _stages()[code]
    except KeyError:
        raise WorkflowError(f"未知环节：{code}") from None


def role_name(role: str) -> str:
    return _wf()["roles"].get(role, role)


def actions() -> list[Action]:
    """Every edge of the state machine."""
    return list(_actions())


def allowed_actions(stage: str, role: str) -> list[Action]:
    """Actions ``role`` may take on a case that is in ``stage``."""
    return [a for a in _actions() if a.from_stage == stage and role in a.roles]


def exit_reasons() -> list[ExitReason]:
    return [ExitReason(r["code"], r["name_zh"], r.get("needs_note", False),
                       tuple(tuple(group) for group in r.get("evidence", ())))
            for r in _wf()["exit_reason"]]


def exit_reason(code: str) -> ExitReason:
    for r in exit_reasons():
        if r.code == code:
            return r
    raise WorkflowError(f"无效的退出原因：{code}")


def exit_reason_setting(code: str, key: str) -> Any:
    """A number kept with an exit reason (``refusals`` of refused_service, ``months`` of lost_contact)."""
    for r in _wf()["exit_reason"]:
        if r["code"] == code:
            return r[key]
    raise WorkflowError(f"无效的退出原因：{code}")


def evidence_fields() -> dict[str, str]:
    """Evidence field code → Chinese label; codes ending in ``_on`` are dates."""
    return dict(_wf()["evidence_field"])


def evidence_errors(reason: str, evidence: dict[str, Any]) -> dict[str, str]:
    """Errors (field → Chinese message) for the evidence of an exit proposal; empty when one set is complete."""
    groups = exit_reason(reason).evidence
    if not groups:
        return {}
    labels = evidence_fields()
    errors: dict[str, str] = {}
    for key, value in evidence.items():
        if key.endswith("_on") and value not in (None, ""):
            try:
                date.fromisoformat(str(value)[:10])
            except ValueError:
                errors[key] = f"{labels.get(key, key)}不是有效日期（应为 YYYY-MM-DD）"
    filled = {k for k, v in evidence.items() if v not in (None, "", [], {}) and k not in errors}
    if errors or any(set(g) <= filled for g in groups):
        return errors
    best = max(groups, key=lambda g: (len(set(g) & filled), -groups.index(g)))
    missing = "、".join(labels.get(k, k) for k in best if k not in filled)
    alternatives = "；或填写" + "，或".join("、".join(labels.get(k, k) for k in g) for g in groups if g != best)
    return {"evidence": f"退出原因「{exit_reason(reason).name_zh}」须填写{missing}"
                        + (alternatives if len(groups) > 1 else "")}


def exit_pending_stages() -> frozenset[str]:
    """Stages an exit proposal leads to (退出待审): still certified until the decision."""
    return rules_in_force().memo("workflow.exit_pending",
                                 lambda: frozenset(a.to_stage for a in _actions() if a.needs_evidence))


def _find_edge(stage_code: str, action: str, role: str) -> Action:
    current = stage(stage_code)
    edges = [a for a in _actions() if a.code == action]
    if not edges:
        raise WorkflowError(f"未知操作：{action}")
    here = [a for a in edges if a.from_stage == stage_code]
    if not here:
        raise WorkflowError(f"「{current.name_zh}」环节不能执行「{edges[0].name_zh}」")
    for edge in here:
        if role in edge.roles:
            return edge
    raise WorkflowError(f"{role_name(role)}无权在「{current.name_zh}」环节执行「{here[0].name_zh}」")


def apply_action(
    stage: str,
    action: str,
    role: str,
    today: date,
    exit_reason: str | None = None,
    note: str = "",
    publicity_started_on: date | None = None,
    previous_stage: str | None = None,
    evidence: dict[str, Any] | None = None,
) -> Transition:
    """Check and compute one step; raises WorkflowError with a Chinese message.

    ``publicity_started_on`` is required for an action that ends a minimum-duration stage (公示);
    ``previous_stage`` is where a back-to-previous action returns (the stage an exit was proposed from);
    ``evidence`` is checked against the exit reason for an action that needs it.
    """
    edge = _find_edge(stage, action, role)
    current = _stages()[stage]
    note = note.strip()
    estimated_years: list[int] = []
    if edge.checks_min_duration and current.min_workdays is not None:
        if publicity_started_on is None:
            raise WorkflowError(f"请提供{current.name_zh}开始日期")
        done = workdays_between(publicity_started_on, today)
        if done < current.min_workdays:
            earliest = add_workdays(publicity_started_on, current.min_workdays)
            name = current.name_zh
            raise WorkflowError(
                f"{name}未满{current.min_workdays}个工作日（已{name} {max(done, 0)} 个工作日，"
                f"{earliest.isoformat()} 起可结束）"
            )
        estimated_years += unknown_years(publicity_started_on, today)
    if edge.needs_exit_reason:
        reasons = {r.code: r for r in exit_reasons()}
        if not exit_reason:
            raise WorkflowError("退出须选择退出原因")
        if exit_reason not in reasons:
            raise WorkflowError(f"无效的退出原因：{exit_reason}")
        if reasons[exit_reason].needs_note and not note:
            raise WorkflowError(f"退出原因「{reasons[exit_reason].name_zh}」须填写说明")
    elif exit_reason is not None:
        raise WorkflowError(f"「{edge.name_zh}」不需要退出原因")
    if edge.needs_evidence and exit_reason:
        errors = evidence_errors(exit_reason, evidence or {})
        if errors:
            raise WorkflowError("；".join(errors.values()))
    if edge.needs_note and not note:
        raise WorkflowError(f"「{edge.name_zh}」须填写意见")

    to_stage = edge.to_stage
    if edge.back_to_previous and previous_stage:
        sources = {a.from_stage for a in _actions() if a.to_stage == stage}
        if previous_stage not in sources:
            back = _stages()[previous_stage].name_zh if previous_stage in _stages() else previous_stage
            raise WorkflowError(f"「{current.name_zh}」不能回到「{back}」")
        to_stage = previous_stage
    target = _stages()[to_stage]
    due = add_workdays(today, target.limit_workdays) if target.limit_workdays is not None else None
    earliest = add_workdays(today, target.min_workdays) if target.min_workdays is not None else None
    last = max(d for d in (today, due, earliest) if d is not None)
    estimated_years = sorted(set(estimated_years + unknown_years(today, last)))
    return Transition(
        action=edge.code,
        from_stage=stage,
        to_stage=to_stage,
        stage_started_on=today,
        due_on=due,
        earliest_next_on=earliest,
        estimated=bool(estimated_years),
        note=note,
        exit_reason=exit_reason if edge.needs_exit_reason else None,
        calendar_note=estimate_note(estimated_years),
        rules_version=rules_in_force().version,
    )


def reentry_error(cases: list[dict[str, Any]], registered_unemployed_on: date | None) -> str:
    """Why a person may not apply again now ("" = a new application may start at 已申请).

    ``cases`` are the person's earlier cases (stage, exited_on, exit_reason). One case at a time; after an exit
    the person must have registered as unemployed again after the exit day (workflow.toml [reentry]).
    """
    live = [c for c in cases if c.get("stage") in open_stages()]
    if live:
        return f"该人员已有在办的认定（{stage(live[0]['stage']).name_zh}），不能重复申请"
    exited = [c for c in cases if c.get("stage") == "exited" and c.get("exited_on")]
    if not exited or not _wf()["reentry"]["needs_new_registration"]:
        return ""
    last = max(exited, key=lambda c: c["exited_on"])
    if registered_unemployed_on is None or registered_unemployed_on <= last["exited_on"]:
        reasons = {r.code: r.name_zh for r in exit_reasons()}
        why = reasons.get(last.get("exit_reason") or "", "")
        return (f"该人员已于 {last['exited_on'].isoformat()} 退出（{why}），"
                "须在退出后重新办理失业登记，再申请认定")
    return ""


def limit_stage(stage_code: str) -> Stage | None:
    """The stage whose ``limit_workdays`` a case in ``stage_code`` is held to: its own, or the one named by
    ``limit_of`` (已申请 runs on 社区初审's limit from the application day); None for a stage with no limit."""
    own = stage(stage_code)
    if own.limit_workdays is not None:
        return own
    entry = next((s for s in _wf()["stage"] if s["code"] == stage_code), {})
    other = stage(entry["limit_of"]) if entry.get("limit_of") else None
    return other if other is not None and other.limit_workdays is not None else None


def stage_deadline(stage_code: str, started_on: date, today: date) -> Deadline | None:
    """Deadline of a case sitting in ``stage_code`` since ``started_on``; None if the stage has no limit."""
    s = stage(stage_code)
    if s.limit_workdays is None:
        return None
    return deadline_info(started_on, s.limit_workdays, today)


def materials(category_code: str) -> list[Material]:
    """Documents to collect for an application in the given eligibility category."""
    data = load("materials")
    cat = data.get("category", {}).get(category_code)
    if cat is None:
        raise WorkflowError(f"未知认定类别：{category_code}")
    common = data["common"]
    before = [Material(m["code"], m["name_zh"], False) for m in common if not m.get("after_proof")]
    proof = [Material(m["code"], m["name_zh"], True) for m in cat["proof"]]
    after = [Material(m["code"], m["name_zh"], False) for m in common if m.get("after_proof")]
    return before + proof + after


def registration_deadlines(registered_on: date, today: date | None = None) -> dict[str, Deadline]:
    """失业登记 deadlines: ``handle`` (办结) and ``contact`` (首次联系), both from the registration day."""
    cfg = _wf()["deadlines"]
    today = today or date.today()
    return {
        "handle": deadline_info(registered_on, cfg["registration_handle_workdays"], today),
        "contact": deadline_info(registered_on, cfg["registration_contact_workdays"], today),
    }


def application_deadline(received_on: date, today: date | None = None) -> Deadline:
    """Review deadline for an application pushed by the ministry platform (失业登记申请编号)."""
    limit = _wf()["deadlines"]["pushed_application_workdays"]
    return deadline_info(received_on, limit, today or date.today())


def status_valid_until(certified_on: date) -> date:
    """Last day (inclusive) on which a certification made on ``certified_on`` is valid."""
    return add_years(certified_on, _wf()["validity"]["certified_years"]) - timedelta(days=1)
