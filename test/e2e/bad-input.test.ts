import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, runCli } from '../support/cli';
import { useTestEmulator } from '../support/emulator';

/**
 * Bad input never reaches GitHub: each case exits 1 with a message that names the problem, and the
 * emulator's request log holds no write (for policy problems: no request at all).
 */
const logins = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);

const POLICY_CASES: Array<[string, string, RegExp]> = [
  [
    'malformed YAML',
    'version: 1\nrepositories: [\n  - repository: acme/api\n',
    /bad\.yaml:\d+:\d+: /,
  ],
  ['an unknown key', 'version: 1\nrepositoriez: []\n', /bad\.yaml:2:1: .*repositoriez/],
  [
    'a bad enum',
    'version: 1\nrepositories:\n  - repository: acme/api\n    interaction_limit:\n      limit: everyone\n',
    /bad\.yaml:5:14: repositories\[0\]\.interaction_limit\.limit: "everyone" is not allowed; expected one of existing_users, contributors_only, collaborators_only/,
  ],
  [
    '101 logins',
    `version: 1\nrepositories:\n  - repository: acme/api\n    pr_bypass_list: [${logins(101).join(', ')}]\n`,
    /bad\.yaml:4:\d+: repositories\[0\]\.pr_bypass_list: .*101.*100/,
  ],
  [
    'an invalid login',
    'version: 1\nrepositories:\n  - repository: acme/api\n    pr_bypass_list: [hubot, -not-a-login-]\n',
    /bad\.yaml:4:\d+: repositories\[0\]\.pr_bypass_list\[1\]: "-not-a-login-"/,
  ],
  [
    'a duplicate repository',
    'version: 1\nrepositories:\n  - repository: acme/api\n    interaction_limit: {limit: existing_users}\n  - repository: ACME/api\n    interaction_limit: {limit: collaborators_only}\n',
    /bad\.yaml:5:\d+: .*acme\/api.*(twice|already)/i,
  ],
  [
    'a repository limit under an organization limit of the same policy',
    'version: 1\norganizations:\n  acme:\n    interaction_limit: {limit: collaborators_only}\nrepositories:\n  - repository: acme/api\n    interaction_limit: {limit: existing_users}\n',
    /bad\.yaml:\d+:\d+: .*acme/,
  ],
  ['a missing version', 'repositories: []\n', /bad\.yaml:1:1: .*version/],
  [
    'a cap out of range',
    'version: 1\norganizations:\n  acme:\n    pr_creation_cap: {max_open_pull_requests: 1001}\n',
    /bad\.yaml:4:\d+: .*max_open_pull_requests.*1001.*1000/,
  ],
];

const emu = useTestEmulator({ resetBeforeEach: false });
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ghi-bad-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await emu.admin.clearRequests();
});

describe.each(['validate', 'plan', 'apply'])(
  'gh-interactions %s refuses a bad policy',
  (command) => {
    test.each(POLICY_CASES)('%s', async (_name, text, message) => {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, text);
      const args = command === 'apply' ? ['apply', '--yes', file] : [command, file];
      const run = await runCli(args, emulatorEnv(emu.url));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect((await emu.admin.requests()).requests).toEqual([]);
    });
  },
);

describe('gh-interactions on huge or odd policy files', () => {
  test('a 40,000-line policy with 20,000 problems: the first 50 at their lines, then a count', async () => {
    const file = join(dir, 'big.yaml');
    const lines = ['version: 1', 'organizations:'];
    for (let i = 0; i < 20_000; i++) {
      lines.push(`  org${i}:`, '    pr_creation_cap: { max_open_pull_requests: 0 }');
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const column = lines[3].lastIndexOf('0 }') + 1;
    const started = performance.now();
    const run = await runCli(['validate', file], {});
    console.log(
      `validate: a ${lines.length}-line policy with 20,000 problems in ${Math.round(performance.now() - started)} ms`,
    );
    expect(run.code).toBe(1);
    const printed = run.stderr.trimEnd().split('\n');
    expect(printed).toHaveLength(1 + 50 + 1);
    expect(printed[0]).toBe('error: the policy has 20000 problems:');
    expect(printed[1]).toBe(
      `${file}:4:${column}: organizations.org0.pr_creation_cap.max_open_pull_requests: 0 is not allowed; expected an integer from 1 to 1000`,
    );
    expect(printed[50]).toBe(
      `${file}:102:${column}: organizations.org49.pr_creation_cap.max_open_pull_requests: 0 is not allowed; expected an integer from 1 to 1000`,
    );
    expect(printed[51]).toBe('… and 19950 more');
  });

  test('a file over the size cap is refused before any request, with the cap and why', async () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, Buffer.alloc(25 * 1024 * 1024, '#'));
    for (const command of [
      ['validate', file],
      ['plan', file],
      ['drift', file],
      ['apply', '--yes', file],
    ]) {
      const run = await runCli(command, emulatorEnv(emu.url));
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: ${file} is 25.0 MiB (26214400 bytes); a policy file may be at most 2 MiB (2097152 bytes), which keeps validation fast and its memory small. Choose repositories with \`select\` (by organization, name glob or topic) rather than listing each one.\n`,
      );
    }
    expect((await emu.admin.requests()).requests).toEqual([]);
  });

  test('a directory is refused, naming it', async () => {
    const policies = join(dir, 'policies');
    mkdirSync(policies, { recursive: true });
    for (const command of [['validate'], ['plan'], ['drift']]) {
      const run = await runCli([...command, policies], emulatorEnv(emu.url));
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`error: ${policies} is a directory; expected a policy file (YAML)\n`);
    }
    const apply = await runCli(['apply', '--yes', policies], emulatorEnv(emu.url));
    expect(apply.code).toBe(1);
    expect(apply.stderr).toBe(
      `error: ${policies} is a directory; expected a policy file (YAML) or a plan saved by \`plan --out\` (JSON)\n`,
    );
    expect((await emu.admin.requests()).requests).toEqual([]);
  });
});

describe('gh-interactions refuses bad connection settings before any request', () => {
  const good =
    'version: 1\nrepositories:\n  - repository: acme/api\n    interaction_limit: {limit: existing_users}\n';

  test.each([
    ['a missing token', { GITHUB_TOKEN: '' }, /No GitHub credentials: set GITHUB_TOKEN/],
    [
      'a bad base URL',
      { GITHUB_BASE_URL: 'ftp://github.example.com' },
      /GITHUB_BASE_URL: "ftp:\/\/github.example.com"/,
    ],
    ['half a GitHub App', { GITHUB_TOKEN: '', GITHUB_APP_ID: '12' }, /GITHUB_APP_INSTALLATION_ID/],
    [
      'a bad write interval',
      { GH_INTERACTIONS_WRITE_INTERVAL_MS: 'soon' },
      /GH_INTERACTIONS_WRITE_INTERVAL_MS: "soon"/,
    ],
  ])('%s', async (_name, overrides, message) => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, good);
    for (const command of [
      ['plan', file],
      ['apply', '--yes', file],
      ['drift', file],
    ]) {
      const run = await runCli(command, emulatorEnv(emu.url, overrides));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
    }
    expect((await emu.admin.requests()).requests).toEqual([]);
  });

  test('a bad --concurrency', async () => {
    const run = await runCli(
      ['plan', '--concurrency', '0', join(dir, 'good.yaml')],
      emulatorEnv(emu.url),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '--concurrency: "0" is not allowed; expected a whole number from 1 to 32.',
    );
  });
});
