import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MAX_POLICY_FILE_BYTES,
  PolicyError,
  PolicyFileError,
  formatProblem,
  loadPolicyFile,
  parsePolicy,
} from '../../src/policy';
import { BAD_POLICIES } from './corpus';

function problemsOf(yaml: string, fileName = 'bad.yaml'): PolicyError {
  try {
    parsePolicy(yaml, fileName);
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('the policy was accepted');
}

describe('parsePolicy: a bad policy is rejected with every problem at file:line:column', () => {
  it.each(BAD_POLICIES)('$name', ({ yaml, problems }) => {
    const error = problemsOf(yaml);
    expect(error.message.split('\n')).toEqual(problems);
    expect(error.problems.map(formatProblem)).toEqual(problems);
  });
});

describe('PolicyError', () => {
  it('carries each problem as data: file, line, column, path, message', () => {
    const error = problemsOf('version: 1\nuser:\n  interaction_limit:\n    limit: everyone\n');
    expect(error.name).toBe('PolicyError');
    expect(error.problems).toEqual([
      {
        file: 'bad.yaml',
        line: 4,
        column: 12,
        path: 'user.interaction_limit.limit',
        message:
          '"everyone" is not allowed; expected one of existing_users, contributors_only, collaborators_only, none',
      },
    ]);
  });

  it('lists problems in file order whatever the stage found them in', () => {
    const error = problemsOf(
      'version: 1\nrepositories:\n  - repository: acme/b\n    pr_creation_cap: { max_open_pull_requests: 0 }\n  - repository: acme/a\n    pr_bypass_list: [-x]\n',
    );
    expect(error.problems.map((problem) => problem.line)).toEqual([4, 6]);
  });
});

describe('parsePolicy: a large policy with a problem on every line', () => {
  // 40,000 organizations in one mapping, each with a cap out of range: every problem is located
  // through that mapping, and every key is checked against the others for duplicates.
  const ORGS = 40_000;
  const lines = [
    'version: 1',
    'organizations:',
    ...Array.from(
      { length: ORGS },
      (_, i) => `  org${i}: { pr_creation_cap: { max_open_pull_requests: 0 } }`,
    ),
  ];
  const problem = (i: number) =>
    `big.yaml:${i + 3}:${lines[i + 2].lastIndexOf('0 }') + 1}: organizations.org${i}.pr_creation_cap.max_open_pull_requests: 0 is not allowed; expected an integer from 1 to 1000`;

  it('reports each problem at its own line and column', () => {
    const started = performance.now();
    const error = problemsOf(`${lines.join('\n')}\n`, 'big.yaml');
    console.log(
      `parsePolicy: ${ORGS} problems in one mapping in ${Math.round(performance.now() - started)} ms`,
    );
    expect(error.problems).toHaveLength(ORGS);
    expect(formatProblem(error.problems[0])).toBe(problem(0));
    expect(formatProblem(error.problems[ORGS / 2])).toBe(problem(ORGS / 2));
    expect(formatProblem(error.problems[ORGS - 1])).toBe(problem(ORGS - 1));
  });

  it('finds a key written twice among 40,000, at the second', () => {
    const twice = [...lines, '  org123: { pr_creation_cap: false }'];
    const error = problemsOf(`${twice.join('\n')}\n`, 'big.yaml');
    expect(error.message).toBe(
      `big.yaml:${ORGS + 3}:3: duplicate key org123: each key may appear once in a mapping`,
    );
  });
});

describe('loadPolicyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-policy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file as it was given in every problem', async () => {
    const path = join(dir, 'acme.yaml');
    writeFileSync(
      path,
      'version: 1\nrepositories:\n  - repository: acme/website\n    interaction_limit:\n      limit: everyone\n',
    );
    await expect(loadPolicyFile(path)).rejects.toThrow(
      `${path}:5:14: repositories[0].interaction_limit.limit: "everyone" is not allowed; expected one of existing_users, contributors_only, collaborators_only, none`,
    );
  });

  it('refuses a directory, naming it', async () => {
    await expect(loadPolicyFile(dir)).rejects.toThrow(
      new PolicyFileError(dir, `${dir} is a directory; expected a policy file (YAML)`),
    );
  });

  it('refuses a file over the cap of 2 MiB before parsing it, saying why', async () => {
    expect(MAX_POLICY_FILE_BYTES).toBe(2 * 1024 * 1024);
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, `version: 1\n${'#'.repeat(MAX_POLICY_FILE_BYTES)}\n`);
    await expect(loadPolicyFile(path)).rejects.toThrow(
      `${path} is 2.0 MiB (2097164 bytes); a policy file may be at most 2 MiB (2097152 bytes), which keeps validation fast and its memory small. Choose repositories with \`select\``,
    );
  });

  (process.platform === 'win32' ? it.skip : it)(
    'stops reading at the cap when the size is not known beforehand (a device, a pipe)',
    async () => {
      await expect(loadPolicyFile('/dev/zero')).rejects.toThrow(
        '/dev/zero is larger than allowed; a policy file may be at most 2 MiB',
      );
    },
  );

  it('lets a missing file fail as the file system says', async () => {
    await expect(loadPolicyFile(join(dir, 'missing.yaml'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
