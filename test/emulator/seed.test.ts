import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED, SeedError, loadSeedFile, validateSeed } from '../../src/emulator';
import { generateAppKeys, startTestEmulator } from '../support/emulator';

function problems(input: unknown): readonly string[] {
  try {
    validateSeed(input);
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  return [];
}

describe('DEFAULT_SEED (documented in docs/emulator.md)', () => {
  it('pins the accounts, tokens and repositories the docs and examples rely on', () => {
    expect(validateSeed(DEFAULT_SEED)).toEqual(DEFAULT_SEED);
    expect(DEFAULT_SEED.users.filter((u) => u.token).map((u) => [u.login, u.token])).toEqual([
      ['octocat', 'gho_emulator_octocat'],
      ['monalisa', 'gho_emulator_monalisa'],
      ['hubot', 'gho_emulator_hubot'],
    ]);
    expect(DEFAULT_SEED.users.map((u) => u.login)).toEqual(
      expect.arrayContaining(['dependabot-fan', 'Spacewalker', 'mona-lisa-ops', 'jdoe']),
    );
    expect(DEFAULT_SEED.orgs).toEqual([
      expect.objectContaining({
        login: 'acme',
        owners: ['octocat'],
        members: expect.arrayContaining(['monalisa']),
      }),
    ]);
    expect(
      (DEFAULT_SEED.repos ?? []).map((r) => [
        `${r.owner}/${r.name}`,
        r.visibility ?? 'public',
        r.archived ?? false,
        r.topics,
      ]),
    ).toEqual([
      ['acme/website', 'public', false, ['web', 'marketing']],
      ['acme/api', 'public', false, ['api', 'backend']],
      ['acme/docs', 'public', false, ['web', 'docs-site']],
      ['acme/internal', 'private', false, ['backend']],
      ['acme/legacy', 'public', true, ['web']],
      ['octocat/hello-world', 'public', false, ['demo']],
      ['octocat/Spoon-Knife', 'public', false, ['demo', 'forking']],
      ['octocat/linguist', 'public', false, ['languages']],
    ]);
  });
});

describe('seed validation', () => {
  it('names the field, the value and what is allowed', () => {
    expect(
      problems({
        users: [{ login: 'a' }],
        repos: [{ owner: 'a', name: 'r', visibility: 'internal' }],
      }),
    ).toEqual(['seed.repos[0].visibility: got "internal"; expected one of "public", "private"']);
    expect(problems({ users: [{ login: '-x' }] })[0]).toMatch(
      /^seed\.users\[0\]\.login: got "-x"; expected a GitHub login/,
    );
    expect(problems({ users: [{ login: 'a', tokn: 't' }] })[0]).toMatch(/unknown field "tokn"/);
    expect(problems({ users: 'octocat' })[0]).toMatch(
      /^seed\.users: got "octocat"; expected a value of type array/,
    );
    expect(problems({ users: [], now: 'yesterday' })[0]).toMatch(
      /^seed\.now: got "yesterday"; expected an ISO-8601/,
    );
    expect(problems({ users: [], rateLimitPerHour: 0 })[0]).toMatch(/rateLimitPerHour/);
  });

  it('checks cross references case-insensitively', () => {
    expect(
      problems({
        users: [{ login: 'Ann', token: 't' }, { login: 'ann' }, { login: 'bob', token: 't' }],
        orgs: [{ login: 'org', owners: ['carl'] }],
        repos: [
          { owner: 'nobody', name: 'x' },
          { owner: 'org', name: 'X', admins: ['dora'] },
          { owner: 'ORG', name: 'x' },
        ],
      }),
    ).toEqual([
      'seed.users[1].login: "ann" is already taken (logins are unique case-insensitively)',
      'seed.users[2].token: the same token is given to two users',
      'seed.orgs[0].owners[0]: "carl" is not a user of the seed; add it to seed.users',
      'seed.repos[0].owner: "nobody" is neither a user nor an org of the seed',
      'seed.repos[1].admins[0]: "dora" is not a user of the seed; add it to seed.users',
      'seed.repos[2]: "ORG/x" appears twice',
    ]);
  });

  it('checks apps: a PEM public key and known installation accounts', () => {
    const { publicKeyPem } = generateAppKeys();
    expect(
      problems({
        users: [{ login: 'a' }],
        apps: [{ id: 1, publicKeyPem, installations: [{ id: 2, account: 'A' }] }],
      }),
    ).toEqual([]);
    const bad = problems({
      users: [],
      apps: [{ id: 1, publicKeyPem: 'nope', installations: [{ id: 2, account: 'zed' }] }],
    });
    expect(bad[0]).toMatch(/^seed\.apps\[0\]\.publicKeyPem: not a PEM public key/);
    expect(bad[1]).toBe(
      'seed.apps[0].installations[0].account: "zed" is neither a user nor an org of the seed',
    );
  });

  it('loads JSON and YAML files and rejects invalid ones naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-seed-'));
    try {
      writeFileSync(join(dir, 'seed.yml'), 'users:\n  - login: yaml-user\n');
      expect(loadSeedFile(join(dir, 'seed.yml')).users).toEqual([{ login: 'yaml-user' }]);
      writeFileSync(join(dir, 'seed.json'), '{"users": [');
      expect(() => loadSeedFile(join(dir, 'seed.json'))).toThrow(/seed\.json[\s\S]*not valid JSON/);
      expect(() => loadSeedFile(join(dir, 'missing.json'))).toThrow(/cannot read the file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('startEmulator refuses an invalid seed before listening', async () => {
    await expect(
      startTestEmulator({ seed: { users: [{ login: 'a' }, { login: 'A' }] } }),
    ).rejects.toThrow(SeedError);
  });

  it('starts the clock at seed.now', async () => {
    const emu = await startTestEmulator({ seed: { users: [], now: '2030-01-01T00:00:00Z' } });
    try {
      expect(new Date(emu.state.now()).toISOString().slice(0, 16)).toBe('2030-01-01T00:00');
    } finally {
      await emu.close();
    }
  });
});
