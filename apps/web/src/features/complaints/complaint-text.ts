/** Labels of the complaint handling screens (with the shared portfolio labels in customers/portfolio-text). */
const l = (zh: string, en: string) => ({ zh, en });

export const C = {
  handle: l('分派处理', 'Assign'),
  handled: l('已分派，投诉转为处理中', 'Assigned; the complaint is in progress'),
  unassigned: l('未分派', 'Unassigned'),
  stats: l('投诉统计', 'Complaint counts'),
} as const;
