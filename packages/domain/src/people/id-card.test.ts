import { describe, expect, it } from 'vitest';
import { idCardBirthDate, idCardCheckChar, idCardGender, idCardProblem } from './id-card.ts';
import { isMobilePhone, maskIdCard, maskPhone } from './masking.ts';

describe('ID card numbers (GB 11643)', () => {
  it.each([
    ['published example, check X', '11010519491231002X', null],
    ['lower-case x accepted', '11010519491231002x', null],
    ['check digit wrong', '110105194912310021', 'checksum'],
    ['17 characters', '11010519491231002', 'format'],
    ['letter inside', '1101051949123100AX', 'format'],
    ['February 30th', '110105194902300021', 'birth_date'],
    ['29 Feb in a leap year', `${'11010520000229001'}${idCardCheckChar('11010520000229001')}`, null],
    ['29 Feb in a common year', `${'11010519990229001'}${idCardCheckChar('11010519990229001')}`, 'birth_date'],
  ])('%s', (_name, id, problem) => {
    expect(idCardProblem(id)).toBe(problem);
  });

  it('reads birth date and gender', () => {
    expect(idCardBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idCardGender('11010519491231002X')).toBe('female');
    expect(idCardGender('110105194912310010'.slice(0, 17) + idCardCheckChar('11010519491231001'))).toBe('male');
  });
});

describe('masking', () => {
  it('keeps the region and the last four of an ID number', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110105********002X');
  });
  it('keeps the first three and last four of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('***');
  });
  it.each([['13812345678', true], ['12812345678', false], ['1381234567', false], ['138123456789', false]])('mobile %s → %s', (p, ok) => {
    expect(isMobilePhone(p)).toBe(ok);
  });
});
