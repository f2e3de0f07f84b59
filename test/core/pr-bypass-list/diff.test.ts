import { diffPrBypassList, prBypassListSpec } from '../../../src/core';

const present = (users: string[]) =>
  ({ ensure: 'present', spec: prBypassListSpec({ repository: 'acme/api', users }) }) as const;
const absent = {
  ensure: 'absent',
  target: { kind: 'PrBypassList', repository: { owner: 'acme', repo: 'api' } },
} as const;

describe('PrBypassList diff', () => {
  test('same set in another letter case: none, no operations', () => {
    const change = diffPrBypassList({
      desired: present(['Hubot', 'jdoe']),
      observed: { users: ['JDOE', 'hubot'] },
    });
    expect(change.action).toBe('none');
    expect(change.reasons).toEqual([]);
    expect(change.operations).toEqual([]);
    expect(change.id).toBe('acme/api');
  });

  test('logins added and removed out of band: update, both reasons name the logins', () => {
    const change = diffPrBypassList({
      desired: present(['Hubot', 'jdoe']),
      observed: { users: ['hubot', 'Spacewalker'] },
    });
    expect(change.action).toBe('update');
    expect(change.reasons).toEqual([
      expect.objectContaining({ type: 'added_out_of_band', logins: ['Spacewalker'] }),
      expect.objectContaining({ type: 'removed_out_of_band', logins: ['jdoe'] }),
    ]);
    expect(change.reasons[0].message).toContain('Spacewalker');
    expect(change.operations).toEqual([
      { type: 'remove_users', users: ['Spacewalker'] },
      { type: 'add_users', users: ['jdoe'] },
    ]);
    expect(change.before).toEqual({ users: ['hubot', 'Spacewalker'] });
    expect(change.after).toEqual({ users: ['Hubot', 'jdoe'] });
  });

  test('declared absent: every login is removed (delete); an empty list is none', () => {
    const change = diffPrBypassList({ desired: absent, observed: { users: ['hubot', 'jdoe'] } });
    expect(change.action).toBe('delete');
    expect(change.reasons[0]).toMatchObject({ type: 'declared_absent' });
    expect(change.operations).toEqual([{ type: 'remove_users', users: ['hubot', 'jdoe'] }]);
    expect(change.after).toEqual({ users: [] });
    expect(diffPrBypassList({ desired: absent, observed: { users: [] } }).action).toBe('none');
  });

  test('the fingerprint ignores order and letter case', () => {
    const a = diffPrBypassList({ desired: present([]), observed: { users: ['hubot', 'jdoe'] } });
    const b = diffPrBypassList({ desired: present([]), observed: { users: ['JDOE', 'Hubot'] } });
    const c = diffPrBypassList({ desired: present([]), observed: { users: ['hubot'] } });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });
});

describe('PrBypassList diff: an empty list is missing, not "removed out of band"', () => {
  test('declared users on an empty list: create, reason missing', () => {
    const change = diffPrBypassList({
      desired: {
        ensure: 'present',
        spec: prBypassListSpec({ repository: 'acme/api', users: ['hubot'] }),
      },
      observed: { users: [] },
    });
    expect(change.action).toBe('create');
    expect(change.reasons).toEqual([
      { type: 'missing', message: 'The bypass list of acme/api is empty; declared: hubot.' },
    ]);
  });
});
