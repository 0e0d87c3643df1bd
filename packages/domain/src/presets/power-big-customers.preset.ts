// 供电局大客户经理管理实施细则: big customers are the top 21 permanent customers by consumption (3.1).
export const POWER_BIG_CUSTOMERS_YAML = `
id: power-big-customers
kind: portfolio
title: { zh: 供电局大客户经理管理, en: Power-supply big-customer management }
version: 1
effective: { from: 2013-10-14, to: null }
source:
  title: 供电局大客户经理管理实施细则
  clauses:
    - { ref: "3.1", text: "大客户是指用电量在乐昌电力系统中排列前21名的永久性客户。" }
    - { ref: "5.6", text: "建立大客户服务档案，及时收集、了解大客户的生产变化、电力需求情况，定期联系，跟踪服务。" }
    - { ref: "5.4", text: "定期与政府有关部门联系，掌握所负责大客户的电力工程项目计划建设情况。" }
facts:
  - { name: customers, type: list, item: { bigCustomer: boolean }, optional: true, label: { zh: 客户, en: Customers } }
bigCustomers: { clause: "3.1", topN: 21, by: consumption, permanentOnly: true }
visitFrequency:
  - { id: big, label: { zh: 大客户定期联系, en: Regular follow-up of big customers }, clause: "5.6", when: { field: bigCustomer, op: eq, value: true }, everyMonths: 1 }
reports:
  - { id: market, label: { zh: 大客户电力市场分析, en: Big-customer market analysis }, clause: "5.5", everyMonths: 6 }
decisions:
  - id: follow-up
    clause: "5.6"
    original: "定期联系，跟踪服务"
    reading: { zh: 每个大客户每月至少联系一次。, en: Every big customer is contacted at least monthly. }
    why: { zh: 细则只写“定期”；21户规模允许按月联系。, en: "The rules say only 'regularly'; 21 customers allow a monthly contact." }
  - id: rank
    clause: "3.1"
    original: "排列前21名的永久性客户"
    reading: { zh: 按上一年度用电量排名，临时用电客户不参与排名；并列时按客户编号先后。, en: "Ranked by last year's consumption, temporary connections excluded; ties by customer number." }
    why: { zh: 细则未规定统计期与并列规则。, en: The period and ties are not specified. }
`;
