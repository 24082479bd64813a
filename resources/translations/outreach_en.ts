<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="200"/>
        <source>添加家庭成员</source>
        <translation>Add household member</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="203"/>
        <source>家庭住址：{a}</source>
        <translation>Household address: {a}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="204"/>
        <source>新成员</source>
        <translation>New member</translation>
    </message>
</context>
<context>
    <name>AnomalyReportPage</name>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="59"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="59"/>
        <source>街道（乡镇）</source>
        <translation>Street (township)</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="59"/>
        <source>县（区）</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="62"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="66"/>
        <source>更正日期</source>
        <translation>Corrected from</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="66"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="67"/>
        <source>统计到</source>
        <translation>Count by</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="72"/>
        <source>异常原因</source>
        <translation>Anomaly cause</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="72"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="73"/>
        <source>尚未更正</source>
        <translation>Not yet corrected</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="106"/>
        <source>开始日期不能晚于结束日期</source>
        <translation>The start date cannot be after the end date</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="108"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="118"/>
        <source>{n} 个地区；期间已更正 {c} 条，尚未更正 {o} 条</source>
        <translation>{n} area(s); {c} corrected in the period, {o} not corrected yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="126"/>
        <source>按更正日期统计各原因的异常条数；“尚未更正”是截至结束日期已反馈、至今仍未更正的异常。</source>
        <translation>Anomalies per cause, counted by the date they were corrected. “Not yet corrected”: reported by the end date and still not corrected.</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="134"/>
        <source>统计失败：{e}</source>
        <translation>Counting failed: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="140"/>
        <source>异常原因统计_{start}_{end}</source>
        <translation>anomaly_causes_{start}_{end}</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="142"/>
        <source>导出的文件不加密，任何拿到文件的人都能打开。文件只含各地区的统计数字，不含个人信息，但仍请妥善保管、用后删除。是否继续？</source>
        <translation>The exported file is not encrypted: anyone who gets it can open it. It holds only counts per area, no personal data, but keep it safe and delete it after use. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="144"/>
        <source>导出异常原因统计</source>
        <translation>Export anomaly causes</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="152"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/anomaly_report.py" line="162"/>
        <source>导出失败：{e}</source>
        <translation>Export failed: {e}</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="38"/>
        <source>申请就业困难人员认定</source>
        <translation>Apply for certification as a person with employment difficulties</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="42"/>
        <source>申请人：{name}</source>
        <translation>Applicant: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="55"/>
        <source>市政府确定的具体情形</source>
        <translation>Situation as defined by the city government</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="56"/>
        <source>决定文件名称及文号</source>
        <translation>Deciding document title and number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="58"/>
        <source>认定类别 *</source>
        <translation>Category *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="59"/>
        <source>其他情形说明</source>
        <translation>Other: situation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="60"/>
        <source>决定文件</source>
        <translation>Deciding document</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="62"/>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="64"/>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="64"/>
        <source>社区初审须在 {n} 个工作日内完成（{d} 前）</source>
        <translation>Community review within {n} working days (by {d})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="68"/>
        <source>基本条件看起来不满足：{why}</source>
        <translation>The basic conditions do not appear to be met: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="77"/>
        <source>提交申请</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="92"/>
        <source>注意：系统判断该人员看起来不符合「{cat}」（{why}），请核实后再申请</source>
        <translation>Note: this person does not appear to meet “{cat}” ({why}); please check before applying</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/apply_dialog.py" line="115"/>
        <source>申请失败：{error}</source>
        <translation>Application failed: {error}</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../ui/views/cases_view.py" line="110"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="117"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="135"/>
        <source>双击打开人员详情；每列按办理时限由近到远排列，超期标红</source>
        <translation>Double-click to open the person; each column is sorted by deadline, soonest first; overdue in red</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="146"/>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="156"/>
        <source>&#x3000;正在读取…</source>
        <translation>  Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="169"/>
        <source>&#x3000;读取失败：{e}</source>
        <translation>  Loading failed: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="182"/>
        <source>&#x3000;在办 {a} 人，共 {t} 人</source>
        <translation>  {a} in progress, {t} in total</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="198"/>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="211"/>
        <source>显示更多（还有 {n} 人）…</source>
        <translation>Show more ({n} more)…</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="209"/>
        <source>申领补贴 — {name}</source>
        <translation>Claim a subsidy — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="216"/>
        <source>元，例如 1880.00</source>
        <translation>yuan, e.g. 1880.00</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="217"/>
        <source>补贴项目</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="218"/>
        <source>申领周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="219"/>
        <source>起始月份</source>
        <translation>First month</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="220"/>
        <source>申领金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>ClosePostDialog</name>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="127"/>
        <source>撤销岗位 — {post}</source>
        <translation>Withdraw the post — {post}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="130"/>
        <source>撤销日期</source>
        <translation>Withdrawn on</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="41"/>
        <source>所属社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="42"/>
        <source>记录状态</source>
        <translation>Record status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="61"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="62"/>
        <source>保留（未删除）</source>
        <translation>Kept (not deleted)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="71"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="72"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="90"/>
        <source>处理同步冲突 — %1：%2</source>
        <translation>Resolve sync conflict — %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="94"/>
        <source>这条记录在本机和平台上被同时修改了（黄色的字段）。请逐项选择要保留的值：选“本机”保留本机的修改，选“平台”采用平台上的值。其余字段两边一致，只作参考。选择会在下次同步时发送到平台。</source>
        <translation>This record was changed both on this computer and on the platform (fields in yellow). Choose the value to keep for each one: “Local” keeps the change made here, “Platform” takes the platform&apos;s value. The other fields are the same on both sides and are shown for reference. Your choices are sent to the platform at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="99"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="99"/>
        <source>本机的值</source>
        <translation>Local value</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="99"/>
        <source>平台的值</source>
        <translation>Platform value</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="113"/>
        <source>全部用本机</source>
        <translation>All local</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="114"/>
        <source>全部用平台</source>
        <translation>All platform</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="115"/>
        <source>打开记录</source>
        <translation>Open record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="120"/>
        <source>应用选择</source>
        <translation>Apply choices</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="121"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="157"/>
        <source>本机</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="158"/>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="160"/>
        <source>{side}：{value}</source>
        <translation>{side}: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="205"/>
        <source>还有 %1 个字段未选择，未选择的字段保持冲突状态。</source>
        <translation>%1 field(s) not chosen yet; they stay in conflict.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="206"/>
        <source>已全部选择。</source>
        <translation>All fields chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="228"/>
        <source>无法保存选择</source>
        <translation>Cannot save the choices</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="229"/>
        <source>保存选择时出错：%1。请关闭后重新打开此冲突。</source>
        <translation>Saving the choices failed: %1. Close and reopen this conflict.</translation>
    </message>
