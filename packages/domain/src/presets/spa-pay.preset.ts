// 客户经理薪资计算办法及标准细则 (spa/hotel customer-manager pay), as an executable policy.
export const SPA_PAY_YAML = `
id: spa-pay
kind: compensation
title: { zh: 客户经理薪资计算办法及标准细则, en: Customer-manager pay rules (spa) }
version: 1
effective: { from: 2026-01-01, to: null }
source:
  title: 客户经理薪资计算办法及标准细则
  clauses:
    - { ref: 组成, text: "客户经理薪资组成：底薪、订房提成、办卡提成、差勤扣款、电话卡扣款，其它。" }
    - { ref: 发放, text: "次月15日为发薪日……如次月15日之前有请假情况者，则将延迟发放上月薪资，以请假天数为准向后顺延。" }
    - { ref: "1", text: "订房提成=500元及以上卡种当次累计消费300元及以上者方可核算订房提成。月订房数量80间及以下:5元/间 月订房数量80间及以上:10元/间" }
    - { ref: "2", text: "卡提成=办续卡500元及以上卡开始核算提成，500-700 1%，800-1000 1.25%，1500-2000 1.5%，3000 2%，5000 2.5%，10000 4%；赠送酒水的储值卡减少0.5%的提成。" }
    - { ref: "3", text: "办卡提成×订房完成率+订房提成=本月薪资。例：办卡提成5000元，订房完成100间，完成率100%，本月薪资5000*1+100*10=6000。" }
    - { ref: "4", text: "外聘的客户经理，其前1个月的薪资=底薪(接待底薪)+办卡提成（0.5%、1%、1.25%、1.5%、2%、2.5%）。" }
rounding: half_up
facts:
  - { name: period, type: text, label: { zh: 结算月份, en: Period } }
  - { name: manager.hireType, type: enum, values: [staff, external, agent], label: { zh: 用工类型, en: Hire type } }
  - { name: manager.firstMonth, type: boolean, label: { zh: 是否入职首月, en: First month } }
  - { name: manager.baseFen, type: money, unit: fen, label: { zh: 底薪（分）, en: Base pay (fen) } }
  - { name: bookingTarget, type: count, unit: 间, label: { zh: 订房基数, en: Booking target } }
  - { name: bookings, type: list, item: { cardFaceValue: money, spent: money }, unit: 元, label: { zh: 订房记录, en: Bookings } }
  - { name: cards, type: list, item: { amount: money, giftedDrinks: boolean }, unit: 元, label: { zh: 办续卡记录, en: Card sales } }
  - { name: leaveDates, type: dates, label: { zh: 请假/旷工日期, en: Leave and absence dates } }
  - { name: deductions.attendance, type: money, unit: 元, label: { zh: 差勤扣款, en: Attendance deduction } }
  - { name: deductions.phoneCard, type: money, unit: 元, label: { zh: 电话卡扣款, en: Phone-card deduction } }
  - { name: deductions.other, type: money, unit: 元, label: { zh: 其它扣款, en: Other deductions } }
decisions:
  - id: booking-80
    clause: "1"
    original: "月订房数量80间及以下:5元/间 月订房数量80间及以上:10元/间"
    reading: { zh: 恰好80间按10元/间计；不足80间按5元/间。, en: "Exactly 80 rooms earn 10 yuan each; fewer than 80 earn 5." }
    why: { zh: 两档都写“及”，都包含80（民法典第1259条）；80间是激励门槛，按达到门槛的较高档执行。, en: "Both tiers say 及 and so both include 80 (Civil Code art. 1259); 80 reads as the incentive threshold, so reaching it earns the higher rate." }
  - id: booking-whole
    clause: "3"
    original: "100*10=6000"
    reading: { zh: 达到的档次单价适用于当月全部订房，而非仅超出部分。, en: The tier reached prices every room of the month, not only those above 80. }
    why: { zh: 细则示例按100间×10元计算。, en: The rule book's example prices all 100 rooms at 10 yuan. }
  - id: card-gaps
    clause: "2"
    original: "500-700 1%，800-1000 1.25%，1500-2000 1.5%，3000 2%，5000 2.5%，10000 4%"
    reading: { zh: 档次之间的空档按较低一档计（如750元按1%）；10000元及以上按4%。, en: "Amounts in the gaps take the band below (750 earns 1%); 10,000 and above earns 4%." }
    why: { zh: 细则未规定700–800、1000–1500、2000–3000、3000–5000、5000–10000及10000以上的金额；按较低档计不会多付，且保持提成随金额不减。, en: "The rule book leaves 700–800, 1000–1500, 2000–3000, 3000–5000, 5000–10000 and above 10000 open; the band below never overpays and keeps commission rising with the amount." }
  - id: completion-cap
    clause: "3"
    original: "办卡提成×订房完成率"
    reading: { zh: 订房完成率不设上限（超额完成按实际比例计）；未设订房基数时按100%计。, en: "The completion rate is not capped (over-achievement counts in full); with no target set it counts as 100%." }
    why: { zh: 公式未写上限，示例为100%；没有基数时无法计算比例，按完成处理避免扣光提成。, en: "The formula states no cap and its example is at 100%; without a target no rate exists, and treating it as met avoids wiping out the commission." }
  - id: gift-floor
    clause: "4"
    original: "在公司规定享受的提成基础上减少0.5%的提成"
    reading: { zh: 减少0.5个百分点，最低为0%（外聘首月500–700档0.5%减后为0%）。, en: "0.5 percentage points off, never below 0% (an external hire's 0.5% band becomes 0%)." }
    why: { zh: 提成比例不能为负。, en: A commission rate cannot be negative. }
  - id: leave-days
    clause: 发放
    original: "以请假天数为准向后顺延"
    reading: { zh: 按次月1日至15日之间的请假、旷工日历天数顺延。, en: "Payday moves later by the calendar days of leave or absence between the 1st and the 15th of the next month." }
    why: { zh: 细则写“请假天数”，未区分工作日；足浴门店全周营业。, en: "The rule book says leave days without excluding weekends; the stores open every day." }
  - id: base-and-deductions
    clause: 组成
    original: "客户经理薪资组成：底薪、订房提成、办卡提成、差勤扣款、电话卡扣款，其它。"
    reading: { zh: 薪资=底薪+办卡提成×订房完成率+订房提成−差勤扣款−电话卡扣款−其它扣款。, en: "Pay = base + card commission × completion rate + booking commission − attendance, phone-card and other deductions." }
    why: { zh: 组成条款列出底薪与扣款，核算公式只写了提成；未设底薪与扣款时结果与示例一致。, en: "The components clause names base pay and deductions while the formula shows commissions only; with none set the result equals the example." }
components:
  - id: base
    label: { zh: 底薪, en: Base pay }
    clause: 组成
    calc: { type: formula, expr: "manager.baseFen / 100" }
  - id: bookingCommission
    label: { zh: 订房提成, en: Booking commission }
    clause: "1"
    calc:
      type: tiered
      source: bookings
      filter:
        - when: { field: cardFaceValue, op: gte, value: 500 }
          reason: { zh: 客人持卡面额不足500元, en: "The guest's card is below 500 yuan" }
        - when: { field: spent, op: gte, value: 300 }
          reason: { zh: 当次累计消费不足300元, en: Spent below 300 yuan on the visit }
      measure: count
      apply: whole
      monotone: true
      tiers:
        - { max: { value: 80, inclusive: false }, price: 5 }
        - { min: { value: 80, inclusive: true }, price: 10 }
  - id: cardCommission
    label: { zh: 办卡提成, en: Card commission }
    clause: "2"
    calc: &staffCards
      type: tiered
      source: cards
      filter:
        - when: { field: amount, op: gte, value: 500 }
          reason: { zh: 办续卡金额不足500元, en: Card below 500 yuan }
      apply: per_item
      basis: amount
      monotone: true
      tiers:
        - { min: { value: 500, inclusive: true }, max: { value: 800, inclusive: false }, rate: 1 }
        - { min: { value: 800, inclusive: true }, max: { value: 1500, inclusive: false }, rate: 1.25 }
        - { min: { value: 1500, inclusive: true }, max: { value: 3000, inclusive: false }, rate: 1.5 }
        - { min: { value: 3000, inclusive: true }, max: { value: 5000, inclusive: false }, rate: 2 }
        - { min: { value: 5000, inclusive: true }, max: { value: 10000, inclusive: false }, rate: 2.5 }
        - { min: { value: 10000, inclusive: true }, rate: 4 }
      adjustments:
        - label: { zh: 赠送酒水办卡减0.5个百分点, en: Gifted drinks −0.5 pp }
          clause: "2"
          when: { field: giftedDrinks, op: eq, value: true }
          ratePoints: -0.5
    multiplier:
      label: { zh: 订房完成率, en: Booking completion rate }
      clause: "3"
      expr: "measure.bookingCommission / bookingTarget"
      onUndefined: 1
  - { id: attendance, label: { zh: 差勤扣款, en: Attendance deduction }, clause: 组成, sign: deduction, calc: { type: formula, expr: "deductions.attendance" } }
  - { id: phoneCard, label: { zh: 电话卡扣款, en: Phone-card deduction }, clause: 组成, sign: deduction, calc: { type: formula, expr: "deductions.phoneCard" } }
  - { id: other, label: { zh: 其它扣款, en: Other deductions }, clause: 组成, sign: deduction, calc: { type: formula, expr: "deductions.other" } }
variants:
  - id: external-first-month
    label: { zh: 外聘客户经理首月, en: External hire, first month }
    clause: "4"
    when: { all: [ { field: manager.hireType, op: eq, value: external }, { field: manager.firstMonth, op: eq, value: true } ] }
    remove: [bookingCommission]
    replace:
      cardCommission:
        multiplier: null
        calc:
          <<: *staffCards
          tiers:
            - { min: { value: 500, inclusive: true }, max: { value: 800, inclusive: false }, rate: 0.5 }
            - { min: { value: 800, inclusive: true }, max: { value: 1500, inclusive: false }, rate: 1 }
            - { min: { value: 1500, inclusive: true }, max: { value: 3000, inclusive: false }, rate: 1.25 }
            - { min: { value: 3000, inclusive: true }, max: { value: 5000, inclusive: false }, rate: 1.5 }
            - { min: { value: 5000, inclusive: true }, max: { value: 10000, inclusive: false }, rate: 2 }
            - { min: { value: 10000, inclusive: true }, rate: 2.5 }
payday:
  clause: 发放
  dayOfNextMonth: 15
  delayByLeave: { fact: leaveDates, fromDay: 1, toDay: 15, count: calendar }
`;
