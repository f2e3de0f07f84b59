import { EXPIRY_MIN_SECONDS, expiresAtFor } from '../../src/github';
import { interactionLimitSpec } from '../../src/core';

describe('expiry lengths: days are days, months are calendar months', () => {
  test('six_months set on 2026-04-29 ends on 2026-10-29, 183 days later (as users renewing with gh api saw)', () => {
    const from = new Date('2026-04-29T09:30:00Z');
    const end = expiresAtFor('six_months', from);
    expect(end.toISOString()).toBe('2026-10-29T09:30:00.000Z');
    expect((end.getTime() - from.getTime()) / 86400000).toBe(183);
  });

  test.each([
    ['one_day', '2026-02-28T12:00:00Z', '2026-03-01T12:00:00.000Z'],
    ['three_days', '2026-12-30T00:00:00Z', '2027-01-02T00:00:00.000Z'],
    ['one_week', '2026-03-25T00:00:00Z', '2026-04-01T00:00:00.000Z'],
    ['one_month', '2026-01-15T08:00:00Z', '2026-02-15T08:00:00.000Z'],
    ['one_month', '2026-01-31T08:00:00Z', '2026-02-28T08:00:00.000Z'],
    ['one_month', '2028-01-31T08:00:00Z', '2028-02-29T08:00:00.000Z'],
    ['six_months', '2026-08-31T00:00:00Z', '2027-02-28T00:00:00.000Z'],
    ['six_months', '2026-11-24T15:00:00Z', '2027-05-24T15:00:00.000Z'],
  ] as const)('%s from %s ends at %s', (expiry, from, end) => {
    expect(expiresAtFor(expiry, new Date(from)).toISOString()).toBe(end);
  });

  test('the shortest length of each expiry bounds the renewal window', () => {
    expect(EXPIRY_MIN_SECONDS.one_month / 86400).toBe(28);
    expect(EXPIRY_MIN_SECONDS.six_months / 86400).toBe(181);
    // 29 days passed the old 30-day month; it is not shorter than February.
    expect(() =>
      interactionLimitSpec({
        organization: 'acme',
        limit: 'existing_users',
        expiry: 'one_month',
        renewWithin: '29d',
      }),
    ).toThrow(
      /\[renewWithin\] "29d" is too long; expected a number of seconds > 0 and shorter than the expiry one_month \(at least 2419200 seconds\)/,
    );
    expect(() =>
      interactionLimitSpec({
        organization: 'acme',
        limit: 'existing_users',
        expiry: 'one_month',
        renewWithin: '27d',
      }),
    ).not.toThrow();
  });
});
