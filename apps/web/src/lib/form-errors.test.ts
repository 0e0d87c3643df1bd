import { describe, expect, it } from 'vitest';
import { staffCreate } from '@kehu/contracts';
import { checkWithSchema } from './form-errors.ts';

describe('checkWithSchema', () => {
  it('gives the bilingual checksum message for a wrong ID check digit', () => {
    const r = checkWithSchema(staffCreate, { idCardNo: '110105199003071230' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const id = r.errors.find((e) => e.path === 'idCardNo');
    expect(id?.message['zh-CN']).toBe('身份证号校验码不正确');
  });

  it('says "required" for an empty choice instead of listing the allowed values', () => {
    const r = checkWithSchema(staffCreate, { name: '张三' });
    if (r.ok) throw new Error('should fail');
    expect(r.errors.find((e) => e.path === 'education')?.message['zh-CN']).toBe('必填');
    expect(r.errors.find((e) => e.path === 'gender')?.message.en).toBe('Required');
  });
});
