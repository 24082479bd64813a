"""The synced record kinds and their fields: one registry the store, the sync protocol and the server share.

Every synced record also carries the common columns in ``COMMON``; a kind lists only its own fields.
Field types are the canonical JSON types used on the wire and in digests: ``str``, ``int``, ``bool``,
``date`` (ISO ``YYYY-MM-DD`` string), ``json`` (list or object).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

FIELD_TYPES = ("str", "int", "bool", "date", "json")


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "str"
    label: str = ""
    personal: bool = False  # never written to logs or non-encrypted output


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    fields: tuple[Field, ...]
    parent: str | None = None  # field naming the owning record, for drill-down and scoping

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> Field:
        return self._by_name[name]


def _f(spec: str) -> tuple[Field, ...]:
    """Compact field spec: ``name:type:标签[:p]`` per line; ``p`` marks personal data."""
    out = []
    for line in spec.strip().splitlines():
        parts = line.split(":")
        out.append(Field(parts[0].strip(), parts[1].strip(), parts[2].strip(), len(parts) > 3 and parts[3] == "p"))
    return tuple(out)


# Common synced columns: id (client UUID), area_code (community code, 12 digits, scopes access on the server),
# version (server version; 0 = never synced), deleted (tombstone), changed_by / changed_at (informative only:
# ordering never uses client clocks).
COMMON = ("id", "area_code", "version", "deleted", "changed_by", "changed_at")

KINDS: dict[str, Kind] = {}


def _kind(name: str, label: str, spec: str, parent: str | None = None) -> None:
    KINDS[name] = Kind(name, label, _f(spec), parent)


_kind("household", "家庭", """
    address:str:住址:p
    zero_employment:bool:零就业家庭
    zero_flagged_on:date:认定零就业家庭日期
    dibao:bool:低保家庭
    poverty_lifted:bool:脱贫（监测）户
    note:str:备注:p
""")

_kind("person", "人员", """
    household_id:str:所属家庭
    name:str:姓名:p
    id_number:str:身份证号:p
    phone:str:联系电话:p
    relation:str:与户主关系
    education:str:文化程度
    hukou_in_shanxi:bool:本省户籍
    able_to_work:bool:有劳动能力
    willing_to_work:bool:有就业意愿
    employment_status:str:就业状态
    employed_on:date:就业日期
    registered_unemployed_on:date:失业登记日期
    unemployment_reason:str:失业原因
    dibao_urban:bool:城镇低保
    disability_cert:bool:持残疾人证
    veteran:bool:退役军人
    land_fully_requisitioned:bool:土地全部被征收
    state_or_collective_enterprise:bool:原国有/集体企业职工
    ui_contribution_months:int:失业保险缴费月数
    college_fulltime:bool:全日制大专及以上
    graduated_on:date:毕业日期
    family_dibao:bool:城乡低保家庭
    family_poverty_lifted:bool:脱贫家庭（含监测户）
    intended_job:str:意向岗位
    intended_industry:str:意向行业
    intended_area:str:意向地区
    intended_wage:str:期望薪资
    skill_level:str:技能水平
    training_wish:str:培训意愿
    contact_method:str:联系方式:p
    worker:str:责任专干
    next_visit_on:date:下次走访日期
""", parent="household_id")

_kind("assistance_case", "援助对象", """
    person_id:str:人员
    category:str:困难类别
    other_category_note:str:其他类别说明
    stage:str:环节
    stage_started_on:date:环节开始日期
    due_on:date:办理时限
    responsible:str:责任人
    materials:json:材料清单
    applied_on:date:申请日期
    certified_on:date:认定日期
    valid_until:date:认定有效期至
    exit_reason:str:退出原因
    exit_note:str:退出说明
    exited_on:date:退出日期
    due_rules:str:时限依据的规则版本
    due_estimated:bool:时限按估算日历计算
    exit_evidence:json:退出佐证
    exit_from_stage:str:提出退出前环节
    exit_proposed_by:str:退出提出人
    exit_proposed_on:date:提出退出日期
""", parent="person_id")

_kind("case_step", "办理环节", """
    case_id:str:援助对象
    person_id:str:人员
    action:str:操作
    from_stage:str:原环节
    to_stage:str:新环节
    by:str:办理人
    done_on:date:办理日期
    due_on:date:下一环节时限
    note:str:意见
""", parent="case_id")

_kind("visit", "走访记录", """
    person_id:str:人员
    household_id:str:家庭
    planned_on:date:计划走访日期
    route_order:int:路线顺序
    visited_on:date:走访日期
    worker:str:走访人
    members:json:人员底数
    employment_status:str:就业状态
    employment_intention:str:就业意愿
    service_needs:json:服务需求
    unemployment_reason:str:失业原因
    intended_job:str:意向岗位
    intended_industry:str:意向行业
    intended_area:str:意向地区
    intended_wage:str:期望薪资
    skill_level:str:技能水平
    training_wish:str:培训意愿
    contact_method:str:联系方式:p
    notes:str:走访情况:p
    next_visit_on:date:下次走访日期
""", parent="person_id")

_kind("help_plan", "援助方案", """
    person_id:str:人员
    difficulty_type:str:困难类型
    difficulty_degree:str:困难程度
    strengths:str:优势
    barriers:str:就业障碍
    intentions:str:就业意向
    measures:json:帮扶措施
    progress:str:进展
