import { describe, expect, it } from 'vitest';
import { toQueryString } from './api-client.ts';
import { toApiError } from './api-error.ts';

describe('toQueryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(toQueryString({ q: '李 娜', page: 2, status: undefined, orgUnitId: null, position: '' })).toBe('?q=%E6%9D%8E+%E5%A8%9C&page=2');
    expect(toQueryString({})).toBe('');
  });
});

describe('toApiError', () => {
  it('keeps the server error shape, fields included', () => {
    const e = toApiError(409, {
      code: 'conflict', message: { 'zh-CN': '重复', en: 'Duplicate' },
      fields: [{ path: 'idCardNo', code: 'duplicate', message: { 'zh-CN': '已存在', en: 'Exists' } }],
    });
    expect([e.status, e.code, e.fields[0]?.path]).toEqual([409, 'conflict', 'idCardNo']);
  });

  it('falls back to a code for the status when the body is not the error shape', () => {
    expect(toApiError(429, '<html>').code).toBe('rate_limited');
    expect(toApiError(502, null).code).toBe('internal');
  });
});
