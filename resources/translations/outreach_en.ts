<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../ui/views/cases_view.py" line="91" />
        <source>社区</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="98" />
        <source>刷新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="116" />
        <source>双击打开人员详情；每列按办理时限由近到远排列，超期标红</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="127" />
        <source>全部社区</source>
        <translation type="unfinished">All communities</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="137" />
        <source>　正在读取…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="150" />
        <source>　读取失败：{e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="163" />
        <source>　在办 {a} 人，共 {t} 人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="179" />
        <source>（未知）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="192" />
        <source>显示更多（还有 {n} 人）…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="115" />
        <source>处理同步冲突 — %1：%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="119" />
        <source>这条记录在本机和平台上被同时修改了（黄色的字段）。请逐项选择要保留的值：选“本机”保留本机的修改，选“平台”采用平台上的值。其余字段两边一致，只作参考。选择会在下次同步时发送到平台。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="124" />
        <source>字段</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="124" />
        <source>本机的值</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="124" />
        <source>平台的值</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="138" />
        <source>全部用本机</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="139" />
        <source>全部用平台</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="140" />
        <source>打开记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="145" />
        <source>应用选择</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="146" />
        <source>取消</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="182" />
        <source>本机</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="183" />
        <source>平台</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="230" />
        <source>还有 %1 个字段未选择，未选择的字段保持冲突状态。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="231" />
        <source>已全部选择。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="253" />
        <source>无法保存选择</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="254" />
        <source>保存选择时出错：%1。请关闭后重新打开此冲突。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CreateDialog</name>
    <message>
        <location filename="../../ui/unlock.py" line="259" />
        <source>首次使用：设置数据文件密码。所有数据加密保存在本机，忘记密码将无法恢复。</source>
        <translation>First use: choose the data file passphrase. All data is stored encrypted on this computer; a forgotten passphrase cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="261" />
        <source>例如：张丽</source>
        <translation>e.g. Zhang Li</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="263" />
        <source>平台登录账号</source>
        <translation>Platform login name</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="266" />
        <source>至少 10 个字符，混合字母、数字、汉字或符号</source>
        <translation>At least 10 characters: mix letters, digits, Chinese or symbols</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="272" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="273" />
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="274" />
        <source>密码</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="276" />
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="277" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="286" />
        <source>请填写姓名。</source>
        <translation>Enter your name.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="290" />
        <source>密码太弱：%1</source>
        <translation>Passphrase too weak: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="293" />
        <source>两次输入的密码不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="298" />
        <source>正在创建加密数据文件…</source>
        <translation>Creating the encrypted data file…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="316" />
        <source>创建失败：%1</source>
        <translation>Creating failed: %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="165" />
        <source>刷新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="167" />
        <source>导出的文件不加密</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="169" />
        <source>导出 Excel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="170" />
        <source>导出 PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="174" />
        <source>区域：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="186" />
        <source>援助对象</source>
        <translation type="unfinished">Cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="187" />
        <source>帮扶中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="188" />
        <source>服务包达标率</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="189" />
        <source>环节已超期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="190" />
        <source>即将到期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="191" />
        <source>回访逾期未做</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="192" />
        <source>零就业未清零（户）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="193" />
        <source>待审核</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="216" />
        <source>概览</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="234" />
        <source>全部辖区</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="254" />
        <source>正在统计…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="273" />
        <source>统计失败：%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="284" />
        <source>统计日期 %1，用时 %2 秒</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="295" />
        <source>达标 %1 人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="300" />
        <source>%1 个工作日内</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="303" />
        <source>最长 %1 天</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="306" />
        <source>超期 %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="341" />
        <source>各环节人数（点击柱子查看明细）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="342" />
        <source>人数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="358" />
        <source>在册援助对象困难类别</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="372" />
        <source>各社区最低服务包达标情况</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="373" />
        <source>达标</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="373" />
        <source>未达标</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="426" />
        <source>点击数字查看明细。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="473" />
        <source>合计</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="488" />
        <source>导出未加密文件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="489" />
        <source>导出的文件不加密，任何拿到文件的人都能打开。文件只含统计数字和专干姓名，但仍请妥善保管、用后删除。是否继续？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="495" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="495" />
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="496" />
        <source>导出统计</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="503" />
        <source>正在导出…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="508" />
        <source>已导出：%1（文件不加密）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="109" />
        <source>记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="109" />
        <source>类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="117" />
        <source>双击一行打开该人员。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="119" />
        <source>关闭</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="133" />
        <source>明细：%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="134" />
        <source>%1　共 %2 条</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HelpPlanEditor</name>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="64" />
        <source>援助方案 — {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="75" />
        <source>困难类型 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="77" />
        <source>请选择</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="83" />
        <source>困难程度 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="86" />
        <source>优势</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="87" />
        <source>就业障碍</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="88" />
        <source>就业意向</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="89" />
        <source>进展</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="98" />
        <source>帮扶措施</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="101" />
        <source>措施内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="101" />
        <source>责任人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="101" />
        <source>目标日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="101" />
        <source>已完成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="113" />
        <source>添加措施</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="115" />
        <source>删除所选</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="132" />
        <source>保存援助方案</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="135" />
        <source>取消</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="153" />
        <source>年-月-日，如 2026-12-31</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/help_plan_editor.py" line="232" />
        <source>保存失败：{error}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app_window.py" line="61" />
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="61" />
        <source>户与人员</source>
        <translation>Households &amp;&amp; people</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="62" />
        <source>援助对象</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="62" />
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="63" />
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="63" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="64" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="64" />
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="76" />
        <location filename="../../ui/app_window.py" line="79" />
        <location filename="../../ui/app_window.py" line="84" />
        <source>此功能加载失败</source>
        <translation>This screen failed to load</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="128" />
        <source>就业援助走访台</source>
        <translation>OutreachDesk</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="138" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="138" />
        <source>输入密码解锁后继续工作。</source>
        <translation>Enter the passphrase to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="156" />
        <source>← 返回列表</source>
        <translation>← Back to list</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="157" />
        <source>返回（Esc）</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="193" />
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="194" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="195" />
        <location filename="../../ui/app_window.py" line="196" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="198" />
        <source>切换标签页</source>
        <translation>Switch tab</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="320" />
        <source>人员：%1</source>
        <translation>Person: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="322" />
        <source>家庭：%1</source>
        <translation>Household: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="372" />
        <source>数据文件：%1</source>
        <translation>Data file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="391" />
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="391" />
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="392" />
        <source>待上传：%1 条</source>
        <translation>To upload: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="407" />
        <source>社区专干</source>
        <translation>community worker</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="407" />
        <source>经办人员</source>
        <translation>office staff</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="408" />
        <source>督导审核</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/app_window.py" line="408" />
        <source>管理员</source>
        <translation>administrator</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../ui/views/people_view.py" line="97" />
        <source>查找：姓名、拼音首字母（如 zs）、身份证号或手机号码（Ctrl+F）</source>
        <translation>Find: name, pinyin initials (e.g. zs), ID number or phone digits (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="110" />
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="115" />
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="119" />
        <source>全部环节</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="123" />
        <source>全部时限</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="124" />
        <source>3 个工作日内到期</source>
        <translation>Due within 3 working days</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="125" />
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="126" />
        <source>服务包未完成</source>
        <translation>Service package incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="127" />
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="129" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="129" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="130" />
        <source>环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="130" />
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="197" />
        <source>正在建立索引，先显示 %1 人</source>
        <translation>Building the index; showing %1 people</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="199" />
        <source>共 %1 人（正在建立索引，先显示前 %2 人）</source>
        <translation>%1 people (building the index; showing the first %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="202" />
        <source>共 %1 人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="263" />
        <source>未找到该表对应的记录（可能尚未同步到本机，或已删除）。</source>
        <translation>No record for this sheet (not yet synced to this computer, or deleted).</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="269" />
        <source>该表打印自旧版本（打印时版本 %1，当前版本 %2）</source>
        <translation>This sheet was printed from an older version (version %1 when printed, now %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/people_view.py" line="333" />
        <source>建立查找索引失败：%1</source>
        <translation>Building the search index failed: %1</translation>
    </message>
</context>
<context>
    <name>PersonListModel</name>
    <message>
        <location filename="../../ui/models/person_list.py" line="40" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="41" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="42" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="43" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="44" />
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="45" />
        <source>与户主关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="46" />
        <source>就业状态</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="47" />
        <source>援助类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="48" />
        <source>办理环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="49" />
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="50" />
        <source>最低服务包</source>
        <translation>Service package</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="117" />
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location filename="../../ui/models/person_list.py" line="160" />
        <source>%1（已超期）</source>
        <translation>%1 (overdue)</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <location filename="../../ui/views/person_view.py" line="181" />
        <source>记录走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="183" />
        <location filename="../../ui/views/person_view.py" line="603" />
        <source>计划走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="185" />
        <location filename="../../ui/views/person_view.py" line="631" />
        <source>编辑援助方案</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="195" />
        <source>家庭</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="207" />
        <source>家庭成员（年龄、性别据身份证号）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="211" />
        <source>姓名</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="212" />
        <source>关系</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="213" />
        <source>性别</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="214" />
        <source>年龄</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="215" />
        <location filename="../../ui/views/person_view.py" line="237" />
        <source>就业状态</source>
        <translation type="unfinished">Employment</translation>
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="216" />
        <source>认定环节</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="231" />
        <source>概况</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="234" />
        <location filename="../../ui/views/person_view.py" line="346" />
        <source>日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="235" />
        <source>类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="236" />
        <source>走访人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="238" />
        <source>就业意愿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="239" />
        <source>服务需求</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="240" />
        <source>附件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="241" />
        <source>走访情况</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="245" />
        <source>走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="246" />
        <source>援助方案</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="247" />
        <source>服务</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="250" />
        <source>应回访日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="251" />
        <source>回访类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="252" />
        <source>回访日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="253" />
        <source>状态</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="254" />
        <source>回访情况</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="258" />
        <source>回访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="261" />
        <source>审核意见</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="264" />
        <source>时间</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="264" />
        <source>操作人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="264" />
        <source>对象</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="264" />
        <source>操作</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="264" />
        <source>修改内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="268" />
        <source>修改记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="278" />
        <source>认定条件（系统判断，供参考）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="286" />
        <source>认定办理</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="294" />
        <source>材料清单（勾选即保存）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="299" />
        <source>可办理的操作</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="319" />
        <source>困难类型/程度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="320" />
        <source>优势</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="321" />
        <source>就业障碍</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="322" />
        <source>就业意向</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="323" />
        <source>进展</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="331" />
        <source>帮扶措施</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="331" />
        <source>责任人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="331" />
        <source>目标日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="331" />
        <source>完成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="339" />
        <source>最低服务包（岗位推荐 ≥3、职业指导 ≥1、政策咨询 ≥1）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="347" />
        <source>服务类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="348" />
        <source>推荐单位</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="349" />
        <source>岗位</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="350" />
        <source>薪资</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="351" />
        <source>结果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="352" />
        <source>服务人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="353" />
        <source>说明</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="366" />
        <source>记录不存在或已删除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="380" />
        <source>该家庭暂无成员</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="387" />
        <source>该人员已删除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="398" />
        <source>未选择人员</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="446" />
        <source>{sex}，{age}岁</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="447" />
        <source>无身份证号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="453" />
        <source>住址：{address}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="453" />
        <source>未记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="457" />
        <source>无特殊家庭标记</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="476" />
        <source>走访（{n}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="477" />
        <source>服务（{n}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="478" />
        <source>回访（{n}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="482" />
        <source>审核意见（{n} 待答复）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="484" />
        <source>审核意见（{n}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="517" />
        <source>看起来符合认定条件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="517" />
        <source>看起来不符合认定条件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="522" />
        <source>基本条件：{v}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="522" />
        <source>符合</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="522" />
        <source>不符合</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="543" />
        <source>尚未申请认定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="549" />
        <source>环节：{stage}（{step}）　类别：{cat}　申请日期：{applied}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="562" />
        <source>认定有效期至 {d}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="564" />
        <source>已于 {d} 退出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="566" />
        <source>本环节无办理时限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="568" />
        <source>（类别证明）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="584" />
        <source>您的角色在此环节没有可办理的操作</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="588" />
        <source>数据比对：{src}　{detail}（请核实后确认）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="603" />
        <source>计划走访（已逾期）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="617" />
        <source>已走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="631" />
        <source>制定援助方案</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="635" />
        <source>尚未制定援助方案</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="652" />
        <location filename="../../ui/views/person_view.py" line="669" />
        <source>已完成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="654" />
        <source>已逾期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="654" />
        <source>进行中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="669" />
        <source>还差 {n} 次</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="697" />
        <source>已回访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="699" />
        <source>已逾期 {n} 天</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="701" />
        <source>今天到期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="703" />
        <source>待回访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="713" />
        <source>暂无审核意见</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="721" />
        <source>退回</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="724" />
        <source>通过</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="728" />
        <source>&lt;b style='color:{c};'&gt;{v}&lt;/b&gt;　{who}　{on}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="736" />
        <source>审核意见：{c}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="736" />
        <source>（无）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="741" />
        <source>答复（{who}，{on}）：{a}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="749" />
        <source>填写整改情况或答复</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="755" />
        <source>提交答复</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="796" />
        <source>请填写答复内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="801" />
        <source>答复已保存，将在同步时送达审核人</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/widgets/placeholder.py" line="13" />
        <source>此功能尚未就绪</source>
        <translation>This screen is not ready yet</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <location filename="../../ui/views/person_view.py" line="128" />
        <source>计划走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/person_view.py" line="134" />
        <source>走访日期</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/views/review_view.py" line="47" />
        <source>类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="47" />
        <source>人员</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="47" />
        <source>专干</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="47" />
        <source>日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="47" />
        <source>审核期限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="48" />
        <source>状态</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="71" />
        <source>%1（超期 %2 个工作日）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="74" />
        <source>%1（今天到期）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="75" />
        <source>%1（剩 %2 个工作日）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="96" />
        <source>已答复，待再审</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="97" />
        <source>超期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="97" />
        <source>待审核</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../ui/views/review_view.py" line="134" />
        <source>只看超期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="136" />
        <source>刷新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="181" />
        <source>审核意见（退回时必填，专干会在今日待办中看到）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="186" />
        <source>通过</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="187" />
        <source>退回</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="188" />
        <source>打开人员</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="198" />
        <source>审核决定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="261" />
        <source>读取审核队列失败：%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="267" />
        <source>待审核 %1 项，其中超期 %2 项，专干已答复待再审 %3 项</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="303" />
        <source>请选择左侧待审核事项</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="319" />
        <source>%1 %2 %3：%4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="322" />
        <source>　专干答复（%1）：%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="325" />
        <source>审核记录：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="337" />
        <source>退回必须填写审核意见，说明需要专干补正的内容。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/review_view.py" line="355" />
        <source>审核结论已保存，将在下次同步时发送给专干。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="73" />
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="77" />
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="81" />
        <source>无操作自动锁定</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="87" />
        <source>更改界面语言后需重新启动本程序。</source>
        <translation>A language change takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="92" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="95" />
        <source>数据文件位置</source>
        <translation>Data file</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="102" />
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="105" />
        <location filename="../../ui/views/settings_view.py" line="118" />
        <source>更改密码</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="114" />
        <source>原密码</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="115" />
        <source>新密码</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="117" />
        <source>再次输入新密码</source>
        <translation>Repeat new passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="149" />
        <source>请输入原密码。</source>
        <translation>Enter the current passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="152" />
        <source>新密码太弱：%1</source>
        <translation>New passphrase too weak: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="155" />
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="158" />
        <source>新密码与原密码相同。</source>
        <translation>The new passphrase is the same as the current one.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="161" />
        <source>正在更改密码…</source>
        <translation>Changing the passphrase…</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="168" />
        <source>密码已更改。下次解锁请使用新密码。</source>
        <translation>Passphrase changed. Use the new one to unlock next time.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/main.py" line="95" />
        <source>正在生成演示数据（约 %1 户），请稍候…</source>
        <translation>Generating demo data (about %1 households), please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="146" />
        <source>演示数据已生成。</source>
        <translation>Demo data generated.</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="151" />
        <source>生成演示数据失败：%1</source>
        <translation>Generating demo data failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="200" />
        <source>已锁定。请输入密码继续工作。</source>
        <translation>Locked. Enter the passphrase to continue.</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../ui/views/cases_view.py" line="54" />
        <source>{step} · 时限 {n} 个工作日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="56" />
        <source>{step}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <location filename="../../ui/unlock.py" line="72" />
        <location filename="../../ui/unlock.py" line="77" />
        <source>就业援助走访台</source>
        <translation>OutreachDesk</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="103" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35" />
        <source>太弱</source>
        <translation>very weak</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35" />
        <source>弱</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35" />
        <source>一般</source>
        <translation>fair</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35" />
        <source>较强</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/strength.py" line="35" />
        <source>强</source>
        <translation>strong</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <location filename="../../ui/sync_runner.py" line="192" />
        <source>同步时出现意外错误（%1），本机数据未受影响，请稍后重试。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../ui/views/sync_view.py" line="124" />
        <source>只在本次运行中记住，不会保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="128" />
        <source>联网时自动同步</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="133" />
        <source> 分钟</source>
        <translation type="unfinished"> min</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="134" />
        <source>每 </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="140" />
        <source>平台连接</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="142" />
        <source>平台地址</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="143" />
        <source>用户名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="144" />
        <source>密码</source>
        <translation type="unfinished">Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="146" />
        <source>后台同步</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="157" />
        <source>立即同步</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="160" />
        <source>取消</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="172" />
        <source>同步</source>
        <translation type="unfinished">Sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="190" />
        <location filename="../../ui/views/sync_view.py" line="201" />
        <source>类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="190" />
        <location filename="../../ui/views/sync_view.py" line="201" />
        <source>记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="190" />
        <source>冲突的字段</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="190" />
        <source>发现时间</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="192" />
        <source>双击一行处理冲突</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="194" />
        <source>同一字段在本机和平台上都被修改过。两边的值都已保留，请双击一行逐项选择。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="201" />
        <source>修改的字段</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="201" />
        <source>原因</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="202" />
        <location filename="../../ui/views/sync_view.py" line="218" />
        <source>时间</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="203" />
        <source>忽略所选</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="204" />
        <source>全部忽略</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="206" />
        <source>平台拒绝了这些修改，重发也不会成功。请按原因在本机更正后再同步；看过后可以忽略。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="218" />
        <source>方式</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="218" />
        <source>结果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="218" />
        <source>上传</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="219" />
        <source>下载</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="219" />
        <source>冲突</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="219" />
        <source>拒绝</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="219" />
        <source>用时</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="220" />
        <source>说明</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="224" />
        <source>同步记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="275" />
        <source>待上传的修改：%1 条</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="279" />
        <source>已登录平台（有效至 %1），同步无需再输入密码。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="281" />
        <source>首次同步或登录过期时需要输入密码。密码只保存在内存中。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="288" />
        <source>上次同步：尚未同步</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="292" />
        <source>上次同步：%1，成功（上传 %2 条，下载 %3 条）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="296" />
        <source>上次同步：%1，已取消</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="300" />
        <source>上次同步：%1，失败：%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="315" />
        <source>待处理冲突（%1）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="329" />
        <source>删除记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="341" />
        <source>被拒绝的修改（%1）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="351" />
        <source>成功</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="353" />
        <source>已取消</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="355" />
        <source>失败</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="358" />
        <source>待处理冲突 %1 处</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="360" />
        <source>仍有 %1 条修改待上传</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="361" />
        <source>自动</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="361" />
        <source>手动</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="363" />
        <source>%1 秒</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="376" />
        <source>平台地址应以 http:// 或 https:// 开头。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="379" />
        <source>请输入平台用户名。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="387" />
        <source>正在取消…（已完成的部分会保留）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="397" />
        <source>正在连接平台…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="409" />
        <source>%1：%2 / %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="413" />
        <source>%1：已收到 %2 条</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="413" />
        <source>%1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="418" />
        <source>同步已取消。已完成的部分已保存，未上传的修改仍在本机，下次同步会继续。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="421" />
        <source>同步失败：%1
本机的修改都还在，会在下次同步时发送。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="424" />
        <source>同步完成：上传 %1 条修改，下载 %2 条更新。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="427" />
        <source>有 %1 处冲突需要您选择，见“待处理冲突”。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="431" />
        <source>%1 条修改被平台拒绝，见“被拒绝的修改”。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="446" />
        <source>平台可以连接（%1 检查）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="447" />
        <source>平台暂时连不上（%1 检查），稍后自动重试</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TodoView</name>
    <message>
        <location filename="../../ui/views/todo_view.py" line="61" />
        <source>刷新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="66" />
        <source>人员</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="66" />
        <source>事项</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="66" />
        <source>期限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="66" />
        <source>状态</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="78" />
        <source>双击或按回车打开人员详情</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="106" />
        <source>读取失败：{e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="122" />
        <source>今日待办</source>
        <translation type="unfinished">Today</translation>
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="136" />
        <source>今日待办（{d}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/todo_view.py" line="137" />
        <source>共 {n} 项，其中超期 {o} 项</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock.py" line="139" />
        <source>数据文件：%1</source>
        <translation>Data file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="143" />
        <source>请输入数据文件密码</source>
        <translation>Enter the data file passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="145" />
        <source>密码</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="146" />
        <source>显示密码</source>
        <translation>Show passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="151" />
        <source>演示模式：密码为 %1</source>
        <translation>Demo mode: the passphrase is %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="156" />
        <location filename="../../ui/unlock.py" line="245" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="170" />
        <source>请输入密码。</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="172" />
        <source>正在打开数据文件…</source>
        <translation>Opening the data file…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="203" />
        <source>密码不正确（第 %1 次）。请检查大小写和输入法后重试。</source>
        <translation>Wrong passphrase (attempt %1). Check Caps Lock and the input method, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="207" />
        <source>无法打开：%1</source>
        <translation>Cannot open: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="209" />
        <source>数据文件已损坏：%1</source>
        <translation>The data file is damaged: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="213" />
        <source>打开失败：%1</source>
        <translation>Opening failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="239" />
        <source>请等待 %1 秒</source>
        <translation>Wait %1 s</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="104" />
        <source>记录走访 — {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="155" />
        <source>一、人员底数（核实家庭成员及其就业状态）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="159" />
        <source>姓名</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="159" />
        <source>关系</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="159" />
        <source>年龄</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="159" />
        <source>就业状态</source>
        <translation type="unfinished">Employment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="159" />
        <source>已核实</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="170" />
        <source>二、就业状态　三、就业意愿　四、服务需求</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="173" />
        <location filename="../../ui/dialogs/visit_form.py" line="409" />
        <source>请选择</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="177" />
        <source>就业状态 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="182" />
        <source>选择或填写</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="184" />
        <source>就业意愿 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="194" />
        <source>服务需求 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="198" />
        <source>失业原因与求职意向</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="204" />
        <source>手机号，或微信/其他方式</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="206" />
        <source>失业原因</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="207" />
        <source>意向岗位</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="208" />
        <source>意向行业</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="209" />
        <source>意向地区</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="210" />
        <source>期望薪资</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="211" />
        <source>技能水平</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="212" />
        <source>培训意愿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="217" />
        <source>联系方式</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="225" />
        <location filename="../../ui/dialogs/visit_form.py" line="242" />
        <source>走访情况</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="230" />
        <source>走访日期 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="235" />
        <source>未安排</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="237" />
        <source>下次走访日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="239" />
        <source>家庭及就业情况、本人诉求等</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="245" />
        <source>本次提供的服务</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="250" />
        <source>服务类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="251" />
        <source>推荐单位</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="252" />
        <source>推荐岗位</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="253" />
        <source>岗位薪资</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="254" />
        <source>结果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="255" />
        <source>说明</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="265" />
        <source>添加服务</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="267" />
        <source>删除所选</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="276" />
        <source>证件照片（加密保存在本机数据文件中）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="282" />
        <source>添加照片…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="284" />
        <source>移除所选</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="300" />
        <location filename="../../ui/dialogs/visit_form.py" line="634" />
        <source>保存走访记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="303" />
        <source>关闭</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="365" />
        <source>未记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="446" />
        <source>选择证件照片</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="446" />
        <source>图片或 PDF (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="516" />
        <source>恢复草稿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="517" />
        <source>发现未保存的走访记录草稿（{time}），是否恢复？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="526" />
        <source>已恢复 {time} 的草稿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="536" />
        <source>草稿已自动保存（{time}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="578" />
        <source>附件“{name}”超过 20 MB，请压缩后再添加</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="610" />
        <source>正在保存…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="628" />
        <source>走访记录已保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_form.py" line="638" />
        <source>保存失败：{error}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <location filename="../../ui/views/visits_view.py" line="38" />
        <source>日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="39" />
        <source>类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="40" />
        <source>人员</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="41" />
        <source>社区</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="42" />
        <source>走访人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="43" />
        <source>就业状态</source>
        <translation type="unfinished">Employment</translation>
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="44" />
        <source>就业意愿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="45" />
        <source>服务需求</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="46" />
        <source>走访情况</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="105" />
        <source>计划走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="105" />
        <source>已走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="107" />
        <source>（第 {n} 站）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VisitsView</name>
    <message>
        <location filename="../../ui/views/visits_view.py" line="138" />
        <source>全部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="139" />
        <source>已走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="140" />
        <source>计划走访</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="143" />
        <source>类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="147" />
        <source>从</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="147" />
        <source>到</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/views/visits_view.py" line="180" />
        <source>　共 {n} 条</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WorkflowDialog</name>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="51" />
        <source>认定办理 — {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="71" />
        <source>当前环节</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="72" />
        <source>认定类别</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="73" />
        <source>您的角色</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="77" />
        <source>办理操作</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="81" />
        <source>办理时限</source>
        <translation type="unfinished">Due</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="83" />
        <source>请选择</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="86" />
        <source>退出原因 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="90" />
        <location filename="../../ui/dialogs/workflow_dialog.py" line="156" />
        <source>意见/说明</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="97" />
        <source>{role}在「{stage}」环节没有可办理的操作</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="103" />
        <source>确定办理</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="106" />
        <source>取消</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="156" />
        <source>意见/说明 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/dialogs/workflow_dialog.py" line="197" />
        <source>办理失败：{error}</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>