""", parent="person_id")

_kind("service", "服务记录", """
    person_id:str:人员
    visit_id:str:走访记录
    kind:str:服务类型
    served_on:date:服务日期
    by:str:服务人
    employer:str:推荐单位
    post:str:推荐岗位
    wage:str:岗位薪资
    result:str:结果
    note:str:说明
    channel:str:服务方式
""", parent="person_id")

_kind("followup", "跟踪回访", """
    person_id:str:人员
    kind:str:回访类型
    due_on:date:应回访日期
    done_on:date:回访日期
    by:str:回访人
    note:str:回访情况
    contact_method:str:联系方式
    contacted:bool:已联系上
    still_employed:bool:仍在岗
    difficulties:str:困难和问题:p
    help_given:str:提供的帮助
    outcome:str:评估结论
""", parent="person_id")

_kind("attachment", "附件", """
    owner_kind:str:所属类型
    owner_id:str:所属记录
    sha256:str:内容摘要
    mime:str:类型
    size:int:大小
    name:str:名称
""", parent="owner_id")

_kind("review", "审核意见", """
    target_kind:str:审核对象类型
    target_id:str:审核对象
    target_version:int:审核时版本
    person_id:str:人员
    decision:str:审核结论
    comment:str:审核意见
    reviewer:str:审核人
    decided_on:date:审核日期
    answer:str:专干答复
    answered_by:str:答复人
    answered_on:date:答复日期
""", parent="target_id")

_kind("registration_application", "失业登记申请", """
    application_no:str:失业登记申请编号
    person_name:str:姓名:p
    id_number:str:身份证号:p
    received_on:date:推送日期
    due_on:date:办理时限
    status:str:状态
    handled_on:date:办结日期
    handled_by:str:经办人
    person_id:str:人员
    phone:str:联系电话:p
    refuse_reason:str:不予受理原因
    note:str:说明
    registered_on:date:登记日期
    contact_due_on:date:联系时限
    contacted_on:date:联系日期
""")

_kind("match_hit", "数据比对", """
    person_id:str:人员
    source:str:比对来源
    detail:str:比对情况
    found_on:date:比对日期
    status:str:处理状态
    confirmed_by:str:确认人
    confirmed_on:date:确认日期
    employer:str:单位或市场主体
    credit_code:str:统一社会信用代码
    started_on:date:参保或成立日期
    event_key:str:比对事件
    dismiss_reason:str:排除原因
    note:str:说明
""", parent="person_id")

# 公益性岗位 (notice 三(九)): posts developed, people placed on them, vacancy reports, monthly/quarterly
# subsidy claims with their checks, and the social-insurance paid months those checks read.
_kind("welfare_post", "公益性岗位", """
    employer:str:用人单位
    post_name:str:岗位名称
    post_type:str:岗位类型
    capacity:int:开发岗位数
    funding:str:资金来源
    developed_on:date:开发日期
    closed_on:date:撤销日期
    note:str:备注
""")

_kind("welfare_placement", "公益性岗位安置", """
    post_id:str:公益性岗位
    person_id:str:人员
    category:str:困难类别
    sequence:int:第几次安置
    started_on:date:上岗日期
    first_approved_on:date:初次核定日期
    subsidy_until:date:补贴期满
    to_retirement:bool:延长至退休
    ended_on:date:离岗日期
    end_reason:str:离岗原因
    end_note:str:离岗说明
    employer:str:用人单位
    post_name:str:岗位名称
    cleanup:str:待核实事项
    source:str:来源
""", parent="person_id")

_kind("welfare_vacancy_report", "空岗报告", """
    post_id:str:公益性岗位
    placement_id:str:离岗安置
    vacant_on:date:空岗日期
    due_on:date:报告时限
    reported_on:date:报告日期
    reported_by:str:报告人
    filled_on:date:补岗日期
    note:str:说明
""", parent="post_id")

_kind("welfare_claim", "公益性岗位补贴申领", """
    placement_id:str:公益性岗位安置
    person_id:str:人员
    post_id:str:公益性岗位
    subsidy:str:补贴项目
    period:str:申领周期
    months:json:申领月份
    amount_cents:int:申领金额（分）
    status:str:核查状态
    hold_reasons:json:暂缓原因
    tax_result:str:个人纳税核查结论
    tax_checked_by:str:纳税核查人
    tax_checked_on:date:纳税核查日期
    checked_on:date:核查日期
    note:str:备注
""", parent="placement_id")

_kind("si_paid_month", "社保缴费月份", """
    person_id:str:人员
    month:str:缴费月份
    insurance:str:险种
    payer:str:缴费单位
    source:str:数据来源
    imported_on:date:导入日期
""", parent="person_id")

# 部级平台反馈的异常数据 (notice 三(八)): what the ministry flagged, and the cause, correction, who and when.
_kind("match_anomaly", "异常反馈", """
    anomaly_no:str:异常编号
    person_id:str:人员
    person_name:str:姓名:p
    id_number:str:身份证号:p
    problem:str:异常描述
    reported_on:date:反馈日期
    cause:str:异常原因
    cause_note:str:原因说明
    correction:str:更正情况
    corrected_by:str:更正人
    corrected_on:date:更正日期
    status:str:处理状态
""")

_kind("policy_push", "政策推送", """
    person_id:str:人员
    channel:str:推送渠道
    policies:json:推送政策
    content:str:推送内容
    sent_on:date:推送日期
    by:str:推送人
    confirmed_on:date:确认收到日期
    service_id:str:计入的政策咨询
""", parent="person_id")

PERSONAL_FIELDS = frozenset(f.name for k in KINDS.values() for f in k.fields if f.personal)


def kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"未知的记录类型：{name}") from None
