import { z } from 'zod';

/**
 * One error shape for every failure the API reports. 4xx carry a message a user can act on,
 * in Chinese and English, and for bad input the path of every bad field. 5xx reveal nothing.
 */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'session_expired',
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'stale_version',
  'import_failed',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const localizedText = z.object({ 'zh-CN': z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedText>;

export const fieldError = z.object({
  path: z.string().describe('Dotted path of the bad field, e.g. "idCardNo" or "rows.3.phone"'),
  code: z.string(),
  message: localizedText,
});
export type FieldError = z.infer<typeof fieldError>;

export const apiError = z.object({
  code: z.enum(ERROR_CODES),
  message: localizedText,
  fields: z.array(fieldError).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof apiError>;

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

// A missing field reports "required" whatever its type (Zod 4 otherwise says, for a missing
// enum, "invalid option"); schemas' own messages still win. Server and web share this setting.
z.config({ customError: (issue) => (issue.input === undefined ? 'required' : undefined) });

/** Default messages per error code; services may give a more specific one. */
export const ERROR_MESSAGES: Record<ErrorCode, LocalizedText> = {
  validation_failed: t('输入有误，请检查标出的字段。', 'Some fields are invalid; see the marked fields.'),
  malformed_json: t('请求内容不是有效的 JSON。', 'The request body is not valid JSON.'),
  unsupported_media_type: t('不支持的内容类型。', 'Unsupported content type.'),
  payload_too_large: t('请求内容过大。', 'The request body is too large.'),
  unauthenticated: t('请先登录。', 'Please sign in.'),
  session_expired: t('登录已过期，请重新登录。', 'Your session has expired; please sign in again.'),
  invalid_credentials: t('用户名或密码错误。', 'Wrong user name or password.'),
  account_locked: t('登录失败次数过多，请稍后再试。', 'Too many failed sign-ins; please try again later.'),
  rate_limited: t('请求过于频繁，请稍后再试。', 'Too many requests; please try again later.'),
  csrf_failed: t('页面已失效，请刷新后重试。', 'This page is out of date; reload and try again.'),
  forbidden: t('您没有权限执行此操作。', 'You are not allowed to do this.'),
  not_found: t('未找到该记录。', 'Not found.'),
  conflict: t('与已有记录冲突。', 'This conflicts with an existing record.'),
  stale_version: t('该记录已被他人修改，请刷新后重试。', 'Someone else changed this record; reload and try again.'),
  import_failed: t('导入失败，未导入任何数据。请按报告修正后重试。', 'Import failed; nothing was imported. Fix the rows listed and try again.'),
  internal: t('服务器内部错误，请稍后再试。', 'Something went wrong on the server; please try again later.'),
};

/**
 * Messages for field checks. Schemas name a key of this catalogue as their `message`,
 * so the server and the web form show the same bilingual text.
 */
export const FIELD_MESSAGES = {
  required: t('必填', 'Required'),
  'idCard.format': t('身份证号应为18位，最后一位可为X', 'ID number must be 18 characters, the last may be X'),
  'idCard.birthDate': t('身份证号中的出生日期无效', 'The birth date inside the ID number is invalid'),
  'idCard.checksum': t('身份证号校验码不正确', 'The ID number check digit is wrong'),
  'idCard.birthMismatch': t('出生日期与身份证号不一致', 'Birth date does not match the ID number'),
  'idCard.genderMismatch': t('性别与身份证号不一致', 'Gender does not match the ID number'),
  phone: t('请输入11位手机号码', 'Enter an 11-digit mobile number'),
  date: t('日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD'),
  'date.future': t('日期不能晚于今天', 'Date cannot be in the future'),
  'hireDate.beforeBirth': t('入职日期不能早于出生日期', 'Hire date cannot be before birth date'),
  'name.length': t('姓名长度应为1到50个字符', 'Name must be 1 to 50 characters'),
  password: t('密码至少8位，需包含字母和数字', 'Password needs at least 8 characters with letters and digits'),
  login: t('登录名为3到40位字母、数字、点、横线或下划线', 'Login is 3 to 40 letters, digits, dots, dashes or underscores'),
  'orgUnit.parentRequired': t('请选择上级机构', 'Choose a parent unit'),
} as const satisfies Record<string, LocalizedText>;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export interface IssueLike {
  code: string;
  path: readonly (string | number)[] | string;
  message?: string;
  params?: Record<string, unknown>;
  [k: string]: unknown;
}

/** Turns a Zod issue into a bilingual field error. */
export function localizeIssue(issue: IssueLike): FieldError {
  const path = typeof issue.path === 'string'
    ? issue.path.replace(/^\//, '').split('/').filter(Boolean).join('.')
    : issue.path.join('.');
  const p = { ...(issue.params ?? {}), ...issue };
  const key = issue.message as FieldMessageKey | undefined;
  if (key && key in FIELD_MESSAGES) return { path, code: key, message: FIELD_MESSAGES[key] };
  const n = (v: unknown) => String(v);
  switch (issue.code) {
    case 'invalid_type':
      if (p.input === undefined || p.received === 'undefined') return { path, code: 'required', message: FIELD_MESSAGES.required };
      return { path, code: 'invalid_type', message: t(`类型错误，应为 ${n(p.expected)}`, `Wrong type, expected ${n(p.expected)}`) };
    case 'too_small':
      return p.origin === 'string'
        ? { path, code: 'too_small', message: Number(p.minimum) <= 1 ? FIELD_MESSAGES.required : t(`至少 ${n(p.minimum)} 个字符`, `At least ${n(p.minimum)} characters`) }
        : { path, code: 'too_small', message: t(`不能小于 ${n(p.minimum)}`, `Must be at least ${n(p.minimum)}`) };
    case 'too_big':
      return p.origin === 'string'
        ? { path, code: 'too_big', message: t(`最多 ${n(p.maximum)} 个字符`, `At most ${n(p.maximum)} characters`) }
        : { path, code: 'too_big', message: t(`不能大于 ${n(p.maximum)}`, `Must be at most ${n(p.maximum)}`) };
    case 'invalid_value':
    case 'invalid_enum_value':
      return { path, code: 'invalid_value', message: t(`取值无效，可选：${(p.values as unknown[] | undefined)?.join(', ') ?? ''}`, `Invalid value; allowed: ${(p.values as unknown[] | undefined)?.join(', ') ?? ''}`) };
    case 'invalid_format':
    case 'invalid_string':
      return { path, code: 'invalid_format', message: t('格式不正确', 'Invalid format') };
    case 'unrecognized_keys':
      return { path: path || ((p.keys as string[] | undefined)?.join(',') ?? ''), code: 'unrecognized_keys', message: t(`不允许的字段：${(p.keys as string[] | undefined)?.join(', ') ?? ''}`, `Unknown fields: ${(p.keys as string[] | undefined)?.join(', ') ?? ''}`) };
    default:
      return { path, code: issue.code, message: t(`输入无效：${issue.message ?? ''}`, `Invalid input: ${issue.message ?? ''}`) };
  }
}
