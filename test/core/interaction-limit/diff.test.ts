import type { InteractionLimitChange } from '../../../src/core';
import {
  defaultRenewalWindowSeconds,
  diffInteractionLimit,
  interactionLimitSpec,
} from '../../../src/core';
import { DAY, HOUR, NOW, inSeconds, limit, present, repoLimitSpec } from '../helpers';

const WINDOW = defaultRenewalWindowSeconds('six_months');

function diff(
  desired: Parameters<typeof diffInteractionLimit>[0]['desired'],
  observed: Parameters<typeof diffInteractionLimit>[0]['observed'],
  previous?: Parameters<typeof diffInteractionLimit>[0]['previous'],
): InteractionLimitChange {
  return diffInteractionLimit({ desired, observed, now: NOW, ...(previous ? { previous } : {}) });
}

describe('InteractionLimit diff: in force and as declared', () => {
  test('same limit, far from expiry: none, no reasons, no writes', () => {
    const change = diff(
      present(repoLimitSpec()),
      limit('collaborators_only', 'repository', inSeconds(100 * DAY)),
    );
    expect(change.action).toBe('none');
    expect(change.reasons).toEqual([]);
    expect(change.operations).toEqual([]);
    expect(change.id).toBe('repo/acme/api');
    expect(change.after).toEqual({ limit: 'collaborators_only', expiry: 'six_months' });
  });
});

describe('InteractionLimit diff: missing', () => {
  test('no limit and nothing known about the past: create, "expired or removed"', () => {
    const change = diff(present(repoLimitSpec()), null);
    expect(change.action).toBe('create');
    expect(change.reasons).toEqual([
      expect.objectContaining({
        type: 'missing',
        message: expect.stringContaining('expired or removed'),
      }),
    ]);
    expect(change.reasons[0]).not.toHaveProperty('expiredAt');
    expect(change.operations).toEqual([
      { type: 'set_limit', limit: 'collaborators_only', expiry: 'six_months' },
    ]);
  });

  test('previous expiresAt in the past: renew, and the reason says when it expired', () => {
    const expiredAt = inSeconds(-2 * HOUR);
    const change = diff(present(repoLimitSpec()), null, {
      expiry: 'six_months',
      expiresAt: expiredAt,
    });
    expect(change.action).toBe('renew');
    expect(change.reasons[0]).toMatchObject({ type: 'missing', expiredAt });
    expect(change.reasons[0].message).toContain(`expired at ${expiredAt}`);
  });

  test('previous expiresAt still in the future: removed out of band, create without "expired at"', () => {
    const change = diff(present(repoLimitSpec()), null, { expiresAt: inSeconds(10 * DAY) });
    expect(change.action).toBe('create');
    expect(change.reasons[0]).not.toHaveProperty('expiredAt');
  });

  test('previous carried on the desired resource is used too', () => {
    const expiredAt = inSeconds(-DAY);
    const change = diff(present(repoLimitSpec(), { previous: { expiresAt: expiredAt } }), null);
    expect(change.reasons[0]).toMatchObject({ type: 'missing', expiredAt });
  });

  test('an answer still showing an expired limit counts as missing', () => {
    const expiredAt = inSeconds(-1);
    const change = diff(
      present(repoLimitSpec()),
      limit('collaborators_only', 'repository', expiredAt),
    );
    expect(change.action).toBe('renew');
    expect(change.reasons[0]).toMatchObject({ type: 'missing', expiredAt });
  });
});

describe('InteractionLimit diff: expiring (renewal window)', () => {
  test.each([
    ['one second outside the window', WINDOW + 1, 'none'],
    ['exactly at the window boundary', WINDOW, 'renew'],
    ['inside the window', WINDOW - 1, 'renew'],
    ['one second left', 1, 'renew'],
  ])('%s (%d seconds left): %s', (_, secondsLeft, action) => {
    const expiresAt = inSeconds(secondsLeft as number);
    const change = diff(
      present(repoLimitSpec()),
      limit('collaborators_only', 'repository', expiresAt),
    );
    expect(change.action).toBe(action);
    if (action === 'renew') {
      expect(change.reasons).toEqual([
        expect.objectContaining({
          type: 'expiring',
          expiresAt,
          windowSeconds: WINDOW,
          secondsLeft,
        }),
      ]);
      expect(change.operations).toEqual([
        { type: 'set_limit', limit: 'collaborators_only', expiry: 'six_months' },
      ]);
    }
  });

  test('the window is the declared one', () => {
    const spec = repoLimitSpec({ expiry: 'one_week', renewWithin: 3 * DAY });
    expect(
      diff(present(spec), limit('collaborators_only', 'repository', inSeconds(3 * DAY + 1))).action,
    ).toBe('none');
    const change = diff(
      present(spec),
      limit('collaborators_only', 'repository', inSeconds(2 * DAY)),
    );
    expect(change.action).toBe('renew');
    expect(change.reasons[0].message).toContain('renewal window of 3 days');
  });
});

