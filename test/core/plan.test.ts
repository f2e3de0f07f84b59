import {
  ACTIONS,
  diffInteractionLimit,
  diffPrBypassList,
  diffPrCreationCap,
  pendingChanges,
  prBypassListSpec,
  prCreationCapSpec,
  summarize,
} from '../../src/core';
import type { Change, Plan } from '../../src/core';
import { NOW, inSeconds, limit, present, repoLimitSpec } from './helpers';

/** docs/core.md, "Plan JSON": the CLI prints changes with keys in this order. */
const DOCUMENTED_KEYS = [
  'kind',
  'id',
  'action',
  'reasons',
  'notes',
  'warnings',
  'remedy',
  'before',
  'after',
  'operations',
  'target',
  'desired',
  'fingerprint',
  'source',
];

const changes: Change[] = [
  diffInteractionLimit({
    desired: present(repoLimitSpec(), { source: 'policy.yaml:4' }),
    observed: limit('existing_users', 'organization', inSeconds(3600)),
    now: NOW,
  }),
  diffPrBypassList({
    desired: {
      ensure: 'present',
      spec: prBypassListSpec({ repository: 'acme/api', users: ['jdoe'] }),
    },
    observed: { users: [] },
  }),
  diffPrCreationCap({
    desired: {
      ensure: 'present',
      spec: prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: 2 }),
    },
    observed: { available: false },
  }),
];

describe('the plan as JSON', () => {
  test.each(changes.map((c) => [c.kind, c]))(
    '%s changes use the documented key order',
    (_, change) => {
      const keys = Object.keys(JSON.parse(JSON.stringify(change)));
      expect(keys).toEqual(DOCUMENTED_KEYS.filter((k) => keys.includes(k)));
      expect(keys.slice(0, 5)).toEqual(['kind', 'id', 'action', 'reasons', 'notes']);
    },
  );

  test('the summary counts every action, zeros included; pending changes are all but none', () => {
    const summary = summarize(changes);
    expect(Object.keys(summary)).toEqual([...ACTIONS]);
    expect(summary).toEqual({ create: 1, update: 0, renew: 0, delete: 0, none: 0, blocked: 2 });
    const plan: Plan = { formatVersion: 1, createdAt: NOW.toISOString(), changes, summary };
    expect(pendingChanges(plan).map((c) => c.kind)).toEqual([
      'InteractionLimit',
      'PrBypassList',
      'PrCreationCap',
    ]);
  });
});
