import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, tenantPermissions, type Role } from '@kehu/domain';
import type { Me, SignInBody } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../lib/actor.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../lib/passwords.ts';
import { auditService } from '../audit/audit.service.ts';
import { authRepository } from './auth.repository.ts';

/** Sign-in limits: per account (consecutive failures lock it) and per client address. */
export const SIGN_IN_LIMITS = { accountFailures: 5, accountLockMinutes: 15, addressFailures: 20, addressWindowMinutes: 15 } as const;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

function lockedMessage(minutes: number) {
  return {
    'zh-CN': `登录失败次数过多，请在 ${minutes} 分钟后再试。`,
    en: `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  };
}

export interface SessionInfo { actor: Actor; me: Me; sessionId: string; needsTouch: boolean }

export interface ClientInfo { ip: string; userAgent: string | null }

export const authService = {
  /**
   * Checks the password and opens a new session. A new session id is issued on every
   * sign-in (and any session presented with the request is ended), so a planted id is useless.
   */
  async signIn(db: Db, body: SignInBody, client: ClientInfo, previousToken: string | undefined): Promise<{ token: string }> {
    const addressFailures = await authRepository.addressFailures(db, client.ip, SIGN_IN_LIMITS.addressWindowMinutes);
    if (addressFailures >= SIGN_IN_LIMITS.addressFailures) {
      throw new AppError('rate_limited', { message: lockedMessage(SIGN_IN_LIMITS.addressWindowMinutes), headers: { 'retry-after': String(SIGN_IN_LIMITS.addressWindowMinutes * 60) } });
    }
    const user = await authRepository.userByLogin(db, body.login);
    if (user?.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
      const minutes = Math.max(1, Math.ceil((new Date(user.lockedUntil).getTime() - Date.now()) / 60_000));
      throw new AppError('account_locked', { message: lockedMessage(minutes), headers: { 'retry-after': String(minutes * 60) } });
    }
    const ok = user && !user.disabled
      ? await verifyPassword(user.passwordHash, body.password)
      : (await verifyPassword(await DUMMY_HASH_PROMISE, body.password), false);
    if (!ok || !user) {
      await authRepository.addAddressFailure(db, client.ip, SIGN_IN_LIMITS.addressWindowMinutes);
      if (user) {
        const lock = user.failedSignIns + 1 >= SIGN_IN_LIMITS.accountFailures
          ? new Date(Date.now() + SIGN_IN_LIMITS.accountLockMinutes * 60_000).toISOString() : null;
        await authRepository.recordFailure(db, user.tenantId, user.id, lock);
      }
      throw new AppError('invalid_credentials');
    }
    const token = randomBytes(32).toString('base64url');
    await db.transaction(async (tx) => {
      if (previousToken) await authRepository.deleteSession(tx, hashToken(previousToken));
      await authRepository.recordSuccess(tx, user.tenantId, user.id);
      await authRepository.createSession(tx, {
        id: hashToken(token), tenantId: user.tenantId, userId: user.id, csrfToken: randomBytes(24).toString('base64url'),
        ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      const actor: Actor = { userId: user.id, tenantId: user.tenantId, role: user.role as Role, displayName: user.displayName, login: user.login, orgUnitId: user.orgUnitId, orgPath: null, staffId: user.staffId, ip: client.ip };
      await auditService.record(tx, actor, { action: 'sign_in', entity: 'user', entityId: user.id });
    });
    return { token };
  },

  async signOut(db: Db, actor: Actor, sessionId: string): Promise<void> {
    await db.transaction(async (tx) => {
      await authRepository.deleteSession(tx, sessionId);
      await auditService.record(tx, actor, { action: 'sign_out', entity: 'user', entityId: actor.userId });
    });
  },

  /**
   * Resolves a cookie token to the acting user. Sessions idle longer than `idleMs`, or older
   * than `maxMs`, are ended and reported as expired.
   */
  async resolve(db: Db, token: string, ip: string | null, limits: { idleMs: number; maxMs: number }): Promise<SessionInfo> {
    const id = hashToken(token);
    const row = await authRepository.sessionWithUser(db, id);
    if (!row) throw new AppError('unauthenticated');
    const now = new Date(row.now).getTime();
    const lastSeen = new Date(row.session.lastSeenAt).getTime();
    if (row.user.disabled || now - lastSeen > limits.idleMs || now - new Date(row.session.createdAt).getTime() > limits.maxMs) {
      await authRepository.deleteSession(db, id);
      throw new AppError('session_expired');
    }
    const u = row.user;
    const role = (ROLES as readonly string[]).includes(u.role) ? (u.role as Role) : 'agent';
    const actor: Actor = { userId: u.id, tenantId: u.tenantId, role, displayName: u.displayName, login: u.login, orgUnitId: u.orgUnitId, orgPath: row.orgPath, staffId: u.staffId, ip };
    const me: Me = {
      userId: u.id, tenantId: u.tenantId, tenantName: row.tenantName, login: u.login, displayName: u.displayName, role,
      permissions: tenantPermissions(role, row.tenantKind), orgUnitId: u.orgUnitId, orgUnitName: row.orgName, staffId: u.staffId,
      locale: u.locale === 'en' ? 'en' : 'zh-CN', csrfToken: row.session.csrfToken,
    };
    return { actor, me, sessionId: id, needsTouch: now - lastSeen > 60_000 };
  },

  touch(db: Db, sessionId: string): Promise<void> {
    return authRepository.touchSession(db, sessionId);
  },

  /** Constant-time comparison of the CSRF header with the session's token. */
  csrfMatches(expected: string, given: string | undefined): boolean {
    if (!given) return false;
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  },

  async setLocale(db: Db, actor: Actor, locale: 'zh-CN' | 'en'): Promise<void> {
    await authRepository.setLocale(db, actor.tenantId, actor.userId, locale);
  },

  pruneFailures(db: Db): Promise<void> {
    return authRepository.pruneAddressFailures(db, 24 * 60);
  },
};
