// 农村信用合作社 客户经理规范细则: staffing (art. 2), selection (art. 3), pay (art. 4), visits (art. 11).
export const RURAL_CREDIT_YAML = `
id: rural-credit
kind: portfolio
title: { zh: 农村信用社客户经理规范（管户与走访）, en: Rural credit cooperative — portfolio rules }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 客户经理规范细则（农村信用合作社联合社）
  clauses:
    - { ref: "2", text: "小额信用、联保等小额贷款客户按不超过1000户配备一人……公司、企业贷款客户按不超过50户配备一人。" }
    - { ref: "9", text: "在调查基础上每半年向信用社提交一份市场调研报告。" }
    - { ref: "11", text: "贷款额度在30万元以上客户每月走访不得少于1次，其他贷款客户每季不少于一次。" }
facts:
  - { name: customers, type: list, item: { loanAmount: money }, optional: true, label: { zh: 管户贷款客户, en: Borrowers managed } }
  - { name: counts.retail, type: count, optional: true, label: { zh: 小额贷款客户数, en: Micro/joint-guarantee borrowers } }
  - { name: counts.corporate, type: count, optional: true, label: { zh: 公司企业贷款客户数, en: Corporate borrowers } }
visitFrequency:
  - { id: large, label: { zh: 30万元以上贷款客户, en: "Loans of 300,000 or more" }, clause: "11", when: { field: loanAmount, op: gte, value: 300000 }, everyMonths: 1 }
  - { id: other, label: { zh: 其他贷款客户, en: Other borrowers }, clause: "11", when: { field: loanAmount, op: gt, value: 0 }, everyMonths: 3 }
staffingRatios:
  - { id: retail, label: { zh: 小额信用、联保贷款客户, en: Micro and joint-guarantee borrowers }, clause: "2", customerType: retail, maxPerManager: 1000 }
  - { id: corporate, label: { zh: 公司、企业贷款客户, en: Corporate borrowers }, clause: "2", customerType: corporate, maxPerManager: 50 }
reports:
  - { id: research, label: { zh: 市场调研报告, en: Market-research report }, clause: "9", everyMonths: 6 }
decisions:
  - id: large-inclusive
    clause: "11"
    original: "贷款额度在30万元以上客户每月走访不得少于1次"
    reading: { zh: 贷款额度恰为30万元按每月走访。, en: "A loan of exactly 300,000 is visited monthly." }
    why: { zh: 民法典第1259条：“以上”包括本数。, en: "Civil Code art. 1259: 以上 includes the number." }
  - id: staffing-inclusive
    clause: "2"
    original: "按不超过1000户配备一人"
    reading: { zh: 每人最多1000户（含），超出即需增配。, en: "At most 1,000 each (inclusive); more needs another manager." }
    why: { zh: “不超过”即小于或等于。, en: 不超过 means at most. }
---
id: rural-credit-pay
kind: compensation
title: { zh: 农村信用社客户经理薪酬, en: Rural credit cooperative — manager pay }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 客户经理规范细则（农村信用合作社联合社）
  clauses:
    - { ref: "4", text: "享受岗位责任工资；享受与个人管理工作质量挂钩的管理考核工资；享受与个人业绩挂钩的业绩工资及费用挂钩；业绩工资及费用挂钩数额上不封顶。" }
facts:
  - { name: positionPayYuan, type: money, unit: 元, label: { zh: 岗位责任工资, en: Position pay } }
  - { name: managementPoolYuan, type: money, unit: 元, label: { zh: 管理考核工资基数, en: Management-quality pay base } }
  - { name: managementCoefficient, type: number, label: { zh: 管理考核系数, en: Management-quality coefficient } }
  - { name: newDepositsYuan, type: money, unit: 元, label: { zh: 新增存款日均, en: New average deposits } }
  - { name: depositTargetYuan, type: money, unit: 元, label: { zh: 存款任务, en: Deposit target } }
  - { name: nplRecoveredYuan, type: money, unit: 元, label: { zh: 清收不良贷款本息, en: NPL principal and interest recovered } }
  - { name: expenseLinkYuan, type: money, unit: 元, label: { zh: 费用挂钩, en: Expense linkage } }
components:
  - { id: position, label: { zh: 岗位责任工资, en: Position pay }, clause: "4", calc: { type: formula, expr: positionPayYuan } }
  - { id: management, label: { zh: 管理考核工资, en: Management-quality pay }, clause: "4", calc: { type: formula, expr: "managementPoolYuan * managementCoefficient" } }
  - id: deposits
    label: { zh: 业绩工资（存款）, en: Performance pay (deposits) }
    clause: "4"
    calc: { type: piece_rate, quantity: newDepositsYuan, per: 10000, price: 20, target: depositTargetYuan, beyondPrice: 30 }
  - id: recovery
    label: { zh: 业绩工资（清收不良）, en: Performance pay (NPL recovery) }
    clause: "4"
    calc: { type: piece_rate, quantity: nplRecoveredYuan, per: 10000, price: 100 }
  - { id: expenses, label: { zh: 费用挂钩, en: Expense linkage }, clause: "4", calc: { type: formula, expr: expenseLinkYuan } }
decisions:
  - id: prices
    clause: "4"
    original: "享受与个人业绩挂钩的业绩工资……上不封顶"
    reading: { zh: 新增存款每万元20元，超任务部分每万元30元；清收不良每万元100元；均不设上限；存款减少时为负。, en: "20 yuan per 10,000 of new deposits, 30 beyond target; 100 per 10,000 of NPL recovered; uncapped; falling deposits give a negative amount." }
    why: { zh: 细则只规定挂钩与不封顶，单价为联社可调整的默认值。, en: The norms set the linkage and no cap; the prices are defaults the union may change. }
---
id: rural-credit-selection
kind: eligibility
title: { zh: 农村信用社客户经理选拔（双考上岗）, en: Rural credit cooperative — selection (double exam) }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 客户经理规范细则（农村信用合作社联合社）
  clauses:
    - { ref: "3", text: "采取双考上岗的方式选拔，联社组织业务基础知识考试，合格者……进行思想品德、工作表现考核，双考合格者方可上岗。对思想品德不好，有过以权谋私、以贷谋私行为的人，坚决不允许担任客户经理工作。" }
facts:
  - { name: knowledgeScore, type: number, label: { zh: 业务知识考试成绩, en: Knowledge exam } }
  - { name: characterReview, type: boolean, label: { zh: 品德与表现考核合格, en: Character and performance review passed } }
  - { name: pastAbuse, type: boolean, label: { zh: 有以权谋私、以贷谋私行为, en: Past abuse of position or loans } }
  - { name: applied, type: boolean, label: { zh: 自愿报名, en: Applied voluntarily } }
rules:
  - { id: applied, label: { zh: 自愿报名, en: Voluntary application }, clause: "3", test: { fact: applied, op: eq, value: true, label: { zh: 报名, en: Application } } }
  - { id: knowledge, label: { zh: 业务知识考试合格, en: Knowledge exam passed }, clause: "3", test: { fact: knowledgeScore, op: gte, value: 60, label: { zh: 考试成绩, en: Exam score } } }
  - { id: character, label: { zh: 品德与表现考核合格, en: Character review passed }, clause: "3", test: { fact: characterReview, op: eq, value: true, label: { zh: 品德考核, en: Character review } } }
  - { id: barred, label: { zh: 无以权谋私、以贷谋私行为, en: No past abuse }, clause: "3", test: { not: { fact: pastAbuse, op: eq, value: true } } }
decisions:
  - id: pass-mark
    clause: "3"
    original: "联社组织业务基础知识考试，合格者"
    reading: { zh: 60分及以上为合格。, en: 60 or more passes. }
    why: { zh: 未给及格线。, en: No pass mark is given. }
---
id: rural-credit-evaluation
kind: scorecard
title: { zh: 农村信用社客户经理季度考核, en: Rural credit cooperative — quarterly manager evaluation }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 客户经理规范细则（农村信用合作社联合社）
  clauses:
    - { ref: "职责", text: "组织存款；营销新客户和新产品；贷款管理，收回利息；不良贷款清收；建立贷款台账和信贷档案。" }
    - { ref: "11", text: "贷款额度在30万元以上客户每月走访不得少于1次，其他贷款客户每季不少于一次。" }
    - { ref: "目标", text: "每年下达存款、贷款、清收不良贷款、信贷项目等目标任务。" }
cycle: quarter
facts:
  - { name: avgDailyDepositYuan, type: money, unit: 元, label: { zh: 存款日均余额, en: Average daily deposits } }
  - { name: depositTargetYuan, type: money, unit: 元, label: { zh: 存款日均任务, en: Deposit target } }
  - { name: avgDailyLoanYuan, type: money, unit: 元, label: { zh: 贷款日均余额, en: Average daily loans } }
  - { name: loanTargetYuan, type: money, unit: 元, label: { zh: 贷款日均任务, en: Loan target } }
  - { name: nplRatio, type: rate, label: { zh: 不良贷款率, en: NPL ratio } }
  - { name: interestCollectionRate, type: rate, label: { zh: 收息率, en: Interest-collection rate } }
  - { name: dueLoanRecoveryRate, type: rate, label: { zh: 到期贷款收回率, en: Due-loan recovery rate } }
  - { name: visitCompliance, type: rate, label: { zh: 走访达标率, en: Visit compliance } }
  - { name: newCustomers, type: count, label: { zh: 新增客户数, en: New customers } }
  - { name: newCustomersTarget, type: count, label: { zh: 新增客户任务, en: New-customer target } }
  - { name: score, type: map, label: { zh: 评价人评分(0-1), en: Evaluator ratings (0-1) } }
  - { name: conductPoints, type: number, unit: 分, label: { zh: 奖惩记录加减分, en: Conduct record points } }
  - { name: seriousViolation, type: boolean, label: { zh: 严重违纪, en: Serious violation } }
items:
  - { id: deposits, group: business, label: { zh: 存款日均完成率, en: Average deposits vs target }, clause: "目标", weight: 20, completion: "avgDailyDepositYuan / depositTargetYuan", floor: 0, cap: 1.2 }
  - { id: loans, group: business, label: { zh: 贷款日均完成率, en: Average loans vs target }, clause: "目标", weight: 15, completion: "avgDailyLoanYuan / loanTargetYuan", floor: 0, cap: 1.2 }
  - { id: npl, group: quality, label: { zh: 不良贷款率（越低越好）, en: NPL ratio (lower is better) }, clause: "职责", weight: 15, completion: "1 - nplRatio * 20" }
  - { id: interest, group: quality, label: { zh: 收息率, en: Interest collection }, clause: "职责", weight: 10, completion: interestCollectionRate }
  - { id: recovery, group: quality, label: { zh: 到期贷款收回率, en: Due-loan recovery }, clause: "职责", weight: 10, completion: dueLoanRecoveryRate }
  - { id: visits, group: service, label: { zh: 走访达标率, en: Visit compliance }, clause: "11", weight: 10, completion: visitCompliance }
  - { id: newCustomers, group: business, label: { zh: 新增客户, en: New customers }, clause: "职责", weight: 5, completion: "newCustomers / newCustomersTarget", floor: 0, cap: 1.5 }
  - { id: ledgers, group: service, label: { zh: 台账与信贷档案, en: Ledgers and credit files }, clause: "职责", weight: 10, source: evaluator }
  - { id: service, group: service, label: { zh: 客户满意度, en: Customer satisfaction }, clause: "职责", weight: 5, source: survey }
adjustments:
  - { id: conduct, label: { zh: 奖惩记录, en: Conduct records }, clause: "职责", points: conductPoints, cap: 10 }
vetoes:
  - { id: violation, label: { zh: 严重违纪一票否决, en: Serious violation (veto) }, clause: "职责", when: { field: seriousViolation, op: eq, value: true } }
bands:
  - { grade: A, label: { zh: 优秀, en: Excellent }, min: { value: 90, inclusive: true }, quotaPercent: 20, coefficient: 1.2 }
  - { grade: B, label: { zh: 良好, en: Good }, min: { value: 75, inclusive: true }, max: { value: 90, inclusive: false }, coefficient: 1.0 }
  - { grade: C, label: { zh: 合格, en: Satisfactory }, min: { value: 60, inclusive: true }, max: { value: 75, inclusive: false }, coefficient: 0.8 }
  - { grade: D, label: { zh: 不合格, en: Unsatisfactory }, max: { value: 60, inclusive: false }, coefficient: 0.6 }
appealDays: 7
decisions:
  - id: weights
    clause: "目标"
    original: "每年下达存款、贷款、清收不良贷款、信贷项目等目标任务"
    reading: { zh: 业务（存款20、贷款15、新客户5）40分，资产质量（不良15、收息10、收回10）35分，服务（走访10、台账10、满意度5）25分。, en: "Business 40 (deposits 20, loans 15, new customers 5), asset quality 35 (NPL 15, interest 10, recovery 10), service 25 (visits 10, ledgers 10, satisfaction 5)." }
    why: { zh: 规范列出职责与目标但未给权重；存款是联社首要任务。, en: "The norms list duties and targets without weights; deposits come first for a cooperative." }
  - id: npl-scale
    clause: "职责"
    original: "不良贷款清收"
    reading: { zh: 不良率0得满分，每1个百分点扣该项20%，达到5%（信用村不良上限）得0分。, en: "An NPL ratio of 0 earns full marks; each percentage point takes 20% of the item; 5% (the credit-village ceiling) earns nothing." }
    why: { zh: 与信用村评定的不良率上限5%一致。, en: "Matches the 5% NPL ceiling of credit-village rating." }
  - id: quota-rounding
    clause: "目标"
    original: "优秀比例不超过20%"
    reading: { zh: 名额按人数×比例向下取整，不设“至少一名”。, en: "Quota = people × percent rounded down, no minimum of one." }
    why: { zh: 比例是上限，与其他评分卡同一规则。, en: "The percentage is a ceiling, the same rule as every scorecard." }
---
id: rural-credit-household-lines
kind: compensation
title: { zh: 信用户评级授信额度表, en: Rural credit cooperative — credit lines of credit households }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 客户经理规范细则（农村信用合作社联合社）
  clauses:
    - { ref: "信用户", text: "开展信用户、信用村评定，信用户每年复评一次，不符合条件的取消信用户资格；对信用户按评定等级核定授信额度。" }
facts:
  - { name: households, type: list, item: { score: number, hasArrears: boolean, hasNpl: boolean }, label: { zh: 参评农户, en: Households rated } }
components:
  - id: creditLine
    label: { zh: 信用户授信额度, en: Credit line }
    clause: "信用户"
    calc:
      type: tiered
      source: households
      filter:
        - { when: { field: hasArrears, op: eq, value: false }, reason: { zh: 有拖欠贷款本息, en: in arrears } }
        - { when: { field: hasNpl, op: eq, value: false }, reason: { zh: 有不良贷款, en: has a non-performing loan } }
      apply: per_item
      basis: score
      tiers:
        - { min: { value: 60, inclusive: true }, max: { value: 75, inclusive: false }, price: 30000, label: 一般 }
        - { min: { value: 75, inclusive: true }, max: { value: 90, inclusive: false }, price: 50000, label: 较好 }
        - { min: { value: 90, inclusive: true }, price: 100000, label: 优秀 }
decisions:
  - id: lines
    clause: "信用户"
    original: "对信用户按评定等级核定授信额度"
    reading: { zh: 评分90分及以上为优秀，授信10万元；75分及以上为较好，5万元；60分及以上为一般，3万元；不足60分或有拖欠、不良的不评为信用户。, en: "90 or more is excellent with a 100,000-yuan line; 75 or more good, 50,000; 60 or more fair, 30,000; below 60, or in arrears or with an NPL, no credit household." }
    why: { zh: 细则要求按等级授信但未给额度，此为联社可调整的默认值。, en: The norms grade the lines without amounts; these are defaults the union may change. }
---
id: rural-credit-village-rating
kind: eligibility
title: { zh: 信用村评定条件, en: Rural credit cooperative — credit village rating }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 客户经理规范细则（农村信用合作社联合社）
  clauses:
    - { ref: "信用村", text: "信用户占总户数的70%以上；无拖欠户超过借款户的85%；不良贷款余额占比低于5%；新增不良贷款占比低于1%。" }
facts:
  - { name: creditHouseholdShare, type: rate, optional: true, label: { zh: 信用户占总户数比例, en: Credit households of all households } }
  - { name: noArrearsShare, type: rate, optional: true, label: { zh: 无拖欠户占借款户比例, en: Borrowers without arrears } }
  - { name: nplStockShare, type: rate, label: { zh: 不良贷款余额占比, en: NPL stock of loan balance } }
  - { name: newNplShare, type: rate, label: { zh: 新增不良占新增贷款比例, en: New NPL of new loans } }
rules:
  - { id: credit_households, label: { zh: 信用户占比, en: Credit households }, clause: "信用村", test: { fact: creditHouseholdShare, op: gte, value: 0.7, label: { zh: 信用户占总户数比例, en: Credit-household share } } }
  - { id: no_arrears, label: { zh: 无拖欠户占借款户比例, en: Borrowers without arrears }, clause: "信用村", test: { fact: noArrearsShare, op: gt, value: 0.85, label: { zh: 无拖欠户比例, en: No-arrears share } } }
  - { id: npl_stock, label: { zh: 不良贷款占比, en: NPL stock }, clause: "信用村", test: { fact: nplStockShare, op: lt, value: 0.05, label: { zh: 不良贷款占比, en: NPL stock share } } }
  - { id: new_npl, label: { zh: 新增不良占比, en: New NPL }, clause: "信用村", test: { fact: newNplShare, op: lt, value: 0.01, label: { zh: 新增不良占比, en: New NPL share } } }
combine: all
decisions:
  - id: bounds
    clause: "信用村"
    original: "信用户占总户数的70%以上；无拖欠户超过借款户的85%"
    reading: { zh: 信用户恰为70%合格；无拖欠户恰为85%不合格；不良恰为5%、新增不良恰为1%均不合格。, en: "Exactly 70% credit households passes; exactly 85% without arrears fails; exactly 5% NPL stock or exactly 1% new NPL fails." }
    why: { zh: 民法典第1259条：“以上”包括本数，“超过”“低于”不包括本数。, en: "Civil Code art. 1259: 以上 includes the number; 超过 and 低于 do not." }
  - id: no-borrowers
    clause: "信用村"
    original: "无拖欠户超过借款户的85%"
    reading: { zh: 没有借款户时该项无从计算，不合格；没有贷款时不良占比按0计。, en: "With no borrowers the share cannot be computed and the check fails; with no loans the NPL shares count as 0." }
    why: { zh: 信用村以有信贷往来为前提。, en: A credit village presupposes lending. }
`;
