type Label = { zh: string; en: string };

/** Names of audited actions and entities as the server writes them. Unknown ones show raw. */
export const AUDIT_ACTIONS: Record<string, Label> = {
  create: { zh: '新建', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  update_with_password: { zh: '修改（含密码）', en: 'Update (incl. password)' },
  delete: { zh: '删除', en: 'Delete' },
  import_create: { zh: '导入新增', en: 'Import: new' },
  import_update: { zh: '导入更新', en: 'Import: update' },
  sign_in: { zh: '登录', en: 'Sign in' },
  sign_out: { zh: '退出登录', en: 'Sign out' },
};

export const AUDIT_ENTITIES: Record<string, Label> = {
  staff: { zh: '人员', en: 'Staff' },
  org_unit: { zh: '机构', en: 'Org unit' },
  user: { zh: '用户', en: 'User' },
};

const ACTION_COLORS: Record<string, string> = {
  create: 'green', import_create: 'green', update: 'blue', import_update: 'blue', update_with_password: 'purple', delete: 'red',
};

export function actionColor(action: string): string {
  return ACTION_COLORS[action] ?? 'default';
}
