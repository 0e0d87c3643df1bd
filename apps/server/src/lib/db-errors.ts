import { AppError } from '../errors/app-error.ts';

/** Unique constraints → the field a user can fix, with a message they can act on. */
const UNIQUE_FIELDS: Record<string, { path: string; zh: string; en: string }> = {
  staff_id_card_uq: { path: 'idCardNo', zh: '该身份证号已存在于本机构', en: 'This ID number already exists in this organisation' },
  org_units_code_uq: { path: 'code', zh: '机构代码已被使用', en: 'This unit code is already in use' },
  users_login_unique: { path: 'login', zh: '登录名已被使用', en: 'This login is already taken' },
};

interface PgLikeError { code?: string; constraint?: string; cause?: unknown }

function pgError(e: unknown): PgLikeError | null {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = cur as PgLikeError;
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return c;
    cur = c.cause;
  }
  return null;
}

/** Maps a database error to an AppError a client can act on; anything else is rethrown. */
export function mapDbError(e: unknown): never {
  const pg = pgError(e);
  if (pg?.code === '23505') {
    const f = pg.constraint ? UNIQUE_FIELDS[pg.constraint] : undefined;
    if (f) {
      const message = { 'zh-CN': f.zh, en: f.en };
      throw new AppError('conflict', { message, fields: [{ path: f.path, code: 'duplicate', message }] });
    }
    throw new AppError('conflict');
  }
  if (pg?.code === '23503') throw new AppError('conflict', { message: { 'zh-CN': '该记录仍被其他数据引用', en: 'This record is still referred to by other data' } });
  throw e;
}

/** Runs `fn` and turns constraint violations into 409s. */
export async function withDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError) throw e;
    return mapDbError(e);
  }
}
