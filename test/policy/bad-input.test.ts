import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyError, formatProblem, loadPolicyFile, parsePolicy } from '../../src/policy';
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

  it('lets a missing file fail as the file system says', async () => {
    await expect(loadPolicyFile(join(dir, 'missing.yaml'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