describe('InteractionLimit diff: changed', () => {
  test('another limit in force at the scope: update, naming before and after', () => {
    const change = diff(
      present(repoLimitSpec()),
      limit('existing_users', 'repository', inSeconds(100 * DAY)),
    );
    expect(change.action).toBe('update');
    expect(change.reasons).toEqual([
      expect.objectContaining({
        type: 'changed',
        field: 'limit',
        before: 'existing_users',
        after: 'collaborators_only',
      }),
    ]);
    expect(change.reasons[0].message).toMatch(/existing_users.*collaborators_only/);
  });

  test('a changed limit that is also expiring: update, with both reasons', () => {
    const change = diff(
      present(repoLimitSpec()),
      limit('existing_users', 'repository', inSeconds(HOUR)),
    );
    expect(change.action).toBe('update');
    expect(change.reasons.map((r) => r.type)).toEqual(['changed', 'expiring']);
  });

  test('a declared expiry different from the one last applied: update', () => {
    const change = diff(
      present(repoLimitSpec({ expiry: 'one_month' })),
      limit('collaborators_only', 'repository', inSeconds(100 * DAY)),
      { expiry: 'six_months' },
    );
    expect(change.action).toBe('update');
    expect(change.reasons[0]).toMatchObject({
      type: 'changed',
      field: 'expiry',
      before: 'six_months',
      after: 'one_month',
    });
    expect(change.operations).toEqual([
      { type: 'set_limit', limit: 'collaborators_only', expiry: 'one_month' },
    ]);
  });

  test('without a previous expiry, the expiry cannot drift', () => {
    const change = diff(
      present(repoLimitSpec({ expiry: 'one_month' })),
      limit('collaborators_only', 'repository', inSeconds(20 * DAY)),
    );
    expect(change.action).toBe('none');
  });
});

describe('InteractionLimit diff: shadowed repository limits are blocked', () => {
  test.each([
    ['organization', 'org/acme'],
    ['user', 'user/acme'],
  ])(
    'origin %s: blocked, owner %s, limit and expiry named, no write, a remedy',
    (origin, owner) => {
      const expiresAt = inSeconds(5 * DAY);
      const change = diff(present(repoLimitSpec()), limit('existing_users', origin, expiresAt));
      expect(change.action).toBe('blocked');
      expect(change.operations).toEqual([]);
      expect(change.reasons).toEqual([
        expect.objectContaining({
          type: 'shadowed',
          owner,
          origin,
          limit: 'existing_users',
          expiresAt,
        }),
      ]);
      expect(change.remedy).toContain(owner);
      expect(change.remedy).toContain(expiresAt);
      expect(change.remedy).toMatch(/remove or change the limit of/);
      expect(change.remedy).toMatch(/declare the limit on/);
    },
  );

  test('blocked even when the owner limit happens to equal the declared one', () => {
    const change = diff(
      present(repoLimitSpec()),
      limit('collaborators_only', 'organization', inSeconds(5 * DAY)),
    );
    expect(change.action).toBe('blocked');
  });

  test('an organization limit is never "shadowed" (only repositories are)', () => {
    const spec = interactionLimitSpec({ organization: 'acme', limit: 'collaborators_only' });
    const change = diff(
      present(spec),
      limit('collaborators_only', 'organization', inSeconds(100 * DAY)),
    );
    expect(change.action).toBe('none');
    expect(change.id).toBe('org/acme');
  });
});

describe('InteractionLimit diff: renewal turned off', () => {
  const oneOff = repoLimitSpec({ renew: false });

  test('expiring is not drift: none, with a note that it will lapse', () => {
    const change = diff(
      present(oneOff),
      limit('collaborators_only', 'repository', inSeconds(HOUR)),
    );
    expect(change.action).toBe('none');
    expect(change.reasons).toEqual([]);
    expect(change.notes.join(' ')).toMatch(/renewal is off/);
  });

  test('lapsed after being applied (previous shows it): none, with a note naming the expiry', () => {
    const expiredAt = inSeconds(-HOUR);
    const change = diff(present(oneOff), null, { expiry: 'six_months', expiresAt: expiredAt });
    expect(change.action).toBe('none');
    expect(change.notes.join(' ')).toContain(expiredAt);
  });

  test('missing and never applied (no previous): create', () => {
    expect(diff(present(oneOff), null).action).toBe('create');
  });

  test('a different limit is still drift: update', () => {
    expect(
      diff(present(oneOff), limit('existing_users', 'repository', inSeconds(HOUR))).action,
    ).toBe('update');
  });
});

