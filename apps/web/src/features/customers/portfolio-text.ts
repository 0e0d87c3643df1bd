/**
 * Labels of the portfolio features (customers, visits, complaints, surveys), kept beside the
 * features so the shared dictionaries only carry the menu entries. Use with `label(P.x)`.
 */
const l = (zh: string, en: string) => ({ zh, en });

export const P = {
  customers: l('客户管理', 'Customers'),
  customer: l('客户', 'Customer'),
  searchPlaceholder: l('姓名、客户号或证件号（前几位）', 'Name, customer no. or ID number (start)'),
  mine: l('我的客户', 'My customers'),
  claimable: l('可认领', 'Unassigned'),
  customerNo: l('客户号', 'Customer no.'),
  name: l('名称', 'Name'),
  kind: l('类型', 'Kind'),
  segment: l('条线', 'Segment'),
  idNo: l('证件号', 'ID number'),
  phone: l('电话', 'Phone'),
  address: l('地址', 'Address'),
  unit: l('所属机构', 'Unit'),
  loan: l('贷款余额（元）', 'Loans (yuan)'),
  deposit: l('存款余额（元）', 'Deposits (yuan)'),
  managers: l('管户经理', 'Managers'),
  visit: l('走访', 'Visit'),
  lastVisit: l('上次走访', 'Last visit'),
  dueDate: l('应走访日期', 'Due by'),
  rating: l('信用评级', 'Credit rating'),
  archive: l('经济档案', 'Economic archive'),
  bigCustomer: l('大客户', 'Big customer'),
  problemLoan: l('不良贷款', 'Problem loan'),
  claim: l('认领', 'Claim'),
  claimSent: l('认领申请已提交，等待主管审批', 'Claim sent for approval'),
  transfer: l('申请移交', 'Ask for transfer'),
  transferTo: l('移交给', 'Transfer to'),
  effectiveDate: l('生效日期', 'Effective date'),
  reason: l('原因', 'Reason'),
  requestSent: l('申请已提交', 'Request sent'),
  assign: l('设置管户', 'Set managers'),
  assignHint: l('同一时期的比例合计不能超过 100%', 'Shares in force together may not exceed 100%'),
  addManager: l('添加客户经理', 'Add a manager'),
  role: l('角色', 'Role'),
  share: l('比例 %', 'Share %'),
  validFrom: l('起', 'From'),
  validTo: l('止', 'To'),
  history: l('管户历史', 'Assignment history'),
  visits: l('走访记录', 'Visits'),
  recordVisit: l('记录走访', 'Record a visit'),
  visitDate: l('走访日期', 'Visit date'),
  purpose: l('走访目的', 'Purpose'),
  findings: l('走访情况', 'Findings'),
  customerRequests: l('客户需求', 'Customer requests'),
  followUp: l('后续跟进', 'Follow-up'),
  photo: l('照片（可选）', 'Photo (optional)'),
  visitSaved: l('走访已记录', 'Visit recorded'),
  today: l('今日工作', 'Today'),
  overdue: l('已逾期', 'Overdue'),
  due: l('即将到期', 'Due soon'),
  daysOverdue: l('逾期 {n} 天', '{n} days overdue'),
  dueOn: l('{d} 前', 'by {d}'),
  nothingDue: l('暂无待走访客户', 'No visits due'),
  newComplaints: l('待处理投诉', 'Open complaints'),
  noComplaints: l('暂无待处理投诉', 'No open complaints'),
  compliance: l('走访达标率', 'Visit compliance'),
  complianceHint: l('需走访且未逾期的客户 ÷ 需走访客户', 'Customers needing visits that are not overdue ÷ customers needing visits'),
  byManager: l('按客户经理', 'By manager'),
  byUnit: l('按机构', 'By unit'),
  required: l('需走访', 'Need visits'),
  customersCount: l('客户数', 'Customers'),
  rate: l('达标率', 'Rate'),
  staffing: l('管户配比', 'Staffing ratio'),
  retail: l('零售户数', 'Retail'),
  corporate: l('对公户数', 'Corporate'),
  excess: l('超出', 'Over by'),
  limits: l('上限：零售 {r} 户，对公 {c} 户', 'Limits: {r} retail, {c} corporate'),
  requests: l('认领与移交', 'Claims & transfers'),
  kindOfRequest: l('申请类型', 'Request'),
  from: l('移出', 'From'),
  to: l('接收', 'To'),
  status: l('状态', 'Status'),
  approve: l('批准', 'Approve'),
  reject: l('驳回', 'Reject'),
  decided: l('已处理', 'Decided'),
  pendingOnly: l('只看待审批', 'Pending only'),
  requestedBy: l('申请人', 'Requested by'),
  complaints: l('投诉管理', 'Complaints'),
  newComplaint: l('登记投诉', 'Record a complaint'),
  source: l('来源', 'Source'),
  category: l('类别', 'Category'),
  description: l('投诉内容', 'Description'),
  receivedDate: l('受理日期', 'Received'),
  deadline: l('办结期限', 'Deadline'),
  handler: l('处理人', 'Handler'),
  outcome: l('处理结果', 'Outcome'),
  resolve: l('办结', 'Resolve'),
  complaintSaved: l('投诉已登记', 'Complaint recorded'),
  resolved: l('已办结', 'Resolved'),
  stats: l('投诉统计（近 90 天）', 'Complaint counts (last 90 days)'),
  total: l('总数', 'Total'),
  open: l('未办结', 'Open'),
  surveys: l('满意度调查', 'Satisfaction surveys'),
  newSurvey: l('新建问卷', 'New questionnaire'),
  title: l('标题', 'Title'),
  intro: l('说明', 'Introduction'),
  questions: l('题目（每行一题，按 1–5 分作答）', 'Questions (one per line, answered 1–5)'),
  validDays: l('链接有效天数', 'Link valid for (days)'),
  links: l('已发链接', 'Links issued'),
  answered: l('已回答', 'Answered'),
  ratings: l('客户经理满意度评分', 'Manager ratings'),
  ratingValue: l('评分', 'Rating'),
  surveyLink: l('问卷链接', 'Survey link'),
  issueLink: l('生成问卷二维码', 'Survey QR code'),
  linkHint: l('请客户扫码作答；链接仅能提交一次，过期失效。此链接只显示这一次。', 'Ask the customer to scan; the link takes one answer and expires. It is shown only now.'),
  chooseSurvey: l('选择问卷', 'Choose a questionnaire'),
  expires: l('有效期至', 'Valid until'),
  publicThanks: l('感谢您的评价！', 'Thank you for your feedback!'),
  publicAlready: l('该问卷已提交，感谢您的评价。', 'This survey has already been answered. Thank you.'),
  publicInvalid: l('该问卷链接无效或已过期。', 'This survey link is invalid or has expired.'),
  publicSubmit: l('提交评价', 'Submit'),
  publicComment: l('其他意见（可选）', 'Anything else? (optional)'),
  publicRateAll: l('请为每一项打分', 'Please rate every item'),
  save: l('保存', 'Save'),
  export: l('导出 Excel', 'Export to Excel'),
  territories: l('管片', 'Territories'),
  territory: l('管片', 'Territory'),
  allTerritories: l('全部管片', 'All territories'),
  newTerritory: l('新建管片', 'New territory'),
  editTerritory: l('修改管片', 'Edit territory'),
  code: l('编号', 'Code'),
  edit: l('修改', 'Edit'),
  toTerritory: l('划入管片', 'Put into territory'),
  toTerritoryHint: l('已选 {n} 户客户，划入后离开原管片。', '{n} customers selected; they leave the territory they were in.'),
  territorySaved: l('管片已保存', 'Territory saved'),
  territoryAssigned: l('已划入管片', 'Moved into the territory'),
  fromTerritory: l('移出管片', 'Take out of territory'),
  fromTerritoryConfirm: l('将已选 {n} 户客户移出当前管片？移出后不属于任何管片。', 'Take the {n} selected customers out of this territory? They will belong to no territory.'),
  territoryUnassigned: l('已移出管片', 'Taken out of the territory'),
  deleteTerritory: l('删除', 'Delete'),
  deleteTerritoryConfirm: l('删除管片“{name}”？其中 {n} 户客户将不再属于任何管片。', 'Delete territory “{name}”? Its {n} customers will belong to no territory.'),
  territoryDeleted: l('管片已删除', 'Territory deleted'),
  importCustomers: l('导入客户', 'Import customers'),
  importTitle: l('从 Excel 导入客户', 'Import customers from Excel'),
  importHint: l('请先下载模板，按模板填写后上传。任意一行有误时不会导入任何数据。', 'Download the template, fill it in and upload it. If any row is wrong, nothing is imported.'),
  importTemplate: l('下载导入模板', 'Download the template'),
  importChoose: l('选择 .xlsx 文件', 'Choose an .xlsx file'),
  importUpload: l('开始导入', 'Import'),
  importNoFile: l('请先选择文件', 'Choose a file first'),
  importDone: l('导入完成：新增 {imported} 户，更新 {updated} 户，未变化 {unchanged} 户', 'Done: {imported} added, {updated} updated, {unchanged} unchanged'),
  importFailed: l('导入失败，未导入任何数据。请按下表修正后重新上传。', 'Import failed; nothing was imported. Fix the rows below and upload again.'),
  importReport: l('错误报告（{n} 处）', 'Error report ({n})'),
  close: l('关闭', 'Close'),
} as const;

