// Age in whole years and the age bands of the conversation rules, exact at birthdays and for
// 29 February births (convention: a leap-day child turns a year older on 1 March in a common year).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBand, ageBandOn, ageInYears, evaluateConsent } from '../src/consent/index.js';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The day before a date. */
function dayBefore(y: number, m: number, d: number): string {
  if (d > 1) return iso(y, m, d - 1);
  if (m > 1) return iso(y, m - 1, daysIn(y, m - 1));
  return iso(y - 1, 12, 31);
}

/** Any birth date that is not 29 February, 1900-2100. */
const ordinaryBirth = fc
  .record({ y: fc.integer({ min: 1900, max: 2080 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => d <= daysIn(y, m) && !(m === 2 && d === 29));

describe('ageInYears', () => {
  it('is k on the k-th birthday and k-1 the day before, for any birth date and k', () => {
    fc.assert(
      fc.property(ordinaryBirth, fc.integer({ min: 1, max: 100 }), ({ y, m, d }, k) => {
        const birth = iso(y, m, d);
        expect(ageInYears(birth, iso(y + k, m, d))).toBe(k);
        expect(ageInYears(birth, dayBefore(y + k, m, d))).toBe(k - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('the bands switch exactly on the 12th, 16th and 18th birthday (11/12, 15/16, 17/18)', () => {
    const switches: [number, string, string][] = [
      [12, 'under-12', '12-15'],
      [16, '12-15', '16-17'],
      [18, '16-17', 'adult'],
    ];
    fc.assert(
      fc.property(ordinaryBirth, fc.constantFrom(...switches), ({ y, m, d }, [k, before, on]) => {
        const birth = iso(y, m, d);
        expect(ageBandOn(birth, dayBefore(y + k, m, d))).toBe(before);
        expect(ageBandOn(birth, iso(y + k, m, d))).toBe(on);
      }),
      { numRuns: 300 },
    );
  });

  it('a 29 February child turns a year older on 29 February in a leap year, on 1 March otherwise', () => {
    const leapYears = fc.integer({ min: 1904, max: 2080 }).filter(isLeap);
    fc.assert(
      fc.property(leapYears, fc.integer({ min: 1, max: 100 }), (y, k) => {
        const birth = iso(y, 2, 29);
        const target = y + k;
        if (isLeap(target)) {
          expect(ageInYears(birth, iso(target, 2, 28))).toBe(k - 1);
          expect(ageInYears(birth, iso(target, 2, 29))).toBe(k);
        } else {
          expect(ageInYears(birth, iso(target, 2, 28))).toBe(k - 1);
          expect(ageInYears(birth, iso(target, 3, 1))).toBe(k);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leap-day births at the band boundaries', () => {
    // 2014 is not a leap year; born 2012-02-29 → 12 on 2024-02-29 (leap year).
    expect(ageBandOn('2012-02-29', '2024-02-28')).toBe('under-12');
    expect(ageBandOn('2012-02-29', '2024-02-29')).toBe('12-15');
    // 16 in 2028 (leap) and 18 in 2030 (common): 1 March.
    expect(ageBandOn('2012-02-29', '2028-02-29')).toBe('16-17');
    expect(ageBandOn('2012-02-29', '2030-02-28')).toBe('16-17');
    expect(ageBandOn('2012-02-29', '2030-03-01')).toBe('adult');
  });

  it('is 0 on the day of birth and rejects a date before birth or a date that does not exist', () => {
    expect(ageInYears('2020-05-05', '2020-05-05')).toBe(0);
    expect(() => ageInYears('2020-05-05', '2020-05-04')).toThrow(RangeError);
    expect(() => ageInYears('2021-02-29', '2022-01-01')).toThrow(RangeError);
    expect(() => ageInYears('2021-13-01', '2022-01-01')).toThrow(RangeError);
    expect(() => ageInYears('21-01-01', '2022-01-01')).toThrow(RangeError);
  });
});

describe('ageBand', () => {
  it('maps every whole age to its band', () => {
    expect([0, 11, 12, 15, 16, 17, 18, 99].map(ageBand)).toEqual([
      'under-12',
      'under-12',
      '12-15',
      '12-15',
      '16-17',
      '16-17',
      'adult',
      'adult',
    ]);
    expect(() => ageBand(-1)).toThrow(RangeError);
    expect(() => ageBand(12.5)).toThrow(RangeError);
  });
});

describe('the conversation plan follows the band at exact birthdays', () => {
  const partiesOn = (birthDate: string, evaluationDate: string) =>
    evaluateConsent({ client: { birthDate, livesWithParents: false } }, { evaluationDate }).conversationWith.map(
      (p) => `${p.party}:${p.basis}`,
    );

  it('11 → 12: from the parents to the client and/or the parents', () => {
    expect(partiesOn('2014-11-23', '2026-11-22')).toEqual(['parents:required', 'client:professional-judgement']);
    expect(partiesOn('2014-11-23', '2026-11-23')).toEqual(['client:and-or', 'parents:and-or']);
  });

  it('15 → 16: to the client', () => {
    expect(partiesOn('2010-11-23', '2026-11-22')).toEqual(['client:and-or', 'parents:and-or']);
    expect(partiesOn('2010-11-23', '2026-11-23')).toEqual(['client:required']);
  });

  it('17 → 18 with a leap-day birth: a minor until 1 March in a common year', () => {
    const minor = evaluateConsent(
      { client: { birthDate: '2008-02-29' }, unsafety: { acuteOrStructural: true }, objection: { raised: true } },
      { evaluationDate: '2026-02-28' },
    );
    expect(minor.age).toEqual({ years: 17, band: '16-17', from: 'birthDate' });
    expect(minor.objection.status).toBe('always-report');
    const adult = evaluateConsent({ client: { birthDate: '2008-02-29' } }, { evaluationDate: '2026-03-01' });
    expect(adult.age.band).toBe('adult');
  });
});
