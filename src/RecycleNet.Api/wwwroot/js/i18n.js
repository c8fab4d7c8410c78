// Chinese first; English by the switch in the header. Numbers follow the language (zh-CN or en).
const en = {
  'title': 'Recycling-network planning', 'tab.map': 'Map', 'tab.scorecard': 'Targets', 'tab.gaps': 'Coverage gaps',
  'tab.siting': 'Siting', 'tab.subsidy': 'Subsidy calculator', 'key': 'Planner key', 'layers': 'Layers',
  'key.invalid': 'key not valid', 'key.readonly': 'read only',
  'key.readonlyNote': 'This key reads only: reporting, importing, saving and siting runs are hidden.',
  'layer.districts': 'Districts (shaded by coverage)', 'layer.communities': 'Communities (covered / uncovered)',
  'layer.outlets': 'Recycling outlets', 'layer.centers': 'Sorting centres', 'layer.circles': '15-minute life circles',
  'layer.proposals': 'Siting proposals', 'whatif.title': 'What-if',
  'whatif.hint': 'Click “Place an outlet”, then a spot on the map; click an outlet to close it; “Move an outlet”, then the outlet, then its new place. Nothing is saved unless a planner clicks Save.',
  'whatif.mergeHint': 'Click an operating waste-sorting point to suppose it takes recyclables too (merging the two networks, 两网融合); click again to undo.', 'whatif.add': 'Place an outlet', 'whatif.reset': 'Clear what-if', 'whatif.placing': 'Click the map to place the outlet…',
  'whatif.move': 'Move an outlet', 'whatif.pick': 'Click the outlet to move…', 'whatif.moveTo': 'Click its new place…',
  'whatif.save': 'Save (planner key)', 'whatif.saved': 'Saved.', 'whatif.newName': 'New outlet',
  'whatif.conflict': 'Someone else changed outlet “{name}” after you picked it (now version {version}). Your change to it was not saved; the map now shows the current data — pick it again to redo your change.',
  'whatif.result': 'What-if: {after} of households covered (today {before}), {delta} households',
  'districts': 'Districts', 'export': 'Export XLSX', 'siting.kind': 'Kind', 'siting.outlets': 'Recycling outlets',
  'siting.centers': 'Sorting centres', 'siting.goal': 'Goal', 'siting.reachTarget': 'Reach the policy target',
  'siting.sites': 'Add a number', 'siting.cityShare': 'City coverage share of', 'siting.value': 'Value',
  'siting.time': 'Time limit (s)', 'siting.run': 'Run', 'siting.cancel': 'Cancel', 'siting.needKey': 'Siting needs the planner key.',
  'run.failed': 'Failed', 'run.cancelled': 'Cancelled', 'run.interrupted': 'Interrupted', 'run.queued': 'Queued', 'run.running': 'Running', 'run.done': 'Done',
  'siting.stage': 'Running: {stage}', 'siting.done': 'Done in {ms} ms: objective {objective}, bound {bound}, gap {gap} ({method})',
  'subsidy.window': 'Application window', 'subsidy.applicant': 'Applicant', 'subsidy.name': 'Name',
  'subsidy.mofcom': 'Registered on the MOFCOM business platform', 'subsidy.directCount': 'Directly operated outlets (new included)',
  'subsidy.smallest': 'Smallest directly operated outlet (m²)', 'subsidy.trucks': 'Box trucks', 'subsidy.fixed': 'New fixed outlet',
  'subsidy.area': 'Area (m²)', 'subsidy.builtOn': 'Built on', 'subsidy.direct': 'Directly operated', 'subsidy.mobile': 'Mobile station',
  'subsidy.communities': 'Communities served', 'subsidy.months': 'Months operating', 'subsidy.investment': 'Actual investment (yuan)',
  'subsidy.guideline': 'Meets 济商务字〔2020〕63号', 'subsidy.estimate': 'Estimate', 'subsidy.xlsx': 'Download XLSX',
  'subsidy.facility': 'Park / sorting-centre recognition', 'subsidy.kind': 'Kind', 'subsidy.none': 'none',
  'subsidy.center': 'Shandong provincial recycling sorting centre', 'subsidy.park': 'Shandong provincial recycling industrial park',
  'subsidy.recognizedOn': 'Recognised on', 'subsidy.addFixed': 'Add a fixed outlet', 'subsidy.addMobile': 'Add a mobile station',
  'subsidy.noLocation': 'not placed', 'subsidy.pick': 'Place on the map', 'subsidy.remove': 'Remove',
  'subsidy.gain': 'Newly within the walk: {households} households; {perHousehold} yuan per newly covered household',
  'subsidy.total': 'Total {total} yuan: outlets {outlets} yuan, facility rewards up to {facilities} yuan',
  'eligible': 'eligible', 'ineligible': 'not eligible', 'households': 'Households', 'covered': 'Covered', 'share': 'Share',
  'fairShare': 'Fair share', 'shortfall': 'Shortfall', 'outlets': 'Outlets', 'name': 'Name', 'district': 'District',
  'distance': 'Walk to nearest outlet (m)', 'rank': 'Rank', 'gained': 'Households gained', 'cumulative': 'Cumulative share',
  'subsidyCol': 'Subsidy (yuan)', 'load': 'Load (t/day)', 'gapsSummary': '{n} communities, {hh} households are not within the walk of an outlet.',
  'target': 'Target', 'current': 'Now', 'remaining': 'Remaining', 'notMeasured': 'not measured by this service', 'citation': 'Source',
  'coverage': 'City coverage: {share} of households ({covered} of {all}); distances: {method}', 'error': 'Error',
  'city': 'City', 'layer.townships': 'Townships', 'layer.villages': 'Villages (served / not)', 'layer.stations': 'Township transfer stations',
  'layer.wastePoints': 'Waste-sorting points (merged: 两网融合)', 'residents': 'Residents', 'merged': 'takes recyclables (两网融合)',
  'merged.title': 'Merged waste-sorting points (两网融合)', 'merged.line': '{merged} of {points} operating waste-sorting points take recyclables ({share})',
  'tier.title': 'County – township – village network', 'tier.villages': 'Villages served', 'tier.residents': 'Residents served',
  'tier.townships': 'Townships served', 'tier.withStation': 'Townships with a station', 'tier.stations': 'Stations within reach of a county centre',
  'tier.city': 'Whole city', 'tier.ruleVillage': 'village outlet within', 'tier.ruleTownship': 'transfer station within',
  'tier.ruleStation': 'county sorting centre within', 'tier.method': 'Road distances', 'tier.served': 'served', 'tier.unserved': 'not served',
  'assumption': 'assumption, not in the plan',
  'tab.volumes': 'Volumes', 'edit.open': 'Edit attributes', 'edit.save': 'Save (planner key)', 'edit.close': 'Close', 'edit.needKey': 'Saving needs the planner key.',
  'edit.saved': 'Saved (version {version}).', 'edit.subsidy': 'A new fixed outlet of {area} m² earns {yuan} yuan under the city\'s rule ({rule}).', 'edit.reload': 'Show the current copy',
  'edit.conflict': '{by} changed it at {at} (now version {version}); your change was not saved.',
  'value.station': 'staffed drop-off station', 'value.bins': 'sorted bins', 'value.smart': 'smart drop-off machine', 'value.fixed': 'fixed', 'value.mobile': 'mobile', 'value.planned': 'planned', 'value.operating': 'operating', 'value.closed': 'closed',
  'value.community': 'community', 'value.village': 'village', 'value.city': 'city', 'value.county': 'county', 'value.modern': 'modern',
  'field.name': 'Name', 'field.kind': 'Kind', 'field.status': 'Status', 'field.modern': 'Modern outlet', 'field.areaM2': 'Floor area (m²)',
  'field.operator': 'Operator', 'field.openedOn': 'Opened on', 'field.closedOn': 'Closed on', 'field.tier': 'Tier',
  'field.capacityTonnesPerDay': 'Capacity (t/day)', 'field.greenCertified': 'Green digital-smart centre',
  'field.households': 'Households', 'field.population': 'Residents', 'field.district': 'District', 'field.adcode': 'Administrative code', 'tab.import': 'Import data', 'import.layer': 'Layer', 'import.file': 'File (CSV, XLSX, GeoJSON)', 'import.crs': 'Coordinates',
  'import.communities': 'Communities', 'import.districts': 'Districts', 'import.villages': 'Villages', 'import.wastePoints': 'Waste-sorting points',
  'import.crs.wgs84': 'WGS84 (GPS, Tianditu)', 'import.crs.cgcs2000': 'CGCS2000 longitude/latitude', 'import.crs.gcj02': 'GCJ-02 (picked on Amap or Tencent)',
  'import.crs.bd09': 'BD-09 (picked on Baidu)', 'import.crs.gk39': 'CGCS2000 Gauss-Kruger zone 39 (Jinan, Binzhou; EPSG:4527)',
  'import.crs.gk40': 'CGCS2000 Gauss-Kruger zone 40 (Anqiu; EPSG:4528)', 'import.mode': 'Mode', 'import.append': 'Append', 'import.replace': 'Replace the whole layer',
  'import.check': 'Preview and check', 'import.confirm': 'Import (planner key)',
  'import.hint': 'Where coordinates come from: Amap and Tencent give GCJ-02; Baidu gives BD-09; GPS devices and Tianditu give WGS84 / CGCS2000; survey and land-resources data are mostly CGCS2000 Gauss-Kruger. The wrong choice moves points by hundreds of metres, and the check names points that fall outside every district. Checking writes nothing; the import then takes the whole file or, if any row breaks a rule, nothing.',
  'import.column': 'Column in the file', 'import.readAs': 'Read as', 'import.skip': '(not imported)', 'import.lon': 'longitude (lon)', 'import.lat': 'latitude (lat)',
  'import.checked': 'Checked: every row is valid. Importing would add {inserted} and remove {removed}. Nothing is written until you import.',
  'import.ignored': 'Columns not imported: {fields}', 'import.saved': 'Imported: {inserted} added, {removed} removed.', 'tab.plans': 'Plans', 'plan.nameLabel': 'Plan name', 'plan.saveWhatIf': 'Save as a plan (planner key)',
  'plan.hint': 'Plans are kept by the service: save the map\'s what-if as a plan, or keep a siting run\'s proposals. Evaluating changes nothing; adopting (planner key) writes every change at once, or none with the conflicts listed when someone changed a feature since; an adopted plan can be reverted.',
  'plan.compare': 'Compare the plans ticked (2–4)', 'plan.status.draft': 'draft', 'plan.status.adopted': 'adopted', 'plan.status.reverted': 'reverted',
  'plan.statusCol': 'Status', 'plan.author': 'Author', 'plan.changes': 'Changes', 'plan.counts': '+{add} / moved {move} / closed {close} / changed {update}', 'plan.countsMerged': '+{add} / moved {move} / closed {close} / changed {update} / merged {merge}',
  'plan.evaluate': 'Evaluate', 'plan.adopt': 'Adopt', 'plan.revert': 'Revert', 'plan.before': 'Share before', 'plan.after': 'Share after', 'plan.outletsCol': 'Outlets',
  'plan.coverage': 'Coverage {before} → {after}: {gained} households newly within the walk',
  'plan.outlets': 'Operating outlets {before} → {after}', 'plan.noRule': 'The policy sets no fixed-outlet subsidy.',
  'plan.subsidy': 'New fixed outlets\' subsidy {yuan} yuan; {per10k} households per 10,000 yuan',
  'plan.conflict': 'Not adopted: since the plan was made, someone changed what it touches. Nothing was written.',
  'plan.adopted': 'Plan #{id} adopted: its changes are in the layers.', 'plan.reverted': 'Plan #{id} reverted: the layers are as before it.',
  'plan.pickTwo': 'Tick two to four plans to compare.', 'plan.shareAfter': 'Coverage after', 'plan.gained': 'Households gained',
  'plan.outletsAfter': 'Operating outlets after', 'plan.subsidyCol': 'New-outlet subsidy (yuan)', 'plan.per10k': 'Households per 10,000 yuan',
  'plan.defaultName': 'What-if {date}', 'plan.saved': 'Saved as plan #{id} “{name}”.', 'plan.fromSiting': 'Siting proposals {date}',
  'plan.fromSitingButton': 'Keep as a plan', 'plan.onMap': 'Show the compared plans on the map',
  'plan.change.add': 'added', 'plan.change.move': 'moved', 'plan.change.update': 'changed', 'plan.change.close': 'closed', 'plan.change.remove': 'removed', 'method.network': 'along the walking network', 'method.straightLine': 'straight line (no walking network loaded)',
  'method.mixed': 'walking network, straight line where it does not reach', 'method.unreachable': 'unreachable', 'plan.print': 'Print (A4)', 'volume.upload': 'Upload a monthly volume report',
  'volume.uploadHint': 'CSV or XLSX: facility name (单位名称), month (统计月份), then a column per category such as “废钢铁(吨)” or “废弃电器电子产品(台)”, or category, quantity and unit columns. Checked first, saved whole on confirmation; a facility-month reported again replaces the earlier figures and the change is kept.',
  'volume.check': 'Check', 'volume.confirm': 'Import (planner key)', 'volume.export': 'Export monthly totals by category (XLSX)',
  'volume.corrections': 'Corrections', 'volume.at': 'When (UTC)', 'volume.planner': 'Planner', 'volume.facility': 'Facility', 'volume.month': 'Month',
  'volume.category': 'Category', 'volume.old': 'Old', 'volume.new': 'New', 'volume.row': 'Row', 'volume.column': 'Column', 'volume.reason': 'Reason',
  'volume.checked': 'Checked: {figures} figures for {months} facility-months; {resubmitted} resubmitted, {corrections} figures would change. Nothing is saved until you import.',
  'volume.saved': 'Imported {figures} figures; {corrections} corrections recorded.',
  'volume.baseline': '{year} baseline', 'volume.ytd': 'Year to date ({from} – {to})', 'volume.ttm': 'Last 12 months ({from} – {to})',
  'volume.yearTotal': '{year} total', 'volume.projected': '{year} projected', 'volume.targetFigure': 'target', 'volume.how': 'How',
  'volume.status.met': 'met', 'volume.status.missed': 'missed', 'volume.status.onTrack': 'on track', 'volume.status.offTrack': 'off track',
  'volume.status.notMeasured': 'not measured', 'volume.notMeasured': 'not measured: no reports yet',
  'volume.missing': '{months} months with missing reports ({facilities} facility-months): listed, not counted as zero',
  'volume.noReports': 'no facility reported', 'volume.complete': 'Every reporting facility reported every month.',
  'volume.monthly': 'Monthly', 'volume.baselineLine': '{year} monthly average', 'volume.targetLine': 'Monthly average needed for {year}',
  'volume.tonnes': 'Tonnes (all categories)', 'volume.appliances': 'Appliances (units)', 'volume.none': 'No volume reports.',
  'subsidy.noRules': '{city}’s policy ({policy}) sets no subsidy for outlets, stations or sorting centres that this service encodes: nothing can be estimated here, and another city’s rules do not apply.',
  'subsidy.under': 'Estimated under {city}’s rules: {document}', 'subsidy.namePlaceholder': 'the applying company', 'subsidy.exampleName': '{city} Example Recycling Co., Ltd.',
  'legend.title': 'Legend', 'legend.coverage': 'Districts: households within a 15-minute walk (quantile classes)', 'legend.covered': 'covered', 'legend.uncovered': 'not covered',
  'legend.cluster': 'a cluster and its count: green to red as the share not covered rises', 'legend.fixed': 'fixed outlet, operating', 'legend.mobile': 'mobile station, operating',
  'legend.inactive': 'planned or closed', 'legend.greenCentre': 'green (certified) centre', 'legend.centre': 'other centre',
  'legend.villageServed': 'served by the tier rules', 'legend.villageUnserved': 'not served', 'legend.stationServed': 'within reach of a county centre',
  'legend.stationUnserved': 'beyond a county centre’s reach', 'legend.merged': 'takes recyclables (merged)', 'legend.wastePoint': 'waste-sorting only',
  'legend.proposal.outlet': 'proposed outlet (rank)', 'legend.proposal.sortingCenter': 'proposed sorting centre (rank)',
  'legend.proposal.villageOutlet': 'proposed village outlet (rank)', 'legend.proposal.transferStation': 'proposed transfer station (rank)',
  'legend.proposal.countyCentre': 'proposed county centre (rank)', 'basemap.offline': 'Base map drawn by RecycleNet from the city’s outlines and network',
  'map.png': 'Save map as PNG',
  'volume.needsMode': 'The report leaves out {n} figures that its resubmitted months had. Keep them, or replace those months whole?',
  'volume.mode.merge': 'Keep them: change only the categories in this report (merge)', 'volume.mode.replace': 'Replace the months whole: remove them (replace)',
  'plan.warnings': 'Please note:',
  'siting.doneChain': 'Done in {ms} ms: total haul {haul} tonne·km/day; optimality gap by tier: village outlets {village}, transfer stations {station}, county centres {centre}',
  'dash.title': '{city}: progress toward the targets of {policy}', 'dash.target': 'Target', 'dash.year': 'Year', 'dash.progress': 'Progress',
  'dash.state': 'Status', 'dash.status.met': 'met', 'dash.status.onTrack': 'on track', 'dash.status.offTrack': 'off track', 'dash.status.missed': 'missed',
  'dash.status.open': 'open', 'dash.status.notMeasured': 'not measured', 'dash.toVolumes': 'Volumes →', 'dash.toSiting': 'Siting →',
  'dash.coverage': '15-minute life circle: {share} of households ({covered} of {all})', 'dash.toGaps': 'Gaps →', 'dash.toMap': 'Map →', 'dash.toPlans': 'Plans →',
  'dash.districtsChart': 'Districts, least covered first (share of households within a 15-minute walk)', 'dash.sharePct': 'households covered, %',
  'dash.uncovered': '{n} households not covered',
  'dash.tiers': 'County network: villages served {villages}, townships served {townships}, transfer stations within reach of a county centre {stations}',
  'dash.merged': 'Merged two networks (两网融合): {share} of waste-sorting points take recyclables ({merged} of {points})', 'dash.shortfall': '{n} outlets short of its fair share', 'dash.details': 'Each target in detail (sources, volume trends)',
  'siting.candidates': 'Candidates', 'siting.chain': 'County network: new sites per tier', 'siting.villageOutlets': 'Village outlets',
  'siting.transferStations': 'Township transfer stations', 'siting.countyCentres': 'County sorting centres', 'siting.tiers': 'County network (three tiers)',
  'siting.centersGoal': 'Number of centres', 'siting.budgetYuan': 'Subsidy budget (yuan)', 'siting.goal.chain': 'Whole chain',
  'siting.cand.communities': 'Communities', 'siting.cand.grid': 'Grid', 'siting.cand.wasteSortingPoints': 'Waste-sorting points (merging the two networks)',
  'siting.tier.villageOutlets': 'Village outlet', 'siting.tier.transferStations': 'Transfer station', 'siting.tier.countyCentres': 'County centre', 'subsidy.guidelineNone': 'meets the city’s guideline for mobile stations',
};
const zh = {
  'key.invalid': '密钥无效', 'key.readonly': '只读',
  'key.readonlyNote': '当前密钥只读：上报、导入、保存和选址计算已隐藏。',
  // Problem titles by their type (urn:recyclenet:problem:…); in English the service's own title is shown.
  'problem.invalid-parameter': '参数“{field}”的值无效', 'problem.invalid-request': '请求有 {n} 处问题，未作任何修改',
  'problem.unreadable-body': '无法读取所提交的内容', 'problem.unauthorized': '需要规划人员密钥', 'problem.forbidden': '此密钥或令牌无权执行此操作', 'problem.not-found': '找不到所请求的对象',
  'problem.unknown-city': '没有这个城市', 'problem.no-subsidy-rules': '本市政策没有补贴规则', 'problem.conflict': '此修改与其他数据冲突', 'problem.plan-conflict': '方案涉及的要素已被他人修改',
  'problem.plan-invalid': '方案对当前图层已不再有效', 'problem.body-too-large': '提交的内容过大', 'problem.invalid-input': '数据被拒绝：{n} 处问题，未写入任何数据',
  'problem.invalid-network': '路网文件被拒绝', 'problem.host-not-allowed': '请求的主机名不在允许之列', 'problem.siting-failed': '选址计算失败', 'problem.precondition-required': '保存需要版本号（If-Match）',
  // A siting run's status, stage and solver as the service names them (by their leading words: a stage may carry counts).
  'run.failed': '失败', 'run.cancelled': '已取消', 'run.interrupted': '已中断', 'run.queued': '排队中', 'run.running': '计算中', 'run.done': '已完成',
  'stage.starting': '启动', 'stage.queued': '排队中', 'stage.scoring today': '计算现状覆盖', 'stage.building coverage sets': '建立覆盖集合',
  'stage.solving (heuristic, then SCIP)': '求解（启发式，再用 SCIP 精确求解）', 'stage.solving (heuristic)': '求解（启发式）',
  'stage.solving the p-median': '求解 p-中位模型', 'stage.siting the three tiers': '三级站点选址',
  'solver.greedy+local search': '贪心 + 局部搜索', 'solver.greedy per yuan+swap': '按每元效益贪心 + 交换', 'solver.greedy (needs first)+swap': '贪心（先满足区县底线）+ 交换',
  'solver.greedy+interchange': '贪心 + 交换', 'solver.SCIP (OR-Tools)': 'SCIP 精确求解（OR-Tools）', 'solver.SCIP': 'SCIP 精确求解',
  'problem.rate-limited': '请求过于频繁，请稍后再试', 'problem.siting-busy': '选址任务已满，请稍后再试', 'problem.stale-version': '已被他人修改',
  'whatif.placing': '请在地图上点击放置网点……', 'whatif.pick': '请点击要移动的网点……', 'whatif.moveTo': '请点击新位置……',
  'whatif.saved': '已保存。', 'whatif.newName': '新网点',
  'whatif.conflict': '网点“{name}”在您选中后已被他人修改（现为第 {version} 版），您对它的修改未保存。地图已刷新为最新数据，请重新选中后再操作。', 'whatif.result': '假设情况：户数覆盖率 {after}（现为 {before}），变化 {delta} 户',
  'siting.needKey': '选址需要规划员密钥。', 'siting.stage': '计算中：{stage}', 'siting.done': '完成，用时 {ms} 毫秒：目标值 {objective}，上界 {bound}，最优性差距 {gap}（{method}）',
  'subsidy.area': '面积（㎡）', 'subsidy.builtOn': '建成日期', 'subsidy.direct': '直营', 'subsidy.communities': '服务小区数', 'subsidy.months': '运营月数',
  'subsidy.investment': '实际投入（元）', 'subsidy.guideline': '符合济商务字〔2020〕63号',
  'subsidy.noLocation': '未选位置', 'subsidy.pick': '在地图上选点', 'subsidy.remove': '删除',
  'subsidy.gain': '新增一刻钟覆盖 {households} 户；每新增覆盖一户 {perHousehold} 元',
  'subsidy.total': '合计 {total} 元：网点补贴 {outlets} 元，园区/分拣中心奖励最高 {facilities} 元',
  'eligible': '符合', 'ineligible': '不符合', 'households': '户数', 'covered': '已覆盖户数', 'share': '覆盖率',
  'fairShare': '应建数', 'shortfall': '缺口', 'outlets': '网点数', 'name': '名称', 'district': '区县', 'distance': '距最近网点步行距离（米）',
  'rank': '排序', 'gained': '新增覆盖户数', 'cumulative': '累计覆盖率', 'subsidyCol': '补贴（元）', 'load': '负荷（吨/日）',
  'gapsSummary': '共 {n} 个小区、{hh} 户不在网点步行范围内。', 'target': '目标', 'current': '现状', 'remaining': '尚需',
  'notMeasured': '本服务未统计', 'citation': '依据', 'coverage': '全市户数覆盖率 {share}（{covered} / {all}）；距离测算：{method}', 'error': '错误',
  'residents': '人口', 'merged': '兼收可回收物（两网融合）', 'merged.title': '两网融合投放点', 'merged.line': '{points} 个运营中的垃圾分类投放点中有 {merged} 个兼收可回收物（{share}）',
  'tier.title': '县域分拣中心—乡镇中转站—村级回收网点', 'tier.villages': '已服务村庄', 'tier.residents': '已服务人口', 'tier.townships': '已服务乡镇',
  'tier.withStation': '有中转站的乡镇', 'tier.stations': '可达县域分拣中心的中转站', 'tier.city': '全市', 'tier.ruleVillage': '村级网点道路距离不超过',
  'tier.ruleTownship': '中转站车程不超过', 'tier.ruleStation': '县域分拣中心车程不超过', 'tier.method': '道路距离测算', 'tier.served': '已服务', 'tier.unserved': '未服务',
  'assumption': '本服务假设，方案未规定',
  'import.column': '文件中的列', 'import.readAs': '读作', 'import.skip': '（不导入）', 'import.lon': '经度（lon）', 'import.lat': '纬度（lat）',
  'import.checked': '检查通过：全部行符合规则。导入将新增 {inserted} 条、删除 {removed} 条。确认导入前不会写入。', 'import.ignored': '不导入的列：{fields}',
  'import.saved': '已导入：新增 {inserted} 条，删除 {removed} 条。',
  'edit.open': '编辑属性', 'edit.save': '保存（需密钥）', 'edit.close': '关闭', 'edit.needKey': '保存需要规划员密钥。', 'edit.saved': '已保存（第 {version} 版）。',
  'edit.reload': '载入最新版本', 'edit.subsidy': '按本市固定型站点补贴规则，{area} ㎡ 的新建网点可获 {yuan} 元（{rule}）。', 'edit.conflict': '{by} 已于 {at} 修改（现为第 {version} 版），您的修改未保存。',
  'value.station': '定时定点投放站', 'value.bins': '分类桶点', 'value.smart': '智能投放设备', 'value.fixed': '固定型', 'value.mobile': '流动型', 'value.planned': '规划中', 'value.operating': '运营中', 'value.closed': '已关闭',
  'value.community': '社区网点', 'value.village': '村级网点', 'value.city': '市级', 'value.county': '县域', 'value.modern': '现代化',
  'field.name': '名称', 'field.kind': '类型', 'field.status': '状态', 'field.modern': '现代化回收网点', 'field.areaM2': '面积（㎡）', 'field.operator': '运营主体',
  'field.households': '户数', 'field.population': '人口', 'field.district': '区县', 'field.adcode': '行政区划代码',
  'field.openedOn': '开业日期', 'field.closedOn': '关闭日期', 'field.tier': '层级', 'field.capacityTonnesPerDay': '处理能力（吨/日）', 'field.greenCertified': '绿色数智化分拣中心',
  'plan.status.draft': '草稿', 'plan.status.adopted': '已采纳', 'plan.status.reverted': '已撤销', 'plan.statusCol': '状态', 'plan.author': '编制人',
  'plan.changes': '变更', 'plan.counts': '新增 {add} / 移动 {move} / 关闭 {close} / 修改 {update}', 'plan.countsMerged': '新增 {add} / 移动 {move} / 关闭 {close} / 修改 {update} / 两网融合 {merge}', 'plan.evaluate': '评估', 'plan.adopt': '采纳', 'plan.revert': '撤销',
  'plan.before': '之前覆盖率', 'plan.after': '之后覆盖率', 'plan.outletsCol': '网点数', 'plan.coverage': '覆盖率 {before} → {after}：新增覆盖 {gained} 户',
  'plan.outlets': '运营网点 {before} → {after}', 'plan.noRule': '该政策未规定固定型站点补贴。', 'plan.subsidy': '新建固定型网点补贴 {yuan} 元；每万元新增覆盖 {per10k} 户',
  'plan.conflict': '未采纳：方案编制后，其涉及的网点已被他人修改，未写入任何变更。', 'plan.adopted': '方案 #{id} 已采纳，变更已写入图层。',
  'plan.reverted': '方案 #{id} 已撤销，图层已恢复原状。', 'plan.pickTwo': '请勾选 2–4 个方案进行比较。', 'plan.shareAfter': '之后覆盖率', 'plan.gained': '新增覆盖户数',
  'plan.outletsAfter': '之后运营网点', 'plan.subsidyCol': '新建网点补贴（元）', 'plan.per10k': '每万元新增覆盖户数', 'plan.defaultName': '假设分析 {date}',
  'plan.saved': '已保存为方案 #{id}“{name}”。', 'plan.onMap': '在地图上显示所比较的方案',
  'plan.change.add': '新增', 'plan.change.move': '迁移', 'plan.change.update': '变更', 'plan.change.close': '关闭', 'plan.change.remove': '删除', 'method.network': '沿步行路网', 'method.straightLine': '直线距离（未载入步行路网）',
  'method.mixed': '步行路网，路网不及处按直线', 'method.unreachable': '不可达', 'plan.print': '打印（A4）', 'plan.fromSiting': '选址建议 {date}', 'plan.fromSitingButton': '采纳为规划方案',
  'volume.checked': '检查通过：{figures} 个数据，{months} 个单位·月；其中重报 {resubmitted} 个，将更正 {corrections} 个数据。确认导入前不会保存。',
  'volume.saved': '已导入 {figures} 个数据，记录更正 {corrections} 条。',
  'volume.baseline': '{year} 年基数', 'volume.ytd': '本年累计（{from} 至 {to}）', 'volume.ttm': '近 12 个月（{from} 至 {to}）',
  'volume.yearTotal': '{year} 年合计', 'volume.projected': '{year} 年预计', 'volume.targetFigure': '目标', 'volume.how': '测算方法',
  'volume.status.met': '已完成', 'volume.status.missed': '未完成', 'volume.status.onTrack': '按进度可完成', 'volume.status.offTrack': '按进度难以完成',
  'volume.status.notMeasured': '未统计', 'volume.notMeasured': '暂无上报数据，未统计',
  'volume.missing': '{months} 个月有单位未上报（共 {facilities} 个单位·月）：逐一列出，不按零计',
  'volume.noReports': '无任何单位上报', 'volume.complete': '各上报单位每月均已上报。',
  'volume.monthly': '月度回收量', 'volume.baselineLine': '{year} 年月均', 'volume.targetLine': '{year} 年目标所需月均',
  'volume.tonnes': '回收量（吨，各品类合计）', 'volume.appliances': '废弃电器电子产品（台）', 'volume.none': '暂无回收量上报。',
  'volume.at': '时间（UTC）', 'volume.planner': '操作人', 'volume.facility': '单位', 'volume.month': '月份', 'volume.category': '品类',
  'volume.old': '原数', 'volume.new': '新数', 'volume.row': '行', 'volume.column': '列', 'volume.reason': '原因',
  'subsidy.noRules': '{city}的政策（{policy}）未规定本服务所编码的回收网点、流动站点或分拣中心补贴：本市无法测算补贴，其他城市的补贴规则不适用于本市。',
  'subsidy.under': '按{city}的补贴规则测算：{document}',
  'siting.outlets': '回收网点', 'siting.centers': '分拣中心', 'siting.reachTarget': '完成政策目标', 'siting.sites': '新增数量',
  'siting.cityShare': '全市覆盖率达到', 'siting.candidates': '候选点', 'siting.chain': '三级体系：各级新增数量', 'siting.villageOutlets': '村级回收网点',
  'siting.transferStations': '乡镇中转站', 'siting.countyCentres': '县域分拣中心', 'subsidy.namePlaceholder': '申报企业名称', 'subsidy.exampleName': '{city}示例再生资源回收有限公司',
  'siting.tiers': '县乡村三级体系',
  'legend.title': '图例', 'legend.coverage': '区县：步行 15 分钟内可达网点的户数比例（分位数分级）', 'legend.covered': '已覆盖', 'legend.uncovered': '未覆盖',
  'legend.cluster': '聚合点（数字为个数）：由绿到红，未覆盖比例越高越红', 'legend.fixed': '固定型网点（运营中）', 'legend.mobile': '流动型站点（运营中）',
  'legend.inactive': '规划中或已关闭', 'legend.greenCentre': '绿色分拣中心（已认定）', 'legend.centre': '其他分拣中心',
  'legend.villageServed': '按三级体系规则已服务', 'legend.villageUnserved': '未服务', 'legend.stationServed': '在县域分拣中心服务范围内',
  'legend.stationUnserved': '超出县域分拣中心服务范围', 'legend.merged': '兼收可回收物（两网融合）', 'legend.wastePoint': '仅垃圾分类投放',
  'legend.proposal.outlet': '建议新增网点（序号）', 'legend.proposal.sortingCenter': '建议新增分拣中心（序号）',
  'legend.proposal.villageOutlet': '建议新增村级回收网点（序号）', 'legend.proposal.transferStation': '建议新增乡镇中转站（序号）',
  'legend.proposal.countyCentre': '建议新增县域分拣中心（序号）', 'basemap.offline': '底图：本服务按本市区县界与路网绘制',
  'map.png': '导出地图 PNG',
  'volume.needsMode': '本报表未包含重报月份中已有的 {n} 项数据。保留这些数据，还是整月替换？',
  'volume.mode.merge': '保留：只更新本报表中的品类（合并）', 'volume.mode.replace': '整月替换：删除未再上报的数据（替换）',
  'problem.resubmission-needs-mode': '重报会删除未再上报的品类，请选择整月替换或只更新所报品类',
  'plan.warnings': '请注意：',
  'siting.doneChain': '完成，用时 {ms} 毫秒：总运输量 {haul} 吨·公里/日；各级最优性差距：村级回收网点 {village}，乡镇中转站 {station}，县域分拣中心 {centre}',
  'dash.title': '{city}：{policy} 目标进度总览', 'dash.target': '目标', 'dash.year': '年份', 'dash.progress': '进度', 'dash.state': '状态',
  'dash.status.met': '已完成', 'dash.status.onTrack': '按进度可完成', 'dash.status.offTrack': '按进度难以完成', 'dash.status.missed': '未完成',
  'dash.status.open': '进行中', 'dash.status.notMeasured': '本服务未统计', 'dash.toVolumes': '回收量 →', 'dash.toSiting': '选址 →',
  'dash.coverage': '一刻钟生活圈：{share} 的户数可步行 15 分钟到达网点（{covered} / {all} 户）', 'dash.toGaps': '覆盖缺口 →', 'dash.toMap': '地图 →', 'dash.toPlans': '规划方案 →',
  'dash.districtsChart': '各区县覆盖率（由低到高）', 'dash.sharePct': '已覆盖户数比例（%）',
  'dash.uncovered': '未覆盖 {n} 户',
  'dash.tiers': '县域三级体系：已服务村庄 {villages}，已服务乡镇 {townships}，可达县域分拣中心的中转站 {stations}',
  'dash.merged': '两网融合：{share} 的垃圾分类投放点兼收可回收物（{merged} / {points}）', 'dash.shortfall': '距应建数还差 {n} 个网点', 'siting.centersGoal': '分拣中心数量', 'siting.budgetYuan': '补贴预算（元）', 'siting.goal.chain': '整条体系',
  'siting.cand.communities': '小区', 'siting.cand.grid': '网格', 'siting.cand.wasteSortingPoints': '垃圾分类投放点（两网融合）',
  'siting.tier.villageOutlets': '村级回收网点', 'siting.tier.transferStations': '乡镇中转站', 'siting.tier.countyCentres': '县域分拣中心', 'subsidy.guidelineNone': '符合本市流动型站点的要求',
};

