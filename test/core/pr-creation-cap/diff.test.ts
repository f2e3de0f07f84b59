import type { ObservedCap } from '../../../src/core';
import { diffPrCreationCap, prCreationCapSpec } from '../../../src/core';

const enabled = (max: number) =>
  ({
    ensure: 'present',
    spec: prCreationCapSpec({ repository: 'acme/api', maxOpenPullRequests: max }),
  }) as const;
const disabled = (max?: number) =>
  ({
    ensure: 'present',
    spec: prCreationCapSpec({
      repository: 'acme/api',
      enabled: false,
      ...(max ? { maxOpenPullRequests: max } : {}),
    }),
  }) as const;
const absent = {
  ensure: 'absent',
  target: { kind: 'PrCreationCap', scope: { type: 'organization', org: 'acme' } },
} as const;
type AvailableCap = Extract<ObservedCap, { available: true }>;
const on = (max: number): AvailableCap => ({
  available: true,
  enabled: true,
  maxOpenPullRequests: max,
  includeDrafts: false,
});
const off = (max: number): AvailableCap => ({
  available: true,
  enabled: false,
  maxOpenPullRequests: max,
  includeDrafts: false,
});
const unavailable: ObservedCap = { available: false };

describe('PrCreationCap diff', () => {
  test('enabled with the declared maximum: none', () => {
    const change = diffPrCreationCap({ desired: enabled(5), observed: on(5) });
    expect(change.action).toBe('none');
    expect(change.id).toBe('repo/acme/api');
  });

  test('another maximum: update, changed maxOpenPullRequests before → after', () => {
    const change = diffPrCreationCap({ desired: enabled(5), observed: on(20) });
    expect(change.action).toBe('update');
    expect(change.reasons).toEqual([
      expect.objectContaining({
        type: 'changed',
        field: 'maxOpenPullRequests',
        before: 20,
        after: 5,
      }),
    ]);
    expect(change.operations).toEqual([
      { type: 'update_cap', enabled: true, maxOpenPullRequests: 5, includeDrafts: false },
    ]);
  });

  test('declared enabled, disabled on GitHub: update with reason disabled', () => {
    const change = diffPrCreationCap({ desired: enabled(5), observed: off(5) });
    expect(change.action).toBe('update');
    expect(change.reasons.map((r) => r.type)).toEqual(['disabled']);
    expect(change.operations).toEqual([
      { type: 'update_cap', enabled: true, maxOpenPullRequests: 5, includeDrafts: false },
    ]);
  });

  test('disabled on both sides is none, whatever either maximum says', () => {
    expect(diffPrCreationCap({ desired: disabled(), observed: off(50) }).action).toBe('none');
    expect(diffPrCreationCap({ desired: disabled(7), observed: off(50) }).action).toBe('none');
  });

  test('declared disabled, enabled on GitHub: update sends only enabled=false', () => {
    const change = diffPrCreationCap({ desired: disabled(7), observed: on(50) });
    expect(change.action).toBe('update');
    expect(change.reasons[0]).toMatchObject({
      type: 'changed',
      field: 'enabled',
      before: true,
      after: false,
    });
    expect(change.operations).toEqual([{ type: 'update_cap', enabled: false }]);
  });

  test('not available (405) and declared enabled: blocked with reason not_available and a remedy', () => {
    const change = diffPrCreationCap({ desired: enabled(5), observed: unavailable });
    expect(change.action).toBe('blocked');
    expect(change.reasons.map((r) => r.type)).toEqual(['not_available']);
    expect(change.operations).toEqual([]);
    expect(change.remedy).toMatch(/not available|does not offer/);
  });

  test('not available and declared disabled or absent: none, with a note', () => {
    const change = diffPrCreationCap({ desired: disabled(), observed: unavailable });
    expect(change.action).toBe('none');
    expect(change.notes.join(' ')).toMatch(/not available/);
    expect(diffPrCreationCap({ desired: absent, observed: unavailable }).action).toBe('none');
  });

  test('declared absent: an enabled cap is disabled (delete); a disabled one is left alone', () => {
    const change = diffPrCreationCap({ desired: absent, observed: on(3) });
    expect(change.action).toBe('delete');
    expect(change.id).toBe('org/acme');
    expect(change.operations).toEqual([{ type: 'update_cap', enabled: false }]);
    expect(change.after).toEqual({ enabled: false });
    expect(diffPrCreationCap({ desired: absent, observed: off(3) }).action).toBe('none');
  });
});

describe('PrCreationCap diff: include_drafts', () => {
  const withDrafts = {
    ensure: 'present',
    spec: prCreationCapSpec({
      repository: 'acme/api',
      maxOpenPullRequests: 5,
      includeDrafts: true,
    }),
  } as const;

  test('declared to count drafts, GitHub does not: update, changed includeDrafts', () => {
    const change = diffPrCreationCap({ desired: withDrafts, observed: on(5) });
    expect(change.action).toBe('update');
    expect(change.reasons).toEqual([
      expect.objectContaining({
        type: 'changed',
        field: 'includeDrafts',
        before: false,
        after: true,
      }),
    ]);
    expect(change.operations).toEqual([
      { type: 'update_cap', enabled: true, maxOpenPullRequests: 5, includeDrafts: true },
    ]);
  });

  test('the same on both sides: none; a disabled cap ignores it', () => {
    expect(
      diffPrCreationCap({ desired: withDrafts, observed: { ...on(5), includeDrafts: true } })
        .action,
    ).toBe('none');
    expect(
      diffPrCreationCap({ desired: disabled(), observed: { ...off(5), includeDrafts: true } })
        .action,
    ).toBe('none');
  });
});
