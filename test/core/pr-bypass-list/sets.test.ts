import fc from 'fast-check';
import { BYPASS_LIST_MAX_USERS_PER_REQUEST } from '../../../src/github';
import type { ObservedBypassList } from '../../../src/core';
import { batchLogins, diffLoginSets, diffPrBypassList, prBypassListSpec } from '../../../src/core';

const lower = (logins: readonly string[]) => new Set(logins.map((l) => l.toLowerCase()));

/** A GitHub login, from a small alphabet so that case collisions between sets are common. */
const loginArb = fc
  .array(fc.constantFrom('a', 'b', 'c', 'A', 'B', 'C', '1', '2'), { minLength: 1, maxLength: 3 })
  .map((chars) => chars.join(''));

/** A login set as GitHub or a declaration holds it: unique ignoring case, any spelling. */
const loginSetArb = (maxLength: number) =>
  fc.uniqueArray(loginArb, { maxLength, selector: (l) => l.toLowerCase() });

/** Same logins, each in a random letter case. */
const respell = (logins: readonly string[]) =>
  fc
    .array(fc.boolean(), { minLength: logins.length, maxLength: logins.length })
    .map((flags) => logins.map((l, i) => (flags[i] ? l.toUpperCase() : l.toLowerCase())));

/** Applies operations the way GitHub does: case-insensitive membership, remove then add. */
function applyOperations(
  observed: readonly string[],
  diff: { toAdd: readonly string[]; toRemove: readonly string[] },
) {
  const list = new Map(observed.map((l) => [l.toLowerCase(), l]));
  for (const l of diff.toRemove) list.delete(l.toLowerCase());
  for (const l of diff.toAdd) list.set(l.toLowerCase(), l);
  return [...list.values()];
}

describe('diffLoginSets: the declared set is authoritative, case-insensitively', () => {
  test('adding the adds and removing the removes yields exactly the declared set (modulo case)', () => {
    fc.assert(
      fc.property(loginSetArb(30), loginSetArb(30), (declared, observed) => {
        const result = applyOperations(observed, diffLoginSets(declared, observed));
        expect(lower(result)).toEqual(lower(declared));
      }),
    );
  });

  test('sets equal ignoring case: nothing to add or remove, whatever the spelling', () => {
    fc.assert(
      fc.property(
        loginSetArb(30).chain((set) =>
          fc.tuple(
            fc.constant(set),
            respell(set),
            fc.shuffledSubarray(set, { minLength: set.length }),
          ),
        ),
        ([declared, respelled, shuffled]) => {
          expect(diffLoginSets(declared, respelled)).toEqual({ toAdd: [], toRemove: [] });
          expect(diffLoginSets(respelled, shuffled)).toEqual({ toAdd: [], toRemove: [] });
        },
      ),
    );
  });

  test("never a login both added and removed; adds keep the declared spelling, removes GitHub's", () => {
    fc.assert(
      fc.property(loginSetArb(30), loginSetArb(30), (declared, observed) => {
        const { toAdd, toRemove } = diffLoginSets(declared, observed);
        const removed = lower(toRemove);
        expect(toAdd.filter((l) => removed.has(l.toLowerCase()))).toEqual([]);
        for (const l of toAdd) expect(declared).toContain(l);
        for (const l of toRemove) expect(observed).toContain(l);
      }),
    );
  });

  test('a concrete case: Hubot declared, hubot on GitHub is no change; the rest is a set difference', () => {
    expect(diffLoginSets(['Hubot', 'jdoe', 'Octocat'], ['hubot', 'OCTOCAT', 'monalisa'])).toEqual({
      toAdd: ['jdoe'],
      toRemove: ['monalisa'],
    });
  });
});

describe('batchLogins and PrBypassList operations: batches of at most 100, removals first', () => {
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  test('batches never exceed 100, keep every login once and in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 450 }), (n) => {
        const logins = many('u', n);
        const batches = batchLogins(logins);
        for (const batch of batches) {
          expect(batch.length).toBeGreaterThan(0);
          expect(batch.length).toBeLessThanOrEqual(BYPASS_LIST_MAX_USERS_PER_REQUEST);
        }
        expect(batches.flat()).toEqual(logins);
        expect(batches.length).toBe(Math.ceil(n / BYPASS_LIST_MAX_USERS_PER_REQUEST));
      }),
    );
  });

  test('replaying the operations never holds more than 100 users and ends at the declared set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (keep, drop, add) => {
          // observed = keep ∪ drop, declared = keep ∪ add, each within GitHub's 100.
          const kept = many('k', Math.min(keep, 100));
          const observed: ObservedBypassList = {
            users: [...kept, ...many('d', Math.min(drop, 100 - kept.length))],
          };
          const declared = [
            ...kept.map((l) => l.toUpperCase()),
            ...many('a', Math.min(add, 100 - kept.length)),
          ];
          const change = diffPrBypassList({
            desired: {
              ensure: 'present',
              spec: prBypassListSpec({ repository: 'acme/api', users: declared }),
            },
            observed,
          });
          const list = new Set(observed.users.map((l) => l.toLowerCase()));
          let sawAdd = false;
          for (const op of change.operations) {
            expect(op.users.length).toBeLessThanOrEqual(100);
            if (op.type === 'add_users') sawAdd = true;
            else expect(sawAdd).toBe(false); // removals come first
            for (const l of op.users) {
              if (op.type === 'add_users') list.add(l.toLowerCase());
              else list.delete(l.toLowerCase());
            }
            expect(list.size).toBeLessThanOrEqual(100);
          }
          expect(list).toEqual(lower(declared));
        },
      ),
      { numRuns: 60 },
    );
  });
});