let lang = localStorage.getItem('lang') || 'zh';
const zhDefaults = {};

export function language() { return lang; }

export function setLanguage(l) {
  lang = l;
  localStorage.setItem('lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  apply();
}

/** The text for a key in the current language, with {name} placeholders filled. */
export function t(key, values = {}) {
  const text = (lang === 'en' ? en[key] : zh[key] ?? zhDefaults[key]) ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');
}

/** Rewrites every element marked data-i18n; the Chinese in the HTML is the default. */
export function apply() {
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const key = el.dataset.i18n;
    if (!(key in zhDefaults)) zhDefaults[key] = el.textContent;
    el.textContent = t(key);
  }
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    const key = el.dataset.i18nPlaceholder;
    if (!(key in zhDefaults)) zhDefaults[key] = el.placeholder;
    el.placeholder = t(key);
  }
  document.getElementById('lang').textContent = lang === 'zh' ? 'EN' : '中文';
}

export function fmt(n, digits = 0) {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits }).format(n);
}

export function pct(share) {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A bilingual pair from the API ({zh, en} or labelZh/labelEn) in the current language. */
export function pick(zhText, enText) { return lang === 'zh' ? zhText : enText; }

/** An error's reason from the API in the page's language: Chinese where the service gives it (reasonZh), else as given. */
export function reasonOf(e) { return lang === 'zh' ? (e.reasonZh ?? e.reason) : e.reason; }

/**
 * A name the service gives in English (a run's stage, a solver) in the page's language: the Chinese whose key
 * (prefix.words) matches its leading words (counts after them are left out), else as given.
 */
export function said(prefix, text) {
  if (lang !== 'zh' || !text) return text ?? '';
  const key = Object.keys(zh).filter(k => k.startsWith(`${prefix}.`) && text.startsWith(k.slice(prefix.length + 1)))
    .sort((a, b) => b.length - a.length)[0];
  return key ? zh[key] : text;
}

/** A problem's title in the page's language: in Chinese by its type (a stable code, never shown itself), else the service's title. */
export function titleOf(problem) {
  const kind = (problem.type ?? '').split(':').pop();
  if (lang === 'zh' && zh[`problem.${kind}`]) return t(`problem.${kind}`, { field: problem.field ?? '', n: problem.errors?.length ?? 1 });
  return problem.title ?? t('error');
}

/** A problem's detail in the page's language: Chinese where the service gives it (detailZh), else as given. */
export function detailOf(problem) { return lang === 'zh' ? (problem.detailZh ?? problem.detail) : problem.detail; }