export const KIND_LABELS = {
  farming_household: l('农户', 'Farming household'), resident: l('城镇居民', 'Resident'), individual_business: l('个体工商户', 'Individual business'),
  enterprise: l('企业', 'Enterprise'), big_customer: l('大客户', 'Big customer'),
} as const;
export const SEGMENT_LABELS = { retail: l('零售', 'Retail'), corporate: l('对公', 'Corporate') } as const;
export const ROLE_LABELS_P = {
  develop: l('拓展', 'Develop'), manage: l('管户', 'Manage'), collect: l('包收', 'Collect'), approve: l('审批', 'Approve'), investigate: l('调查', 'Investigate'),
} as const;
export const REQUEST_KIND_LABELS = { claim: l('认领', 'Claim'), transfer: l('移交', 'Transfer'), handover: l('离岗交接', 'Hand-over') } as const;
export const REQUEST_STATUS_LABELS = { pending: l('待审批', 'Pending'), approved: l('已批准', 'Approved'), rejected: l('已驳回', 'Rejected') } as const;
export const VISIT_STATUS_LABELS = { not_required: l('无需走访', 'Not required'), ok: l('正常', 'On time'), due: l('即将到期', 'Due soon'), overdue: l('已逾期', 'Overdue') } as const;
export const COMPLAINT_SOURCE_LABELS = {
  counter: l('柜面', 'Counter'), phone: l('电话', 'Phone'), hotline_12363: l('12363 热线', '12363 hotline'), online: l('网络', 'Online'),
  regulator: l('监管转办', 'Regulator'), survey: l('满意度调查', 'Survey'), other: l('其他', 'Other'),
} as const;
export const COMPLAINT_CATEGORY_LABELS = {
  service_attitude: l('服务态度', 'Service attitude'), waiting_time: l('等候时间', 'Waiting time'), fees: l('收费', 'Fees'), product: l('产品', 'Product'),
  loan_process: l('贷款流程', 'Loan process'), privacy: l('隐私', 'Privacy'), other: l('其他', 'Other'),
} as const;
export const COMPLAINT_STATUS_LABELS = { new: l('新投诉', 'New'), in_progress: l('处理中', 'In progress'), resolved: l('已办结', 'Resolved') } as const;

/** Fen → yuan with thousands separators: 35000000 → 350,000.00 */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Today in China (UTC+8), as the server counts it. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Fills `{name}` placeholders. */
export function fill(s: string, vars: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