</context>
<context>
    <name>CreateDialog</name>
    <message>
        <location filename="../../ui/unlock.py" line="296"/>
        <source>首次使用：设置数据文件密码。所有数据加密保存在本机，忘记密码将无法恢复。</source>
        <translation>First use: choose the data file passphrase. All data is stored encrypted on this computer; a forgotten passphrase cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="298"/>
        <source>例如：张丽</source>
        <translation>e.g. Zhang Li</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="300"/>
        <source>平台登录账号</source>
        <translation>Platform login name</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="303"/>
        <source>至少 10 个字符，混合字母、数字、汉字或符号</source>
        <translation>At least 10 characters: mix letters, digits, Chinese or symbols</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="310"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="311"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="312"/>
        <source>密码</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="314"/>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="315"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="332"/>
        <source>请填写姓名。</source>
        <translation>Enter your name.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="336"/>
        <source>密码太弱：%1</source>
        <translation>Passphrase too weak: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="339"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="344"/>
        <source>正在创建加密数据文件…</source>
        <translation>Creating the encrypted data file…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="362"/>
        <source>创建失败：%1</source>
        <translation>Creating failed: %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="164"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="166"/>
        <source>导出的文件不加密</source>
        <translation>Exported files are not encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="168"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="169"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="173"/>
        <source>区域：</source>
        <translation>Area:</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="185"/>
        <source>援助对象</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="186"/>
        <source>帮扶中</source>
        <translation>Receiving help</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="187"/>
        <source>服务包达标率</source>
        <translation>Service package met</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="188"/>
        <source>环节已超期</source>
        <translation>Stage overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="189"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="190"/>
        <source>回访逾期未做</source>
        <translation>Follow-ups overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="191"/>
        <source>零就业未清零（户）</source>
        <translation>Zero-employment not cleared (households)</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="192"/>
        <source>待审核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="215"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="233"/>
        <source>全部辖区</source>
        <translation>Whole area</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="253"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="272"/>
        <source>统计失败：%1</source>
        <translation>Calculation failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="283"/>
        <source>统计日期 %1，用时 %2 秒</source>
        <translation>As of %1, took %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="294"/>
        <source>达标 %1 人</source>
        <translation>%1 met</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="299"/>
        <source>%1 个工作日内</source>
        <translation>within %1 working days</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="302"/>
        <source>最长 %1 天</source>
        <translation>longest %1 days</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="305"/>
        <source>超期 %1</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="340"/>
        <source>各环节人数（点击柱子查看明细）</source>
        <translation>People per stage (click a bar for details)</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="341"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="357"/>
        <source>在册援助对象困难类别</source>
        <translation>Difficulty categories of current cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="371"/>
        <source>各社区最低服务包达标情况</source>
        <translation>Minimum service package by community</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="372"/>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="372"/>
        <source>未达标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="425"/>
        <source>点击数字查看明细。</source>
        <translation>Click a number for details.</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="426"/>
        <source>规则版本：%1</source>
        <translation>Rule set: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="473"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="487"/>
        <source>导出的文件不加密，任何拿到文件的人都能打开。文件只含统计数字和专干姓名，但仍请妥善保管、用后删除。是否继续？</source>
        <translation>The exported file is not encrypted: anyone who gets it can open it. It holds only figures and worker names, but keep it safe and delete it after use. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="489"/>
        <source>就业援助统计_{date}</source>
        <translation>employment_assistance_stats_{date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="488"/>
        <source>导出统计</source>
        <translation>Export dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="494"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>DiscoveryView</name>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="51"/>
        <source>看起来符合认定条件、尚未申请的人员</source>
        <translation>Appear eligible, never applied</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="52"/>
        <source>重点群体中长期未走访的人员</source>
        <translation>Key groups not visited recently</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="56"/>
        <source> 天内未走访</source>
        <translation> days without a visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="57"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="58"/>
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="65"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="65"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="65"/>
        <source>重点群体</source>
        <translation>Key groups</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="65"/>
        <source>可能符合的类别</source>
        <translation>Categories that appear met</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="66"/>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="66"/>
        <source>最近推送</source>
        <translation>Last push</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="66"/>
        <source>待确认推送</source>
        <translation>Unconfirmed pushes</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="70"/>
        <source>批量打印政策明白卡</source>
        <translation>Print policy cards</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="74"/>
        <source>记录推送</source>
        <translation>Record push</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="75"/>
        <source>本人确认收到</source>
        <translation>Confirmed received</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="76"/>
        <source>打开人员</source>
        <translation>Open person</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="77"/>
        <source>不选择时对整张名单操作；推送经本人确认后计为一次政策咨询</source>
        <translation>With nothing selected, acts on the whole list; a confirmed push counts as a policy consultation</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="79"/>
        <source>推送渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="102"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="113"/>
        <source>从未走访</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="115"/>
        <source>共 {n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="119"/>
        <source>读取失败：{e}</source>
        <translation>Could not read: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="153"/>
        <source>三晋通推送文件含姓名、身份证号和手机号，且不加密。请只交给三晋通推送的经办人员，用后删除。是否继续？</source>
        <translation>The Sanjintong push file holds names, ID numbers and phone numbers and is not encrypted. Give it only to the staff who send the Sanjintong push, and delete it afterwards. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="154"/>
        <source>三晋通推送_{date}</source>
        <translation>Sanjintong_push_{date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="154"/>
        <source>导出三晋通推送名单</source>
        <translation>Export the Sanjintong push list</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="160"/>
        <source>已记录 {n} 条推送</source>
        <translation>{n} pushes recorded</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="170"/>
        <source>已确认 {n} 条推送，计入政策咨询</source>
        <translation>{n} pushes confirmed, counted as policy consultations</translation>
    </message>
    <message>
        <location filename="../../ui/views/discovery_view.py" line="175"/>
        <source>无法保存</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="108"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="108"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="116"/>
        <source>双击一行打开该人员。</source>
        <translation>Double-click a row to open the person.</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="118"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="132"/>
        <source>明细：%1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="133"/>
        <source>%1&#x3000;共 %2 条</source>
        <translation>%1  (%2 rows)</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="176"/>
        <source>办理离岗 — {name}</source>
        <translation>Leave the post — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="181"/>
        <source>离岗日期</source>
        <translation>Left on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="182"/>
        <source>离岗原因</source>
        <translation>Reason for leaving</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="183"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="158"/>
        <source>期满评估 — {name}</source>
        <translation>Pre-expiry evaluation — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="160"/>
        <source>认定有效期至 {d}：评估就业情况，决定继续帮扶、延长、退出或实现市场化就业</source>
        <translation>Certified until {d}: evaluate the employment situation and decide to continue, extend, exit or move to a market job</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="163"/>
        <location filename="../../ui/dialogs/followup_dialog.py" line="167"/>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="170"/>
        <source>退出原因 *</source>
        <translation>Exit reason *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="172"/>
        <source>联系方式 *</source>
        <translation>Contact method *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="173"/>
        <source>评估日期</source>
        <translation>Evaluation date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="174"/>
        <source>评估结论 *</source>
        <translation>Outcome *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="177"/>
        <source>困难和问题</source>
        <translation>Difficulties</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="178"/>
        <source>提供的帮助</source>
        <translation>Help given</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="179"/>
        <source>评估情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="206"/>
        <source>期满评估已记录</source>
        <translation>Evaluation recorded</translation>
    </message>
</context>
<context>
    <name>EvidenceForm</name>
    <message>
        <location filename="../../ui/dialogs/exit_evidence.py" line="68"/>
        <source>填写其中一组即可：{groups}</source>
        <translation>Fill in one of these sets: {groups}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exit_evidence.py" line="67"/>
        <source>；或</source>
        <translation>; or </translation>
    </message>
</context>
<context>
    <name>FactsSection</name>
    <message>
        <location filename="../../ui/views/person/facts.py" line="61"/>
        <source>基本情况</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="69"/>
        <source>对比并合并…</source>
        <translation>Compare and merge…</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="84"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="84"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="84"/>
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="85"/>
        <source>失业登记日期</source>
        <translation>Unemployment registered on</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="85"/>
        <source>失业保险缴费月数</source>
        <translation>Unemployment insurance months</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="86"/>
        <source>毕业日期</source>
        <translation>Graduated on</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="86"/>
        <source>本省户籍</source>
        <translation>Hukou in Shanxi</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="87"/>
        <source>有劳动能力</source>
        <translation>Able to work</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="87"/>
        <source>有就业意愿</source>
        <translation>Willing to work</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="88"/>
        <source>原国有/集体企业职工</source>
        <translation>Former state/collective enterprise employee</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="88"/>
        <source>享受城镇低保</source>
        <translation>Receives urban dibao</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="89"/>
        <source>持残疾人证/残疾军人证</source>
        <translation>Holds a disability certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="89"/>
        <source>退役军人</source>
        <translation>Veteran</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="90"/>
        <source>承包土地全部被征收</source>
        <translation>All contracted land requisitioned</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="91"/>
        <source>全日制大专及以上学历</source>
        <translation>Full-time college degree or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="91"/>
        <source>城乡低保家庭</source>
        <translation>Family receives dibao</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="92"/>
        <source>脱贫家庭（含监测户）</source>
        <translation>Family lifted out of poverty (incl. monitored)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="92"/>
        <source>城镇零就业家庭</source>
        <translation>Urban zero-employment household</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="93"/>
        <source>低保家庭</source>
        <translation>Dibao household</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="93"/>
        <source>脱贫（监测）户</source>
        <translation>Lifted out of poverty (monitored)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="96"/>
        <source>本人</source>
        <translation>The person</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="102"/>
        <source>年-月-日，如 2025-03-01</source>
        <translation>YYYY-MM-DD, e.g. 2025-03-01</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="104"/>
        <location filename="../../ui/views/person/facts.py" line="107"/>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="120"/>
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="125"/>
        <source>认定类别相关情况</source>
        <translation>Facts for the categories</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="132"/>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="139"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="143"/>
        <source>认定为零就业家庭的日期</source>
        <translation>Date found to be a zero-employment household</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="144"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="158"/>
        <source>保存基本情况</source>
        <translation>Save facts</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="195"/>
        <source>身份证号码与另一条人员记录相同（{names}），可能是同一人在两台电脑上分别登记，请对比后合并。</source>
        <translation>Another person record has the same ID number ({names}) — probably the same person registered on two laptops. Compare and merge them.</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="254"/>
        <source>没有修改</source>
        <translation>Nothing changed</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="262"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/facts.py" line="269"/>
        <source>保存失败：{error}</source>
        <translation>Saving failed: {error}</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="99"/>
        <source>记录回访 — {name}</source>
        <translation>Record follow-up — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="102"/>
        <source>{kind}&#x3000;应回访日期 {due}</source>
        <translation>{kind}  due {due}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="104"/>
        <location filename="../../ui/dialogs/followup_dialog.py" line="108"/>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="105"/>
        <source>已联系上本人</source>
        <translation>Reached the person</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="106"/>
        <source>未联系上</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="109"/>
        <source>仍在岗</source>
        <translation>Still in the job</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="110"/>
        <source>已离职</source>
        <translation>Left the job</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="112"/>
        <source>就业情况 *</source>
        <translation>Job found *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="113"/>
        <source>联系方式 *</source>
        <translation>Contact method *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="114"/>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="115"/>
        <source>是否联系上 *</source>
        <translation>Reached? *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="116"/>
        <source>是否仍在岗</source>
        <translation>Still employed?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="118"/>
        <source>困难和问题</source>
        <translation>Difficulties</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="119"/>
        <source>提供的帮助</source>
        <translation>Help given</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="120"/>
        <source>回访情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="148"/>
        <source>回访已记录</source>
        <translation>Follow-up recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="148"/>
        <source>已记录未联系上，该回访仍待完成</source>
        <translation>Recorded as not reached; the follow-up is still due</translation>
    </message>
</context>
<context>
    <name>FollowupsSection</name>
    <message>
        <location filename="../../ui/views/person/followups.py" line="23"/>
        <source>回访（{n}）</source>
        <translation>Follow-ups ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="23"/>
        <source>回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="36"/>
        <source>应回访日期</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="36"/>
        <source>回访类型</source>
        <translation>Follow-up type</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="36"/>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="37"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="38"/>
        <source>回访情况</source>
        <translation>Follow-up notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="73"/>
        <source>已回访</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="75"/>
        <source>已逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="77"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="79"/>
        <source>待回访</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="37"/>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="37"/>
        <source>仍在岗</source>
        <translation>Employed</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="38"/>
        <source>困难和帮助</source>
        <translation>Difficulties and help</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="43"/>
        <source>记录回访</source>
        <translation>Record follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="45"/>
        <source>期满评估</source>
        <translation>Evaluate before expiry</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="47"/>
        <source>提出退出…</source>
        <translation>Propose exit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="83"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="83"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/followups.py" line="93"/>
        <source>认定有效期至 {until}，{on} 前完成期满评估</source>
        <translation>Certified until {until}; evaluate by {on}</translation>
    </message>
</context>
<context>
    <name>HelpPlanEditor</name>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="40"/>
        <source>请选择或填写困难类型</source>
        <translation>Choose or enter a difficulty type</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="42"/>
        <source>请选择困难程度</source>
        <translation>Choose a difficulty degree</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="45"/>
        <source>第 {n} 项措施：请填写措施内容</source>
        <translation>Measure {n}: enter what will be done</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="51"/>
        <source>第 {n} 项措施：目标日期格式不正确，应为 年-月-日</source>
        <translation>Measure {n}: the target date must be YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="66"/>
        <source>援助方案 — {name}</source>
        <translation>Help plan — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="77"/>
        <source>困难类型 *</source>
        <translation>Difficulty type *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="79"/>
        <source>请选择</source>
        <translation>Select…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="81"/>
        <source>困难程度 *</source>
        <translation>Difficulty degree *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="84"/>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="85"/>
        <source>就业障碍</source>
        <translation>Barriers to employment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="86"/>
        <source>就业意向</source>
        <translation>Job intentions</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="87"/>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="96"/>
        <source>帮扶措施</source>
        <translation>Help measures</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="99"/>
        <source>措施内容</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="99"/>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="99"/>
        <source>目标日期</source>
        <translation>Target date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="99"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="110"/>
        <source>添加措施</source>
        <translation>Add measure</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="112"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="125"/>
        <source>保存援助方案</source>
        <translation>Save help plan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="126"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="147"/>
        <source>年-月-日，如 2026-12-31</source>
        <translation>YYYY-MM-DD, e.g. 2026-12-31</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="226"/>
        <source>保存失败：{error}</source>
        <translation>Saving failed: {error}</translation>
    </message>
</context>
<context>
    <name>HistorySection</name>
    <message>
        <location filename="../../ui/views/person/history.py" line="26"/>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/history.py" line="32"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/history.py" line="32"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/history.py" line="32"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/history.py" line="32"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/history.py" line="33"/>
        <source>修改内容</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>HouseholdSection</name>
    <message>
        <location filename="../../ui/views/person/household.py" line="33"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="40"/>
        <source>家庭成员（年龄、性别据身份证号）</source>
        <translation>Household members (age and sex from the ID number)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="42"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="42"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="42"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="42"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="43"/>
        <source>就业状态</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="43"/>
        <source>认定环节</source>
        <translation>Certification stage</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="52"/>
        <source>添加家庭成员</source>
        <translation>Add household member</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="74"/>
        <source>住址：{address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="74"/>
        <source>未记录</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="77"/>
        <source>无特殊家庭标记</source>
        <translation>No special household flags</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/household.py" line="80"/>
        <source>动态清零：</source>
        <translation>Zero-employment household: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app_window.py" line="55"/>
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="56"/>
        <source>户与人员</source>
        <translation>Households &amp;&amp; people</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="57"/>
        <source>援助对象</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="58"/>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="59"/>
        <source>主动发现</source>
        <translation>Outreach</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="60"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="61"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="64"/>
        <source>数据比对</source>
        <translation>Data matching</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="65"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="67"/>
        <source>统计</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="86"/>
        <location filename="../../ui/app_window.py" line="89"/>
        <location filename="../../ui/app_window.py" line="94"/>
        <source>此功能加载失败</source>
        <translation>This screen failed to load</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="138"/>
        <location filename="../../ui/main.py" line="335"/>
        <source>就业援助走访台</source>
        <translation>OutreachDesk</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="148"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="148"/>
        <source>输入密码解锁后继续工作。</source>
        <translation>Enter the passphrase to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="166"/>
        <source>← 返回列表</source>
        <translation>← Back to list</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="167"/>
        <source>返回（Esc）</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="203"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="204"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="205"/>
        <location filename="../../ui/app_window.py" line="206"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="208"/>
        <source>切换标签页</source>
        <translation>Switch tab</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="356"/>
        <source>人员：%1</source>
        <translation>Person: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="358"/>
        <source>家庭：%1</source>
        <translation>Household: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="405"/>
        <source>正在编辑：%1。走访记录会留作草稿，其他未保存的内容将丢失。</source>
        <translation>Still being edited: %1. Visit records are kept as drafts; other unsaved input will be lost.</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="412"/>
        <source>还有 %1 条修改没有上传到平台。它们保存在本机，下次同步时发送。</source>
        <translation>%1 changes have not been uploaded to the platform yet. They are kept on this computer and sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="417"/>
        <source>退出走访台</source>
        <translation>Quit OutreachDesk</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="417"/>
        <source>确定退出吗？</source>
        <translation>Quit now?</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="443"/>
        <source>数据文件：%1</source>
        <translation>Data file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="445"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="462"/>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="462"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="463"/>
        <source>待上传：%1 条</source>
        <translation>To upload: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="72"/>
        <source>社区专干</source>
        <translation>community worker</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="73"/>
        <source>经办人员</source>
        <translation>office staff</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="74"/>
        <source>督导审核</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="75"/>
        <source>管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="62"/>
        <source>公益性岗位</source>
        <translation>Welfare jobs</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../ui/views/matching/dialogs.py" line="60"/>
        <source>对应表头</source>
        <translation>Match columns</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/dialogs.py" line="70"/>
        <source>（无此列）</source>
        <translation>(no such column)</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/dialogs.py" line="62"/>
        <source>文件的表头与常见写法不同（{p}）。请为每一项选择文件中的列，下次导入同一来源时沿用。</source>
        <translation>The file&apos;s headers differ from the usual ones ({p}). Choose the file&apos;s column for each item; the choice is reused for the next file from this source.</translation>
    </message>
</context>
<context>
    <name>MatchingView</name>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="80"/>
        <source>导入社保参保数据…</source>
        <translation>Import social-insurance enrollment…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="81"/>
        <source>导入工商注册数据…</source>
        <translation>Import business registrations…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="90"/>
        <source>比对结果</source>
        <translation>Hits</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="91"/>
        <source>部推失业登记申请</source>
        <translation>Pushed registration applications</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="92"/>
        <source>异常反馈</source>
        <translation>Anomaly feedback</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="94"/>
        <source>异常原因统计</source>
        <translation>Anomaly causes</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="116"/>
        <source>确认（已就业/创业）</source>
        <translation>Confirm (employed / self-employed)</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="117"/>
        <source>排除…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="125"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="126"/>
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="127"/>
        <source>今天已联系</source>
        <translation>Contacted today</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="134"/>
        <source>记录原因与更正…</source>
        <translation>Record cause and correction…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="201"/>
        <location filename="../../ui/views/matching/matching_view.py" line="211"/>
        <source>请先选中一条比对结果</source>
        <translation>Select a hit first</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="204"/>
        <source>确认比对结果</source>
        <translation>Confirm hit</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="214"/>
        <source>排除比对结果</source>
        <translation>Dismiss hit</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="221"/>
        <location filename="../../ui/views/matching/matching_view.py" line="231"/>
        <location filename="../../ui/views/matching/matching_view.py" line="241"/>
        <source>请先选中一件申请</source>
        <translation>Select an application first</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="234"/>
        <source>不予受理</source>
        <translation>Refuse application</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="251"/>
        <source>请先选中一条异常反馈</source>
        <translation>Select an anomaly first</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="254"/>
        <source>异常原因与更正</source>
        <translation>Anomaly cause and correction</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="272"/>
        <source>选择数据文件</source>
        <translation>Choose a data file</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="273"/>
        <source>表格文件 (*.xlsx *.xls *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="278"/>
        <source>正在导入并比对…</source>
        <translation>Importing and matching…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="118"/>
        <location filename="../../ui/views/matching/matching_view.py" line="128"/>
        <location filename="../../ui/views/matching/matching_view.py" line="135"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="118"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="118"/>
        <source>单位或市场主体</source>
        <translation>Employer or business</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="119"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="119"/>
        <source>参保或成立日期</source>
        <translation>Enrolled / founded on</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="119"/>
        <source>比对日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="128"/>
        <source>申请编号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="128"/>
        <source>推送日期</source>
        <translation>Pushed on</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="128"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="129"/>
        <source>时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="129"/>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="135"/>
        <source>异常编号</source>
        <translation>Anomaly no.</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="135"/>
        <source>异常描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="136"/>
        <source>反馈日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="225"/>
        <source>该申请已受理，请在联系本人后点“今天已联系”</source>
        <translation>This application is accepted; click “Contacted today” once you have contacted the person</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="228"/>
        <source>已受理并登记失业；请在 5 个工作日内联系本人</source>
        <translation>Accepted and registered as unemployed; contact the person within 5 working days</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="245"/>
        <source>请先受理该申请</source>
        <translation>Accept the application first</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="157"/>
        <source>&#x3000;待确认比对 {h} 条；失业登记申请 {a} 件，其中超期 {o} 件；异常待更正 {n} 条</source>
        <translation> {h} hits to confirm; {a} registration applications, {o} overdue; {n} anomalies to correct</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="205"/>
        <source>确认 {name} 已就业或创业（{what}）？将改为就业状态、安排跟踪回访，并提出退出援助。</source>
        <translation>Confirm that {name} is employed or self-employed ({what})? The status changes, follow-ups are scheduled and the exit is proposed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="208"/>
        <source>已确认，已安排跟踪回访并提出退出</source>
        <translation>Confirmed; follow-ups scheduled and exit proposed</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="260"/>
        <source>已记录原因与更正</source>
        <translation>Cause and correction recorded</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="298"/>
        <source>导入失败，未导入任何数据：{e}</source>
        <translation>Import failed, nothing imported: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="216"/>
        <source>已排除</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="236"/>
        <source>已不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="248"/>
        <source>已记录联系</source>
        <translation>Contact recorded</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/matching_view.py" line="143"/>
        <source>读取失败：{e}</source>
        <translation>Could not read: {e}</translation>
    </message>
</context>
<context>
    <name>MaterialsSection</name>
    <message>
        <location filename="../../ui/views/person/materials.py" line="40"/>
        <source>申请材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="48"/>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="48"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="57"/>
        <source>附上照片/扫描件…</source>
        <translation>Attach photo/scan…</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="59"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="62"/>
        <location filename="../../ui/views/person/materials.py" line="183"/>
        <source>更换责任人</source>
        <translation>Change responsible person</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="90"/>
        <source>尚未申请认定：在“概况”中点“申请认定”</source>
        <translation>No application yet: use “Apply” on the Overview tab</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="92"/>
        <source>认定类别：{cat}&#x3000;环节：{stage}</source>
        <translation>Category: {cat}&#x3000;Stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="95"/>
        <source>（类别证明）</source>
        <translation> (category proof)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="96"/>
        <source>已附 {n} 份</source>
        <translation>{n} attached</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="97"/>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="97"/>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="102"/>
        <source>{kb} KB</source>
        <translation>{kb} KB</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="110"/>
        <source>缺少：{m}</source>
        <translation>Missing: {m}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="111"/>
        <source>材料齐全</source>
        <translation>All materials in hand</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="112"/>
        <source>责任人：{name}</source>
        <translation>Responsible: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="138"/>
        <source>请先选中一项材料</source>
        <translation>Select a material first</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="140"/>
        <source>选择照片或扫描件</source>
        <translation>Choose a photo or scan</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="141"/>
        <source>图片或 PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Images or PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="167"/>
        <source>该附件尚未下载，请先同步</source>
        <translation>This attachment is not downloaded yet; sync first</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="172"/>
        <source>此类文件无法在此预览（{mime}）</source>
        <translation>This kind of file cannot be previewed here ({mime})</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="183"/>
        <source>新的责任人姓名</source>
        <translation>Name of the new responsible person</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/materials.py" line="191"/>
        <source>保存失败：{error}</source>
        <translation>Saving failed: {error}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="39"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="39"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="49"/>
        <source>合并重复人员</source>
        <translation>Merge duplicate persons</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="52"/>
        <source>以下两条记录的身份证号码相同，应为同一人。请核对后合并：两条记录的走访、服务、援助方案、认定和回访都会保留在合并后的记录中。值不同的项请选择要保留的一方。</source>
        <translation>These two records have the same ID number and should be the same person. Check, then merge: visits, services, help plans, cases and follow-ups of both are kept on the merged record. Where values differ, choose the one to keep.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="58"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="58"/>
        <source>记录一（保留）</source>
        <translation>Record 1 (kept)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="58"/>
        <source>记录二</source>
        <translation>Record 2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="66"/>
        <source>家庭住址</source>
        <translation>Household address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="67"/>
        <source>已有记录</source>
        <translation>Records held</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="88"/>
        <source>{n} 项不同，需选择</source>
        <translation>{n} fields differ; choose</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="91"/>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="105"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/merge_dialog.py" line="126"/>
        <source>合并失败：{error}</source>
        <translation>Merge failed: {error}</translation>
    </message>
</context>
<context>
    <name>NewHouseholdDialog</name>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="134"/>
        <source>新建家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="144"/>
        <source>所属社区 *</source>
        <translation>Community *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="145"/>
        <source>住址 *</source>
        <translation>Address *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="155"/>
        <source>添加成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="157"/>
        <source>删除最后一名成员</source>
        <translation>Remove last member</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="167"/>
        <source>成员 {n}</source>
        <translation>Member {n}</translation>
    </message>
</context>
<context>
    <name>OpDialog</name>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="91"/>
        <source>保存失败：{error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <location filename="../../ui/views/person/overview.py" line="37"/>
        <source>概况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="41"/>
        <source>认定条件（系统判断，供参考）</source>
        <translation>Certification criteria (computed, for reference)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="49"/>
        <source>认定办理</source>
        <translation>Certification</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="55"/>
        <source>材料清单（勾选即保存）</source>
        <translation>Materials (saved when ticked)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="60"/>
        <source>可办理的操作</source>
        <translation>Available actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="94"/>
        <source>数据比对：{src}&#x3000;{detail}（请核实后确认）</source>
        <translation>Data match: {src}  {detail} (check, then confirm)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="100"/>
        <source>看起来符合认定条件</source>
        <translation>Appears to meet the certification criteria</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="100"/>
        <source>看起来不符合认定条件</source>
        <translation>Does not appear to meet the certification criteria</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="105"/>
        <source>基本条件：{v}</source>
        <translation>Basic conditions: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="105"/>
        <source>符合</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="105"/>
        <source>不符合</source>
        <translation>not met</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="118"/>
        <source>依据规则版本：{v}</source>
        <translation>Rule set: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="125"/>
        <source>尚未申请认定</source>
        <translation>No certification application yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="126"/>
        <source>申请认定</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="132"/>
        <source>环节：{stage}（{step}）&#x3000;类别：{cat}&#x3000;申请日期：{applied}</source>
        <translation>Stage: {stage} ({step})   Category: {cat}   Applied: {applied}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="136"/>
        <source>（依据规则版本 {v}）</source>
        <translation> (rule set {v})</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="140"/>
        <source>认定有效期至 {d}</source>
        <translation>Certified until {d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="142"/>
        <source>请于 {d} 前完成社区初审</source>
        <translation>Community review due by {d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="144"/>
        <source>已于 {d} 退出</source>
        <translation>Exited on {d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="146"/>
        <source>本环节无办理时限</source>
        <translation>No time limit at this stage</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="149"/>
        <source>（类别证明）</source>
        <translation> (category proof)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/overview.py" line="165"/>
        <source>您的角色在此环节没有可办理的操作</source>
        <translation>Your role has no actions at this stage</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../ui/views/people_view.py" line="99"/>
        <source>查找：姓名、拼音首字母（如 zs）、身份证号或手机号码（Ctrl+F）</source>
        <translation>Find: name, pinyin initials (e.g. zs), ID number or phone digits (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="112"/>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="117"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="121"/>
        <source>全部环节</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="125"/>
        <source>全部时限</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="126"/>
        <source>3 个工作日内到期</source>
        <translation>Due within 3 working days</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="127"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="128"/>
        <source>服务包未完成</source>
        <translation>Service package incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="129"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="131"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="131"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="132"/>
        <source>环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="132"/>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="140"/>
        <source>新建家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="204"/>
        <source>正在建立索引，先显示 %1 人</source>
        <translation>Building the index; showing %1 people</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="206"/>
        <source>共 %1 人（正在建立索引，先显示前 %2 人）</source>
        <translation>%1 people (building the index; showing the first %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="209"/>
        <source>共 %1 人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="270"/>
        <source>未找到该表对应的记录（可能尚未同步到本机，或已删除）。</source>
        <translation>No record for this sheet (not yet synced to this computer, or deleted).</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="276"/>
        <source>该表打印自旧版本（打印时版本 %1，当前版本 %2）</source>
        <translation>This sheet was printed from an older version (version %1 when printed, now %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="348"/>
        <source>建立查找索引失败：%1</source>
        <translation>Building the search index failed: %1</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="44"/>
        <source>18 位，旧 15 位号码自动升位</source>
        <translation>18 digits; an old 15-digit number is converted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="45"/>
        <source>11 位手机号码，可不填</source>
        <translation>11-digit mobile number, optional</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="49"/>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="56"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="57"/>
        <source>身份证号 *</source>
        <translation>ID number *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="58"/>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="59"/>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="60"/>
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="72"/>
        <source>出生日期 {birth}，{sex}，{age} 周岁</source>
        <translation>Born {birth}, {sex}, {age} years old</translation>
    </message>
</context>
<context>
    <name>PersonListModel</name>
    <message>
        <location filename="../../ui/models/person_list.py" line="40"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="41"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="42"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="43"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="44"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="45"/>
        <source>与户主关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="46"/>
        <source>就业状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="47"/>
        <source>援助类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="48"/>
        <source>办理环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="49"/>
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="50"/>
        <source>最低服务包</source>
        <translation>Service package</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="117"/>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="160"/>
        <source>%1（已超期）</source>
        <translation>%1 (overdue)</translation>
    </message>
</context>
<context>
    <name>PersonPlacements</name>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="22"/>
        <source>公益性岗位安置</source>
        <translation>Public welfare job placements</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="26"/>
        <source>没有公益性岗位安置记录</source>
        <translation>No public welfare job placements</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="30"/>
        <source>用人单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="30"/>
        <source>岗位名称</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="30"/>
        <source>上岗日期</source>
        <translation>Started on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="30"/>
        <source>离岗日期</source>
        <translation>Left on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="31"/>
        <source>离岗原因</source>
        <translation>Reason for leaving</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="31"/>
        <source>补贴期满</source>
        <translation>Subsidy until</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/person_pane.py" line="31"/>
        <source>已发补贴（元）</source>
        <translation>Subsidy paid (yuan)</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <location filename="../../ui/views/person/page.py" line="96"/>
        <source>记录走访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="98"/>
        <source>计划走访</source>
        <translation>Planned visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="100"/>
        <location filename="../../ui/views/person/page.py" line="229"/>
        <source>编辑援助方案</source>
        <translation>Edit help plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="102"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="149"/>
        <source>记录不存在或已删除</source>
        <translation>The record does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="149"/>
        <source>该家庭暂无成员</source>
        <translation>This household has no members</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="193"/>
        <source>该人员已删除</source>
        <translation>This person was deleted</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="168"/>
        <source>未选择人员</source>
        <translation>No person selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="201"/>
        <source>{sex}，{age}岁</source>
        <translation>{sex}, {age}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="202"/>
        <source>无身份证号</source>
        <translation>no ID number</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="229"/>
        <source>制定援助方案</source>
        <translation>Create help plan</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="142"/>
        <source>安置人员 — {post}</source>
        <translation>Place a person — {post}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="145"/>
        <source>姓名、拼音首字母或身份证号</source>
        <translation>Name, pinyin initials or ID number</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="150"/>
        <source>已认定人员</source>
        <translation>Certified people</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="152"/>
        <source>上岗日期</source>
        <translation>Started on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="167"/>
        <source>请选择要安置的人员</source>
        <translation>Choose the person to place</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/widgets/placeholder.py" line="13"/>
        <source>此功能尚未就绪</source>
        <translation>This screen is not ready yet</translation>
    </message>
</context>
<context>
    <name>PlanSection</name>
    <message>
        <location filename="../../ui/views/person/plan.py" line="20"/>
        <source>援助方案</source>
        <translation>Help plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="30"/>
        <source>困难类型/程度</source>
        <translation>Difficulty type / degree</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="30"/>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="31"/>
        <source>就业障碍</source>
        <translation>Barriers to employment</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="31"/>
        <source>就业意向</source>
        <translation>Job intentions</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="32"/>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="38"/>
        <source>帮扶措施</source>
        <translation>Help measures</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="38"/>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="38"/>
        <source>目标日期</source>
        <translation>Target date</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="39"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="54"/>
        <source>尚未制定援助方案</source>
        <translation>No help plan yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="64"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="64"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/plan.py" line="64"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <location filename="../../ui/views/person/page.py" line="42"/>
        <source>计划走访</source>
        <translation>Planned visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/page.py" line="48"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="97"/>
        <source>开发公益性岗位</source>
        <translation>New public welfare job post</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="110"/>
        <source>用人单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="110"/>
        <source>岗位名称</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="111"/>
        <source>岗位类型</source>
        <translation>Post type</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="111"/>
        <source>开发岗位数</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="112"/>
        <source>资金来源</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="112"/>
        <source>开发日期</source>
        <translation>Developed on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="113"/>
        <source>所在街道/社区</source>
        <translation>Street/community</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/print_actions.py" line="24"/>
        <source>入户走访登记表</source>
        <translation>Home visit sheet</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="25"/>
        <source>走访记录</source>
        <translation>Visit record</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="26"/>
        <source>就业援助方案</source>
        <translation>Help plan</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="27"/>
        <source>政策明白卡</source>
        <translation>Policy card</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="28"/>
        <source>就业困难人员认定情况表</source>
        <translation>Certification form</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="29"/>
        <source>走访路线单</source>
        <translation>Visit route sheet</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="81"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="89"/>
        <location filename="../../ui/print_actions.py" line="103"/>
        <source>正在生成{title}…</source>
        <translation>Generating {title}…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="104"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="105"/>
        <source>批量打印</source>
        <translation>Batch print</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="115"/>
        <source>正在生成：{item}</source>
        <translation>Generating: {item}</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="126"/>
        <source>已取消批量打印（{title}）</source>
        <translation>Batch print cancelled ({title})</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="130"/>
        <source>，跳过 {n} 条已删除的记录</source>
        <translation>; {n} deleted record(s) skipped</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="131"/>
        <source>{title}：{sheets} 份，共 {pages} 页{note}</source>
        <translation>{title}: {sheets} sheet(s), {pages} page(s){note}</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="133"/>
        <source>{title}（{sheets} 份）</source>
        <translation>{title} ({sheets} sheets)</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="37"/>
        <source>PDF 文件不加密，内含个人信息。
任何拿到这个文件的人都能看到其中内容。

确定要保存为 PDF 文件吗？保存后请妥善保管，用完及时删除。</source>
        <translation>The PDF file is not encrypted and contains personal information.
Anyone who gets the file can read it.

Save it as a PDF file anyway? Keep it safe, and delete it when you are done.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="70"/>
        <source>无法开始打印（打印机不可用？）</source>
        <translation>Cannot start printing (printer unavailable?)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="80"/>
        <source>第 {n} 页渲染失败</source>
        <translation>Rendering page {n} failed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="97"/>
        <source>打印预览 — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="99"/>
        <source>表单.pdf</source>
        <translation>form.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="108"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="111"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="112"/>
        <location filename="../../ui/dialogs/print_preview.py" line="166"/>
        <source>PDF 文件不加密</source>
        <translation>PDF files are not encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="114"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="116"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="118"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="120"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="137"/>
        <source>共 {n} 页</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="160"/>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="171"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="172"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="181"/>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="181"/>
        <source>无法保存文件：{e}</source>
        <translation>Cannot save the file: {e}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/views/review_view.py" line="52"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="52"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="52"/>
        <source>专干</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="52"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="52"/>
        <source>审核期限</source>
        <translation>Review due</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="53"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="76"/>
        <source>%1（超期 %2 个工作日）</source>
        <translation>%1 (%2 working days overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="79"/>
        <source>%1（今天到期）</source>
        <translation>%1 (due today)</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="80"/>
        <source>%1（剩 %2 个工作日）</source>
        <translation>%1 (%2 working days left)</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="101"/>
        <source>已答复，待再审</source>
        <translation>Answered, to re-review</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="102"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="102"/>
        <source>待审核</source>
        <translation>Awaiting review</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/views/matching/dialogs.py" line="35"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/dialogs.py" line="37"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/matching/dialogs.py" line="42"/>
        <source>更正情况</source>
        <translation>Correction</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="194"/>
        <source>登记空岗报告 — {post}</source>
        <translation>Record the vacancy report — {post}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="198"/>
        <source>报告日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="199"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../ui/views/review_view.py" line="146"/>
        <source>只看超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="148"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="155"/>
        <source>按姓名查找</source>
        <translation>Find by name</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="211"/>
        <source>审核意见（退回时必填，专干会在今日待办中看到）</source>
        <translation>Review comment (required to return; the worker sees it under Today)</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="216"/>
        <location filename="../../ui/views/review_view.py" line="358"/>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="217"/>
        <location filename="../../ui/views/review_view.py" line="359"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="218"/>
        <source>打开人员</source>
        <translation>Open person</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="228"/>
        <source>审核决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="293"/>
        <source>读取审核队列失败：%1</source>
        <translation>Loading the review queue failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="299"/>
        <source>待审核 %1 项，其中超期 %2 项，专干已答复待再审 %3 项</source>
        <translation>%1 awaiting review, %2 overdue, %3 answered by the worker and awaiting re-review</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="310"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="311"/>
        <source>全部专干</source>
        <translation>All workers</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="312"/>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="331"/>
        <source>显示 %1 / %2 项</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="366"/>
        <source>请选择左侧待审核事项</source>
        <translation>Select an item on the left</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="382"/>
        <source>%1 %2 %3：%4</source>
        <translation>%1 %2 %3: %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="385"/>
        <source>&#x3000;专干答复（%1）：%2</source>
        <translation>  Worker&apos;s answer (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="388"/>
        <source>审核记录：</source>
        <translation>Review history:</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="410"/>
        <source>退回必须填写审核意见，说明需要专干补正的内容。</source>
        <translation>Returning needs a comment saying what the worker must correct.</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="437"/>
        <source>审核结论已保存，将在下次同步时发送给专干。</source>
        <translation>Decision saved; it is sent to the worker at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="358"/>
        <source>同意退出</source>
        <translation>Approve exit</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="359"/>
        <source>不同意退出</source>
        <translation>Refuse exit</translation>
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="404"/>
        <source>不同意退出须填写意见，专干会在今日待办中看到。</source>
        <translation>Refusing an exit needs a comment; the worker sees it in Today.</translation>
    </message>
</context>
<context>
    <name>ReviewsSection</name>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="32"/>
        <source>审核意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="35"/>
        <source>审核意见（{n} 待答复）</source>
        <translation>Review comments ({n} to answer)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="36"/>
        <source>审核意见（{n}）</source>
        <translation>Review comments ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="76"/>
        <source>暂无审核意见</source>
        <translation>No review comments yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="88"/>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="90"/>
        <source>通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="91"/>
        <source>&lt;b style=&apos;color:{c};&apos;&gt;{v}&lt;/b&gt;&#x3000;{who}&#x3000;{on}</source>
        <translation>&lt;b style=&apos;color:{c};&apos;&gt;{v}&lt;/b&gt;  {who}  {on}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="98"/>
        <source>审核意见：{c}</source>
        <translation>Comment: {c}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="98"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="102"/>
        <source>答复（{who}，{on}）：{a}</source>
        <translation>Answer ({who}, {on}): {a}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="108"/>
        <source>填写整改情况或答复</source>
        <translation>Describe the correction or answer</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="114"/>
        <source>提交答复</source>
        <translation>Send answer</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="133"/>
        <source>请填写答复内容</source>
        <translation>Enter an answer</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="138"/>
        <source>答复已保存，将在同步时送达审核人</source>
        <translation>Answer saved; it reaches the reviewer at the next sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="94"/>
        <source>退回的记录：{t}</source>
        <translation>Returned record: {t}</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/reviews.py" line="94"/>
        <source>审核的记录：{t}</source>
        <translation>Reviewed record: {t}</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="38"/>
        <source>记录服务 — {name}</source>
        <translation>Record service — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="41"/>
        <source>电话或窗口提供的服务，与走访中提供的服务一样计入最低服务包（3+1+1）</source>
        <translation>Services given by phone or at the office count toward the minimum package (3+1+1) like those given during a visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="47"/>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="59"/>
        <source>服务类型 *</source>
        <translation>Service *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="60"/>
        <source>服务方式 *</source>
        <translation>Given *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="61"/>
        <source>服务日期 *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="62"/>
        <source>推荐单位 *</source>
        <translation>Employer *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="62"/>
        <source>推荐岗位 *</source>
        <translation>Post *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="63"/>
        <source>岗位薪资</source>
        <translation>Wage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="69"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="70"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="75"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="76"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="111"/>
        <source>服务已记录</source>
        <translation>Service recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_dialog.py" line="117"/>
        <source>保存失败：{error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>ServicesSection</name>
    <message>
        <location filename="../../ui/views/person/services.py" line="32"/>
        <source>服务（{n}）</source>
        <translation>Services ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="32"/>
        <source>服务</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="40"/>
        <source>最低服务包（岗位推荐 ≥3、职业指导 ≥1、政策咨询 ≥1）</source>
        <translation>Minimum service package (job referrals ≥3, career guidance ≥1, policy consultations ≥1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="51"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="51"/>
        <source>服务类型</source>
        <translation>Service type</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="51"/>
        <source>推荐单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="52"/>
        <source>岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="52"/>
        <source>薪资</source>
        <translation>Wage</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="52"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="52"/>
        <source>服务人</source>
        <translation>Served by</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="53"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="78"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="78"/>
        <source>还差 {n} 次</source>
        <translation>{n} to go</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="46"/>
        <source>记录服务</source>
        <translation>Record service</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="47"/>
        <source>电话或窗口提供的岗位推荐、职业指导、政策咨询等</source>
        <translation>A job recommendation, career guidance or policy consultation given by phone or at the office</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/services.py" line="51"/>
        <source>方式</source>
        <translation>Given</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="142"/>
        <source>原密码不正确。</source>
        <translation>The current passphrase is wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="46"/>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="50"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="54"/>
        <source>无操作自动锁定</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="60"/>
        <source>更改界面语言后需重新启动本程序。</source>
        <translation>A language change takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="65"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="68"/>
        <source>数据文件位置</source>
        <translation>Data file</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="75"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="78"/>
        <location filename="../../ui/views/settings_view.py" line="91"/>
        <source>更改密码</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="87"/>
        <source>原密码</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="88"/>
        <source>新密码</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="90"/>
        <source>再次输入新密码</source>
        <translation>Repeat new passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="117"/>
        <source>请输入原密码。</source>
        <translation>Enter the current passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="120"/>
        <source>新密码太弱：%1</source>
        <translation>New passphrase too weak: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="123"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="126"/>
        <source>新密码与原密码相同。</source>
        <translation>The new passphrase is the same as the current one.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="129"/>
        <source>正在更改密码…</source>
        <translation>Changing the passphrase…</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="136"/>
        <source>密码已更改。下次解锁请使用新密码。</source>
        <translation>Passphrase changed. Use the new one to unlock next time.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/main.py" line="103"/>
        <source>正在生成演示数据（约 %1 户），请稍候…</source>
        <translation>Generating demo data (about %1 households), please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="169"/>
        <source>演示数据已生成。</source>
        <translation>Demo data generated.</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="178"/>
        <source>生成演示数据失败：%1</source>
        <translation>Generating demo data failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="181"/>
        <source>办公室的工作没有交给本地演示平台（%1），首次同步时经办人员和督导的修改会被拒绝。</source>
        <translation>The office's work was not handed to the local demo platform (%1); the first sync will have the office staff's and the supervisor's changes refused.</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="355"/>
        <source>平台拒绝了 %1 条修改</source>
        <translation>the platform refused %1 changes</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="231"/>
        <source>已锁定。请输入密码继续工作。</source>
        <translation>Locked. Enter the passphrase to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="251"/>
        <source>本地演示平台没有启动：端口 %1 已被占用（也许另一个演示正在运行）。同步会连到占用该端口的程序。</source>
        <translation>The local demo platform did not start: port %1 is in use (perhaps another demo is running). Sync will talk to whatever holds that port.</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="264"/>
        <source>本地演示平台没有启动：%1</source>
        <translation>The local demo platform did not start: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="282"/>
        <source>本地演示平台启动后退出了（退出码 %1），同步将连不上。原因见 %2。</source>
        <translation>The local demo platform exited after starting (exit code %1); sync will not connect. See %2 for why.</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../ui/views/cases_view.py" line="57"/>
        <source>{step} · 时限 {n} 个工作日</source>
        <translation>{step} · {n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="59"/>
        <source>{step}</source>
        <translation>{step}</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <location filename="../../ui/unlock.py" line="72"/>
        <location filename="../../ui/unlock.py" line="77"/>
        <source>就业援助走访台</source>
        <translation>OutreachDesk</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="103"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35"/>
        <source>太弱</source>
        <translation>very weak</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35"/>
        <source>弱</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35"/>
        <source>一般</source>
        <translation>fair</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35"/>
        <source>较强</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35"/>
        <source>强</source>
        <translation>strong</translation>
    </message>
</context>
<context>
    <name>StrictDateEdit</name>
    <message>
        <location filename="../../ui/dialogs/date_edit.py" line="45"/>
        <source>输入的日期“{typed}”无效（已显示为 {shown}），请重新填写</source>
        <translation>The date typed, &quot;{typed}&quot;, is not valid (it now shows {shown}); please type it again</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <location filename="../../ui/sync_runner.py" line="132"/>
        <source>同步时出现意外错误（%1），本机数据未受影响，请稍后重试。</source>
        <translation>Unexpected error while syncing (%1). Data on this computer is unaffected; try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_runner.py" line="123"/>
        <source>新的规则已生效，%1 个办理时限已重新计算：%2</source>
        <translation>New rules are in force (holiday calendar or time limits); %1 deadlines were computed again: %2</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../ui/views/sync_view.py" line="118"/>
        <source>只在本次运行中记住，不会保存</source>
        <translation>Remembered only while the app runs, never saved</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="122"/>
        <source>联网时自动同步</source>
        <translation>Sync automatically when online</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="127"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="128"/>
        <source>每 </source>
        <translation>every </translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="134"/>
        <source>平台连接</source>
        <translation>Platform connection</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="136"/>
        <source>平台地址</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="137"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="138"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="140"/>
        <source>后台同步</source>
        <translation>Background sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="151"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="154"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="166"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="184"/>
        <location filename="../../ui/views/sync_view.py" line="195"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="184"/>
        <location filename="../../ui/views/sync_view.py" line="195"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="184"/>
        <source>冲突的字段</source>
        <translation>Fields in conflict</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="184"/>
        <source>发现时间</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="186"/>
        <source>双击一行处理冲突</source>
        <translation>Double-click a row to resolve the conflict</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="188"/>
        <source>同一字段在本机和平台上都被修改过。两边的值都已保留，请双击一行逐项选择。</source>
        <translation>The same field was changed on this computer and on the platform. Both values are kept; double-click a row to choose field by field.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="195"/>
        <source>修改的字段</source>
        <translation>Changed fields</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="195"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="196"/>
        <location filename="../../ui/views/sync_view.py" line="212"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="197"/>
        <source>忽略所选</source>
        <translation>Dismiss selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="198"/>
        <source>全部忽略</source>
        <translation>Dismiss all</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="200"/>
        <source>平台拒绝了这些修改，重发也不会成功。请按原因在本机更正后再同步；看过后可以忽略。</source>
        <translation>The platform rejected these changes; sending them again will not help. Correct them here as the reason says, then sync; dismiss them once read.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="212"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="212"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="212"/>
        <source>上传</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="213"/>
        <source>下载</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="213"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="213"/>
        <source>拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="213"/>
        <source>用时</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="214"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="218"/>
        <source>同步记录</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="269"/>
        <source>待上传的修改：%1 条</source>
        <translation>Changes to upload: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="273"/>
        <source>已登录平台（有效至 %1），同步无需再输入密码。</source>
        <translation>Signed in to the platform (valid until %1); no password needed to sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="275"/>
        <source>首次同步或登录过期时需要输入密码。密码只保存在内存中。</source>
        <translation>A password is needed for the first sync or when the login expires. It is kept in memory only.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="283"/>
        <source>上次同步：尚未同步</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="287"/>
        <source>上次同步：%1，成功（上传 %2 条，下载 %3 条）</source>
        <translation>Last sync: %1, succeeded (%2 sent, %3 received)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="291"/>
        <source>上次同步：%1，已取消</source>
        <translation>Last sync: %1, cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="295"/>
        <source>上次同步：%1，失败：%2</source>
        <translation>Last sync: %1, failed: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="310"/>
        <source>待处理冲突（%1）</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="324"/>
        <source>删除记录</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="336"/>
        <source>被拒绝的修改（%1）</source>
        <translation>Rejected changes (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="346"/>
        <source>成功</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="348"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="350"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="353"/>
        <source>待处理冲突 %1 处</source>
        <translation>%1 conflict(s) to resolve</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="355"/>
        <source>仍有 %1 条修改待上传</source>
        <translation>%1 change(s) still to upload</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="356"/>
        <source>自动</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="356"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="358"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="371"/>
        <source>平台地址应以 http:// 或 https:// 开头。</source>
        <translation>The platform address must start with http:// or https://.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="374"/>
        <source>请输入平台用户名。</source>
        <translation>Enter the platform user name.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="382"/>
        <source>正在取消…（已完成的部分会保留）</source>
        <translation>Cancelling… (finished parts are kept)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="393"/>
        <source>正在连接平台…</source>
        <translation>Connecting to the platform…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="405"/>
        <source>%1：%2 / %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="409"/>
        <source>%1：已收到 %2 条</source>
        <translation>%1: %2 received</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="409"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="415"/>
        <source>同步已取消。已完成的部分已保存，未上传的修改仍在本机，下次同步会继续。</source>
        <translation>Sync cancelled. Finished parts are saved; changes not yet sent stay on this computer and the next sync continues.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="418"/>
        <source>同步失败：%1
本机的修改都还在，会在下次同步时发送。</source>
        <translation>Sync failed: %1
All changes are still on this computer and will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="432"/>
        <source>同步完成：上传 %1 条修改，下载 %2 条更新。</source>
        <translation>Sync finished: %1 change(s) sent, %2 update(s) received.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="435"/>
        <source>有 %1 处冲突需要您选择，见“待处理冲突”。</source>
        <translation>%1 conflict(s) need your choice; see “Conflicts”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="439"/>
        <source>%1 条修改被平台拒绝，见“被拒绝的修改”。</source>
        <translation>%1 change(s) rejected by the platform; see “Rejected changes”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="464"/>
        <source>平台可以连接（%1 检查）</source>
        <translation>Platform reachable (checked %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="465"/>
        <source>平台暂时连不上（%1 检查），稍后自动重试</source>
        <translation>Platform unreachable (checked %1); retrying automatically</translation>
    </message>
    <message>
        <location filename="../../ui/sync_runner.py" line="23"/>
        <source>登录</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <location filename="../../ui/sync_runner.py" line="24"/>
        <source>上传附件</source>
        <translation>Uploading attachments</translation>
    </message>
    <message>
        <location filename="../../ui/sync_runner.py" line="25"/>
        <source>上传修改</source>
        <translation>Uploading changes</translation>
    </message>
    <message>
        <location filename="../../ui/sync_runner.py" line="26"/>
        <source>下载更新</source>
        <translation>Downloading updates</translation>
    </message>
    <message>
        <location filename="../../ui/sync_runner.py" line="27"/>
        <source>下载附件</source>
        <translation>Downloading attachments</translation>
    </message>
    <message>
        <location filename="../../ui/sync_runner.py" line="28"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="437"/>
        <source>冲突已全部处理。</source>
        <translation>All conflicts resolved.</translation>
    </message>
</context>
<context>
    <name>TaxCheckDialog</name>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="232"/>
        <source>个人纳税情况人工核查 — {name}</source>
        <translation>Manual personal-tax check — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="236"/>
        <source>核查结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/dialogs.py" line="237"/>
        <source>核查日期</source>
        <translation>Checked on</translation>
    </message>
</context>
<context>
    <name>TodoView</name>
    <message>
        <location filename="../../ui/views/todo_view.py" line="70"/>
        <source>打印今日走访表</source>
        <translation>Print today&apos;s visit sheets</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="72"/>
        <source>打印路线单</source>
        <translation>Print route sheet</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="77"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="83"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="83"/>
        <source>事项</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="83"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="83"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="96"/>
        <source>双击或按回车打开人员详情</source>
        <translation>Double-click or press Enter to open the person</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="134"/>
        <source>读取失败：{e}</source>
        <translation>Loading failed: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="150"/>
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="164"/>
        <source>今日待办（{d}）</source>
        <translation>Today ({d})</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="165"/>
        <source>共 {n} 项，其中超期 {o} 项</source>
        <translation>{n} item(s), {o} overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="74"/>
        <source>办理所选</source>
        <translation>Act on selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="75"/>
        <source>记录回访、期满评估或提出退出</source>
        <translation>Record a follow-up, an evaluation or propose an exit</translation>
    </message>
</context>
<context>
    <name>Unencrypted</name>
    <message>
        <location filename="../../ui/unencrypted.py" line="13"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/unencrypted.py" line="14"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/unencrypted.py" line="15"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/unencrypted.py" line="22"/>
        <source>导出未加密文件</source>
        <translation>Export an unencrypted file</translation>
    </message>
    <message>
        <location filename="../../ui/unencrypted.py" line="32"/>
        <source>已导出：{path}（文件不加密）</source>
        <translation>Exported: {path} (not encrypted)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock.py" line="152"/>
        <source>数据文件：%1</source>
        <translation>Data file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="156"/>
        <source>请输入数据文件密码</source>
        <translation>Enter the data file passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="158"/>
        <source>密码</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="159"/>
        <source>显示密码</source>
        <translation>Show passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="164"/>
        <source>演示模式：密码为 %1</source>
        <translation>Demo mode: the passphrase is %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="169"/>
        <location filename="../../ui/unlock.py" line="282"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="190"/>
        <source>请输入密码。</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="192"/>
        <source>正在打开数据文件…</source>
        <translation>Opening the data file…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="223"/>
        <source>密码不正确（第 %1 次），或数据文件的第一页已损坏。请检查大小写和输入法后重试；若确认密码无误，请用“outreach-desk check”检查数据文件。</source>
        <translation>Wrong passphrase (attempt %1), or the first page of the data file is damaged. Check Caps Lock and the input method, then try again; if the passphrase is right, check the file with “outreach-desk check”.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="228"/>
        <source>无法打开：%1</source>
        <translation>Cannot open: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="231"/>
        <source>数据文件已损坏：%1</source>
        <translation>The data file is damaged: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="236"/>
        <source>打开失败：%1</source>
        <translation>Opening failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="276"/>
        <source>请等待 %1 秒</source>
        <translation>Wait %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="171"/>
        <source>在其他位置新建数据文件…</source>
        <translation>Create a new data file elsewhere…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="242"/>
        <source>新建数据文件</source>
        <translation>New data file</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="243"/>
        <source>走访台数据文件 (*.db)</source>
        <translation>OutreachDesk data files (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="248"/>
        <source>请选择一个新的文件名，已有的文件不会被覆盖。</source>
        <translation>Choose a new file name; an existing file is never overwritten.</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="94"/>
        <source>记录走访 — {name}</source>
        <translation>Record visit — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="145"/>
        <source>一、人员底数（核实家庭成员及其就业状态）</source>
        <translation>1. Household members (check each member and their employment)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="149"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="149"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="149"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="149"/>
        <source>就业状态</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="149"/>
        <source>已核实</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="157"/>
        <source>添加家庭成员</source>
        <translation>Add household member</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="164"/>
        <source>二、就业状态&#x3000;三、就业意愿&#x3000;四、服务需求</source>
        <translation>2. Employment status   3. Willingness to work   4. Service needs</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="167"/>
        <location filename="../../ui/dialogs/visit_form.py" line="484"/>
        <source>请选择</source>
        <translation>Select…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="170"/>
        <source>就业状态 *</source>
        <translation>Employment status *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="175"/>
        <source>选择或填写</source>
        <translation>Choose or type</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="177"/>
        <source>就业意愿 *</source>
        <translation>Willing to work *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="187"/>
        <source>服务需求 *</source>
        <translation>Service needs *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="191"/>
        <source>失业原因与求职意向</source>
        <translation>Unemployment reason and job wishes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="197"/>
        <source>手机号，或微信/其他方式</source>
        <translation>Mobile number, or WeChat / other</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="201"/>
        <source>失业原因</source>
        <translation>Unemployment reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="202"/>
        <source>意向岗位</source>
        <translation>Intended job</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="203"/>
        <source>意向行业</source>
        <translation>Intended industry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="204"/>
        <source>意向地区</source>
        <translation>Intended area</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="205"/>
        <source>期望薪资</source>
        <translation>Expected wage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="206"/>
        <source>技能水平</source>
        <translation>Skill level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="207"/>
        <source>培训意愿</source>
        <translation>Training wish</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="212"/>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="220"/>
        <location filename="../../ui/dialogs/visit_form.py" line="233"/>
        <source>走访情况</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="223"/>
        <source>走访日期 *</source>
        <translation>Visit date *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="226"/>
        <source>未安排</source>
        <translation>Not scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="228"/>
        <source>下次走访日期</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="230"/>
        <source>家庭及就业情况、本人诉求等</source>
        <translation>Household and employment situation, the person&apos;s requests, etc.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="250"/>
        <source>本次提供的服务</source>
        <translation>Services given on this visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="255"/>
        <source>服务类型</source>
        <translation>Service type</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="256"/>
        <source>推荐单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="257"/>
        <source>推荐岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="258"/>
        <source>岗位薪资</source>
        <translation>Wage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="259"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="260"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="269"/>
        <source>添加服务</source>
        <translation>Add service</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="271"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="277"/>
        <source>证件照片（加密保存在本机数据文件中）</source>
        <translation>Document photos (stored encrypted in the local data file)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="282"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="284"/>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="297"/>
        <location filename="../../ui/dialogs/visit_form.py" line="723"/>
        <source>保存走访记录</source>
        <translation>Save visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="300"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="438"/>
        <source>未记录</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="516"/>
        <source>{name}（{kb} KB）</source>
        <translation>{name} ({kb} KB)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="522"/>
        <source>选择证件照片</source>
        <translation>Choose document photos</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="522"/>
        <source>图片或 PDF (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</source>
        <translation>Images or PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="594"/>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="595"/>
        <source>发现未保存的走访记录草稿（{time}），是否恢复？</source>
        <translation>An unsaved visit draft was found ({time}). Restore it?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="604"/>
        <source>已恢复 {time} 的草稿</source>
        <translation>Draft from {time} restored</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="614"/>
        <source>草稿已自动保存（{time}）</source>
        <translation>Draft saved automatically ({time})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="665"/>
        <source>附件“{name}”超过 20 MB，请压缩后再添加</source>
        <translation>Attachment “{name}” is over 20 MB; compress it, then add it again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="697"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="717"/>
        <source>走访记录已保存</source>
        <translation>Visit saved</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="727"/>
        <source>保存失败：{error}</source>
        <translation>Saving failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="736"/>
        <source>（{sex}，{age}岁）</source>
        <translation> ({sex}, {age})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="737"/>
        <source>走访对象：{who}&#x3000;&#x3000;{area} · {address}</source>
        <translation>Visiting: {who}    {area} · {address}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="739"/>
        <source>走访对象：{who}</source>
        <translation>Visiting: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="237"/>
        <source>就业情况（已就业/创业时填写）</source>
        <translation>Job found (when employed or self-employed)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="421"/>
        <source>保存后将按“已就业/创业”提出退出，由督导/审核人员审定；跟踪回访从入职日期起排期。</source>
        <translation>Saving proposes the exit as &quot;employed/self-employed&quot; for the supervisor to decide; follow-ups are scheduled from the start date.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="716"/>
        <source>走访记录已保存，已提出退出，等待督导审核</source>
        <translation>Visit saved; exit proposed, waiting for the supervisor</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <location filename="../../ui/views/visits_view.py" line="39"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="40"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="41"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="42"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="43"/>
        <source>走访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="44"/>
        <source>就业状态</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="45"/>
        <source>就业意愿</source>
        <translation>Willing to work</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="46"/>
        <source>服务需求</source>
        <translation>Service needs</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="47"/>
        <source>走访情况</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="106"/>
        <source>计划走访</source>
        <translation>Planned visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="106"/>
        <source>已走访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="108"/>
        <source>（第 {n} 站）</source>
        <translation> (stop {n})</translation>
    </message>
</context>
<context>
    <name>VisitsSection</name>
    <message>
        <location filename="../../ui/views/person/visits.py" line="20"/>
        <source>走访（{n}）</source>
        <translation>Visits ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="20"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="29"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="29"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="29"/>
        <source>走访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="29"/>
        <source>就业状态</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="30"/>
        <source>就业意愿</source>
        <translation>Willing to work</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="30"/>
        <source>服务需求</source>
        <translation>Service needs</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="30"/>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="31"/>
        <source>走访情况</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="46"/>
        <source>计划走访（已逾期）</source>
        <translation>Planned visit (overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="46"/>
        <source>计划走访</source>
        <translation>Planned visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/person/visits.py" line="51"/>
        <source>已走访</source>
        <translation>Visited</translation>
    </message>
</context>
<context>
    <name>VisitsView</name>
    <message>
        <location filename="../../ui/views/visits_view.py" line="139"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="140"/>
        <source>已走访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="141"/>
        <source>计划走访</source>
        <translation>Planned visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="144"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="148"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="148"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="181"/>
        <source>&#x3000;共 {n} 条</source>
        <translation>  {n} visit(s)</translation>
    </message>
</context>
<context>
    <name>WelfareView</name>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="74"/>
        <source>分析期间</source>
        <translation>Analysis period</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="80"/>
        <source>按</source>
        <translation>by</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="87"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="88"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="89"/>
        <source>打印台账…</source>
        <translation>Print ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="97"/>
        <source>岗位与空岗</source>
        <translation>Posts and vacancies</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="98"/>
        <source>在岗人员台账</source>
        <translation>People on posts</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="99"/>
        <source>补贴申领</source>
        <translation>Subsidy claims</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="100"/>
        <source>使用效率分析</source>
        <translation>Usage efficiency</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="101"/>
        <source>历史数据清理</source>
        <translation>History clean-up</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="121"/>
        <source>开发岗位…</source>
        <translation>New post…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="122"/>
        <source>安置人员…</source>
        <translation>Place a person…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="126"/>
        <source>所在区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="126"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="134"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="148"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="200"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="206"/>
        <source>用人单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="126"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="134"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="149"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="200"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="206"/>
        <source>岗位名称</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="126"/>
        <source>岗位类型</source>
        <translation>Post type</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="127"/>
        <source>资金来源</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="127"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="175"/>
        <source>开发岗位数</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="127"/>
        <source>在岗</source>
        <translation>Filled</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="127"/>
        <source>空岗</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="128"/>
        <source>开发日期</source>
        <translation>Developed on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="128"/>
        <source>空岗报告</source>
        <translation>Vacancy report</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="130"/>
        <source>空岗报告（岗位空出后 {n} 个工作日内报告）</source>
        <translation>Vacancy reports (due within {n} working days of a post falling vacant)</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="132"/>
        <source>登记已报告…</source>
        <translation>Record as reported…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="134"/>
        <source>空岗日期</source>
        <translation>Vacant since</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="134"/>
        <source>报告时限</source>
        <translation>Report due</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="135"/>
        <source>报告日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="135"/>
        <source>报告人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="135"/>
        <source>补岗日期</source>
        <translation>Filled on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="142"/>
        <source>办理离岗…</source>
        <translation>Leave the post…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="143"/>
        <source>申领补贴…</source>
        <translation>Claim a subsidy…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="144"/>
        <source>只看在岗</source>
        <translation>Only people on posts now</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="148"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="163"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="200"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="206"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="148"/>
        <source>所在社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="148"/>
        <source>困难类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="149"/>
        <source>次数</source>
        <translation>Placement no.</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="149"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="206"/>
        <source>上岗日期</source>
        <translation>Started on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="149"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="207"/>
        <source>离岗日期</source>
        <translation>Left on</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="150"/>
        <source>离岗原因</source>
        <translation>Reason for leaving</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="150"/>
        <source>补贴期满</source>
        <translation>Subsidy until</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="150"/>
        <source>已发岗位补贴</source>
        <translation>Post subsidy paid</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="151"/>
        <source>已发社保补贴</source>
        <translation>Social-insurance subsidy paid</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="151"/>
        <source>暂缓申领</source>
        <translation>Held claims</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="159"/>
        <source>登记纳税核查…</source>
        <translation>Record tax check…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="160"/>
        <source>重新核查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="161"/>
        <source>导入社保缴费数据…</source>
        <translation>Import social-insurance payments…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="163"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="163"/>
        <source>补贴项目</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="163"/>
        <source>申领月份</source>
        <translation>Months</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="164"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="164"/>
        <source>核查状态</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="164"/>
        <source>暂缓原因</source>
        <translation>Held because</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="165"/>
        <source>个人纳税核查</source>
        <translation>Personal-tax check</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="175"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="175"/>
        <source>岗位数</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="175"/>
        <source>在岗率</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="176"/>
        <source>空岗天数</source>
        <translation>Vacancy days</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="176"/>
        <source>在岗人数</source>
        <translation>People placed</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="176"/>
        <source>离岗人数</source>
        <translation>Leavers</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="177"/>
        <source>人员流动率</source>
        <translation>Turnover</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="177"/>
        <source>转向市场就业</source>
        <translation>Moved on to market jobs</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="177"/>
        <source>补贴合计（元）</source>
        <translation>Subsidy total (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="178"/>
        <source>人均补贴（元）</source>
        <translation>Subsidy per person (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="180"/>
        <source>在岗率 = 在岗人天 ÷ 岗位天数；流动率 = 离岗人数 ÷ 平均在岗人数；人均补贴只计核查通过的申领；待清理的历史数据不计入。</source>
        <translation>Occupancy = person-days on posts ÷ post-days; turnover = leavers ÷ average headcount; subsidy per person counts claims that passed their checks only; history waiting for clean-up is not counted.</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="190"/>
        <source>选择历史台账文件…</source>
        <translation>Choose an old ledger file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="191"/>
        <source>导入可导入的行</source>
        <translation>Import the importable rows</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="197"/>
        <source>2024年1月以来的历史台账先校验、后导入；同一文件可重复导入，已导入的行会跳过。</source>
        <translation>Old ledgers since January 2024 are checked first, then imported; the same file may be imported again, rows already imported are skipped.</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="200"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="201"/>
        <source>校验结果</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="201"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="203"/>
        <source>待清理（核实前不计入台账和分析）</source>
        <translation>Clean-up list (not counted in the ledger or the analysis until confirmed)</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="204"/>
        <source>核实无误</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="207"/>
        <source>待核实事项</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="216"/>
        <source>&#x3000;结束日期不能早于开始日期</source>
        <translation>  The end date cannot be before the start date</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="218"/>
        <source>&#x3000;正在读取…</source>
        <translation>  Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="223"/>
        <source>&#x3000;读取失败：{e}</source>
        <translation>  Could not load: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="232"/>
        <source>&#x3000;岗位 {p} 个，在岗 {a} 人，空岗 {v} 个；空岗报告超期 {o} 个；暂缓申领 {h} 笔</source>
        <translation>  {p} posts, {a} people on them, {v} vacant; {o} vacancy reports overdue; {h} claims held</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="254"/>
        <source>在岗率 {o}&#x3000;空岗 {v} 天&#x3000;流动率 {t}&#x3000;转向市场就业 {m} 人&#x3000;人均补贴 {s} 元</source>
        <translation>Occupancy {o}   vacancy {v} days   turnover {t}   moved on to market jobs {m}   subsidy per person {s} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="296"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="300"/>
        <source>请先在上表选中一个岗位</source>
        <translation>Select a post in the table above first</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="304"/>
        <source>请先选中一条空岗报告</source>
        <translation>Select a vacancy report first</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="308"/>
        <source>请先选中一名在岗人员</source>
        <translation>Select a person on a post first</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="312"/>
        <source>请先选中一名人员</source>
        <translation>Select a person first</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="316"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="320"/>
        <source>请先选中一笔申领</source>
        <translation>Select a claim first</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="331"/>
        <source>请先选中一条待清理记录</source>
        <translation>Select a record to clean up first</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="338"/>
        <source>表格文件 (*.xlsx *.xls *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="342"/>
        <source>导入社保缴费数据</source>
        <translation>Import social-insurance payments</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="347"/>
        <source>正在导入社保缴费数据…</source>
        <translation>Importing social-insurance payments…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="349"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="382"/>
        <source>导入失败：{e}</source>
        <translation>Import failed: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="352"/>
        <source>社保缴费数据：读入 {rows} 条，新增 {added} 条，人员库中没有的身份证号 {unknown} 个，无法读取的行 {bad} 行。请对暂缓的申领点“重新核查”。</source>
        <translation>Social-insurance payments: {rows} read, {added} new, {unknown} ID numbers not in the store, {bad} unreadable rows. Use “Check again” on held claims.</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="357"/>
        <source>选择历史台账文件</source>
        <translation>Choose an old ledger file</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="362"/>
        <source>正在校验…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="365"/>
        <source>无法导入：{e}</source>
        <translation>Cannot import: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="386"/>
        <source>已导入：新建岗位 {p} 个，安置记录 {n} 条，其中待清理 {c} 条。</source>
        <translation>Imported: {p} new posts, {n} placements, {c} of them to clean up.</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="392"/>
        <source>导出的文件不加密，含人员姓名和身份证号，任何拿到文件的人都能打开。请妥善保管、用后删除。是否继续？</source>
        <translation>The exported file is not encrypted and holds names and ID numbers: anyone who gets it can open it. Keep it safe and delete it after use. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="396"/>
        <source>公益性岗位台账_{date}</source>
        <translation>welfare_jobs_ledger_{date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="395"/>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="412"/>
        <location filename="../../ui/views/welfare/welfare_view.py" line="423"/>
        <source>导出失败：{e}</source>
        <translation>Export failed: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="426"/>
        <source>公益性岗位动态管理台账</source>
        <translation>Public welfare jobs ledger</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="429"/>
        <source>无法打印：{e}</source>
        <translation>Cannot print: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="193"/>
        <source>导出校验报告…</source>
        <translation>Save the check report…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="401"/>
        <source>导出校验报告</source>
        <translation>Save the check report</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="401"/>
        <source>历史台账校验报告_{date}</source>
        <translation>ledger_check_report_{date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="123"/>
        <source>撤销岗位…</source>
        <translation>Withdraw post…</translation>
    </message>
    <message>
        <location filename="../../ui/views/welfare/welfare_view.py" line="234"/>
        <source>已撤销 {date}</source>
        <translation>Withdrawn {date}</translation>
    </message>
</context>
<context>
    <name>WorkflowDialog</name>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="56"/>
        <source>认定办理 — {name}</source>
        <translation>Certification — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="76"/>
        <source>当前环节</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="77"/>
        <source>认定类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="78"/>
        <source>您的角色</source>
        <translation>Your role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="82"/>
        <source>办理操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="86"/>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="88"/>
        <source>请选择</source>
        <translation>Select…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="91"/>
        <source>退出原因 *</source>
        <translation>Exit reason *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="102"/>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="179"/>
        <source>意见/说明</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="109"/>
        <source>{role}在「{stage}」环节没有可办理的操作</source>
        <translation>Role “{role}” has no actions at the “{stage}” stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="114"/>
        <source>确定办理</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="115"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="179"/>
        <source>意见/说明 *</source>
        <translation>Comment *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="232"/>
        <source>办理失败：{error}</source>
        <translation>Action failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="94"/>
        <source>退出佐证 *</source>
        <translation>Exit evidence *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="99"/>
        <source>退出申请</source>
        <translation>Exit proposal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="244"/>
        <source>{by} {on} 提出</source>
        <translation>proposed by {by} on {on}</translation>
    </message>
</context>
<context>
    <name>_ContactDialog</name>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="53"/>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="65"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="66"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/followup_dialog.py" line="90"/>
        <source>保存失败：{error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>_IntakeDialog</name>
    <message>
        <location filename="../../ui/dialogs/register_dialog.py" line="120"/>
        <source>保存失败：{error}</source>
        <translation>Saving failed: {error}</translation>
    </message>
</context>
</TS>
