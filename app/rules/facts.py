"""The recorded facts about one person that the eligibility rules read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class PersonFacts:
    # Defaults are the "not recorded" answer, so a missing fact never makes someone eligible.
    id_number: str = ""
    hukou_in_shanxi: bool = False
    able_to_work: bool = True
    willing_to_work: bool = True
    registered_unemployed_on: date | None = None  # latest 失业登记 date
    dibao_urban: bool = False  # 享受城镇低保
    disability_cert: bool = False  # 残疾人证/残疾军人证
    veteran: bool = False
    land_fully_requisitioned: bool = False
    state_or_collective_enterprise: bool = False  # 原国有/集体企业职工
    ui_contribution_months: int = 0  # 失业保险累计缴费月数
    zero_employment_household: bool = False
    household_member_already_certified: bool = False  # another member already certified (cat. 4)
    college_fulltime: bool = False  # 全日制大专及以上
    graduated_on: date | None = None
    family_dibao: bool = False  # 城乡低保家庭
    family_poverty_lifted: bool = False  # 脱贫家庭/监测户
    employed: bool = False
    other_category_note: str = ""  # 其他类：说明及决定文件