describe('InteractionLimit diff: declared absent', () => {
  const target = {
    kind: 'InteractionLimit',
    scope: { type: 'repository', owner: 'acme', repo: 'api' },
  } as const;
  const absent = { ensure: 'absent', target } as const;

  test('a repository limit in force: delete', () => {
    const change = diff(absent, limit('existing_users', 'repository', inSeconds(DAY)));
    expect(change.action).toBe('delete');
    expect(change.reasons[0].type).toBe('declared_absent');
    expect(change.operations).toEqual([{ type: 'remove_limit' }]);
    expect(change.after).toBeNull();
  });

  test('already gone (expired or removed): none, absence is the goal', () => {
    expect(diff(absent, null).action).toBe('none');
    expect(diff(absent, limit('existing_users', 'repository', inSeconds(-5))).action).toBe('none');
  });

  test('overwritten by the organization limit: none, with a note naming the owner', () => {
    const change = diff(absent, limit('existing_users', 'organization', inSeconds(DAY)));
    expect(change.action).toBe('none');
    expect(change.operations).toEqual([]);
    expect(change.notes.join(' ')).toContain('org/acme');
  });

  test('an organization limit in force: delete', () => {
    const change = diff(
      {
        ensure: 'absent',
        target: { kind: 'InteractionLimit', scope: { type: 'organization', org: 'acme' } },
      },
      limit('existing_users', 'organization', inSeconds(DAY)),
    );
    expect(change.action).toBe('delete');
  });
});

describe('InteractionLimit diff: the change is plain data', () => {
  test('it survives a JSON round trip unchanged', () => {
    const change = diff(
      present(repoLimitSpec(), { source: 'policy.yaml:3' }),
      limit('existing_users', 'organization', inSeconds(DAY)),
    );
    expect(JSON.parse(JSON.stringify(change))).toEqual(change);
    expect(change.source).toBe('policy.yaml:3');
  });

  test('the fingerprint follows the observed state only', () => {
    const a = diff(present(repoLimitSpec()), limit('existing_users', 'repository', inSeconds(DAY)));
    const b = diff(
      present(repoLimitSpec({ limit: 'contributors_only' })),
      limit('existing_users', 'repository', inSeconds(DAY)),
    );
    const c = diff(
      present(repoLimitSpec()),
      limit('existing_users', 'repository', inSeconds(2 * DAY)),
    );
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });
});

describe('InteractionLimit diff: a write that shortens the limit in force is warned about', () => {
  test('changing the limit with a shorter expiry than what remains: update, with a warning', () => {
    const spec = repoLimitSpec({ limit: 'existing_users', expiry: 'one_day' });
    const change = diff(
      present(spec),
      limit('collaborators_only', 'repository', inSeconds(100 * DAY)),
    );
    expect(change.action).toBe('update');
    expect(change.warnings).toEqual([
      `Writing repo/acme/api shortens the limit in force: it expires at ${inSeconds(100 * DAY)} now, and at ${inSeconds(DAY)} after this write (expiry one_day; GitHub recomputes expires_at from now on every write).`,
    ]);
  });

  test('a renewal that extends the limit has no warning', () => {
    const spec = repoLimitSpec({ expiry: 'one_week' });
    const change = diff(present(spec), limit('collaborators_only', 'repository', inSeconds(DAY)));
    expect(change.action).toBe('renew');
    expect(change.warnings).toEqual([]);
  });
});

describe('InteractionLimit diff: a one-off limit with until', () => {
  const until = inSeconds(3 * DAY);
  const oneOff = repoLimitSpec({ expiry: 'three_days', renew: false, until });

  test('before until, a missing limit is set, even with renewal off', () => {
    expect(diff(present(oneOff), null).action).toBe('create');
  });

  test('from until on, nothing is written, in force or not, and the note says why', () => {
    const after = repoLimitSpec({ expiry: 'three_days', renew: false, until: inSeconds(-60) });
    const missing = diff(present(after), null);
    expect(missing.action).toBe('none');
    expect(missing.notes[0]).toMatch(
      /ended at .* \(until\): nothing is written, and no limit is set again/,
    );
    const inForce = diff(present(after), limit('existing_users', 'repository', inSeconds(DAY)));
    expect(inForce.action).toBe('none');
    expect(inForce.notes[0]).toMatch(/is left to lapse/);
  });

  test('with renewal on, a limit that outlasts until is not renewed', () => {
    const spec = repoLimitSpec({ expiry: 'one_week', until: inSeconds(DAY) });
    const change = diff(
      present(spec),
      limit('collaborators_only', 'repository', inSeconds(DAY + 60)),
    );
    expect(change.action).toBe('none');
    expect(change.notes[0]).toMatch(/after the declaration ends/);
    const expiresFirst = diff(
      present(spec),
      limit('collaborators_only', 'repository', inSeconds(DAY / 2)),
    );
    expect(expiresFirst.action).toBe('renew');
  });

  test('until must be an ISO-8601 date or date-time', () => {
    expect(() => repoLimitSpec({ until: 'next week' })).toThrow(
      /\[until\] "next week" is not allowed; expected an ISO-8601 date-time such as 2026-12-01T00:00:00Z/,
    );
    expect(repoLimitSpec({ until: '2026-12-01' }).renewal.until).toBe('2026-12-01T00:00:00.000Z');
  });
});
