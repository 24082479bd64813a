"""《山西省就业困难人员认定情况表》 pre-filled from the person record, with the three review opinion boxes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from sqlalchemy import Connection

from app.printing import data as q
from app.printing.layout import MARGIN, Document, L, Sheet, V, checks
from app.queries.person_detail import current_case
from app.rules import workflow
from app.rules.eligibility import category_names

TITLE = "山西省就业困难人员认定情况表"
SELECTOR = "person"
BLANK_OK = True
LW = 24 * mm
PHOTO_W = 30 * mm


def load(conn: Connection, person_id: str, today: dt.date) -> dict[str, Any]:
    person = q.require(conn, "person", person_id, "人员")
    household, cases, elig = q.person_context(conn, person, today)
    people = q.members(conn, household["id"]) if household else [person]
    return {"person": person, "household": household or {}, "case": current_case(cases), "eligibility": elig,
            "members": people}


def _yes(v: Any) -> str:
    return "是" if v else "否"


def _opinion(s: Sheet, label: str, options: tuple[str, str], signer: str) -> None:
    text = (f"{checks(options)}\n意见：\n\n"
            f"{signer}：　　　　　　　　　（盖章）　　　　　　　年　　月　　日")
    s.row([L(label, LW, size=8.5), V(text, valign="top", size=9)], 25 * mm)


def draw(doc: Document, data: dict[str, Any] | None) -> None:
    p = (data or {}).get("person") or {}
    hh = (data or {}).get("household") or {}
    case = (data or {}).get("case") or {}
    elig = (data or {}).get("eligibility")
    s = Sheet(doc, TITLE, number=f"A-{p['id'][:8].upper()}" if p else "",
              qr=("person", p["id"], int(p["version"])) if p else None, info="填表日期：　　　　年　　月　　日")
    sex, _, birth = q.id_facts(p, doc.today) if p else ("", "", "")
    # Category applied for: the case's, else the first one the rules find met (a person confirms it).
    chosen = case.get("category") or (elig.met_categories[0].code if elig and elig.met_categories else "")

    # Rows beside the photo box are 150 mm wide; the box is drawn over their right edge afterwards.
    top = s.y
    s.row([L("姓名", 20 * mm), V(p.get("name"), 34 * mm), L("性别", 16 * mm), V(sex, 16 * mm, align="center"),
           L("出生年月", 20 * mm), V(birth, 44 * mm, size=8.5)], 9 * mm)
    s.row([L("身份证号码", 20 * mm), V(p.get("id_number"), 66 * mm, size=9.5), L("文化程度", 20 * mm),
           V(p.get("education"), 44 * mm)], 9 * mm)
    hukou = ("山西省（本省户籍）" if p.get("hukou_in_shanxi") else "省外户籍") if p else ""
    s.row([L("户籍", 20 * mm), V(hukou, 66 * mm), L("联系电话", 20 * mm), V(p.get("phone"), 44 * mm)], 9 * mm)
    s.rect(MARGIN + 150 * mm, s.y, PHOTO_W, top - s.y)
    s.text(MARGIN + 150 * mm + PHOTO_W / 2, (top + s.y) / 2 - 1 * mm, "照片", 9, align="center")

    s.row([L("现居住地址", LW), V(hh.get("address"))])
    months = p.get("ui_contribution_months")
    s.row([L("失业登记日期", LW), V(q.d(p.get("registered_unemployed_on")), 40 * mm), L("失业原因", 20 * mm),
           V(p.get("unemployment_reason"), 36 * mm), L("失业保险缴费", 24 * mm),
           V(f"{months} 个月" if months is not None and p else "　　个月")])
    s.row([L("劳动能力", LW), V(("有" if p.get("able_to_work") is not False else "无") if p else "", 40 * mm),
           L("就业意愿", 20 * mm), V(("有" if p.get("willing_to_work") is not False else "无") if p else "", 36 * mm),
           L("原单位性质", 24 * mm),
           V(("国有/集体企业" if p.get("state_or_collective_enterprise") else "其他") if p else "")])
    names = dict(category_names())
    cats = checks([n for _, n in category_names()], {names.get(chosen, "")})
    other = f"（{case['other_category_note']}）" if case.get("other_category_note") else ""
    s.row([L("申请认定类别", LW), V(cats + other, size=8.5)], 12 * mm)
    proof = ""
    if elig and chosen:
        result = elig.category(chosen)
        proof = "；".join(result.reasons) + ("" if result.met else "（系统初判不符合，请核实）")
        proof += "。以上依据登记信息初判，以审核为准。"
    s.row([L("类别依据", LW), V(proof, size=8.5)], 12 * mm)
    if data:
        family = (f"零就业家庭：{_yes(hh.get('zero_employment'))}；低保家庭：{_yes(hh.get('dibao'))}；"
                  f"家庭成员 {len(data['members'])} 人：")
        family += "、".join(f"{m.get('name')}（{m.get('relation') or ''}，{q.status_text(m.get('employment_status'))}）"
                           for m in data["members"])
    else:
        family = ""
    s.row([L("家庭情况", LW), V(family, size=8.5)], 14 * mm)
    have = case.get("materials") if isinstance(case.get("materials"), dict) else {}
    if chosen:
        mats = workflow.materials(chosen)
        listed = checks([m.name_zh for m in mats], {m.name_zh for m in mats if have.get(m.code)})
    else:
        listed = checks(["居民身份证", "户口簿或居住证", "本表", "类别证明材料", "承诺书"])
    s.row([L("提交材料", LW), V(listed, size=8.5)], 12 * mm)
    s.row([L("本人承诺", LW), V("本人承诺以上信息及所提交材料真实有效，如有虚假，愿承担相应责任。\n"
                               "申请人签字：　　　　　　　　　　　　　　　　　　　　年　　月　　日", valign="top")], 15 * mm)
    _opinion(s, "社区初审意见", ("同意", "不同意"), "经办人")
    _opinion(s, "街道（乡镇）\n复核意见", ("同意", "不同意"), "经办人")
    _opinion(s, "县（市、区）\n人社部门\n审核确认意见", ("予以认定", "不予认定"), "审核人")
    s.row([L("备注", LW), V("公示期：　　年　　月　　日至　　年　　月　　日")], 9 * mm)
    s.finish()
