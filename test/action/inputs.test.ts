import * as core from '@actions/core';
import {
  ActionInputError,
  DEFAULT_CACHE_DIR,
  maskSecretInputs,
  readActionInputs,
} from '../../src/action/inputs';
import { readWorkflowEvent } from '../../src/action/event';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestEvent } from './harness';

/** Sets INPUT_* for one test, as the runner would, and removes them afterwards. */
function withInputs(inputs: Record<string, string>) {
  for (const name of Object.keys(process.env))
    if (name.startsWith('INPUT_')) delete process.env[name];
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.toUpperCase()}`] = value;
}

afterEach(() => withInputs({}));

const base = { command: 'plan', policy: 'policy.yaml', token: 'github_pat_policy' };

describe('action inputs', () => {
  it('reads a token setup with the documented defaults', () => {
    withInputs(base);
    expect(readActionInputs()).toEqual({
      command: 'plan',
      policy: 'policy.yaml',
      token: 'github_pat_policy',
      cacheDir: DEFAULT_CACHE_DIR,
      comment: true,
      allowApplyOnPullRequest: false,
    });
  });

  it('names the input, the value and what is allowed for a bad command', () => {
    withInputs({ ...base, command: 'destroy' });
    expect(() => readActionInputs()).toThrow(
      'Input [command]: "destroy" is not allowed; expected one of plan, apply, drift.',
    );
  });

  it('refuses the workflow token as [token], explaining the missing Administration permission', () => {
    withInputs({ ...base, token: 'ghs_workflow', 'workflow-token': 'ghs_workflow' });
    let error: Error | undefined;
    try {
      readActionInputs();
    } catch (caught) {
      error = caught as Error;
    }
    expect(error).toBeInstanceOf(ActionInputError);
    expect(error?.message).toContain("Input [token] is the workflow's own GITHUB_TOKEN.");
    expect(error?.message).toContain('"Administration" repository permission (write)');
    expect(error?.message).not.toContain('ghs_workflow');
  });

  it('needs a token or a whole GitHub App, never both, and never shows the key', () => {
    withInputs({ command: 'plan', policy: 'p.yaml' });
    expect(() => readActionInputs()).toThrow('Input [token] is required');
    withInputs({ command: 'plan', policy: 'p.yaml', 'app-id': '12', 'app-private-key': 'SECRET' });
    expect(() => readActionInputs()).toThrow('[app-installation-id] is missing.');
    withInputs({
      ...base,
      'app-id': '12',
      'app-installation-id': '34',
      'app-private-key': 'SECRET',
    });
    expect(() => readActionInputs()).toThrow('not both');
    withInputs({
      command: 'plan',
      policy: 'p.yaml',
      'app-id': 'my-app',
      'app-installation-id': '34',
      'app-private-key': 'SECRET',
    });
    expect(() => readActionInputs()).toThrow(
      'Input [app-id]: "my-app" is not allowed; expected the numeric id',
    );
  });

  it('turns the cache off with false, and takes another directory', () => {
    withInputs({ ...base, cache: 'false' });
    expect(readActionInputs().cacheDir).toBeUndefined();
    withInputs({ ...base, cache: 'tmp/etags' });
    expect(readActionInputs().cacheDir).toBe('tmp/etags');
  });

  it('reads YAML booleans and refuses anything else', () => {
    withInputs({ ...base, comment: 'False', 'allow-apply-on-pull-request': 'true' });
    expect(readActionInputs()).toMatchObject({ comment: false, allowApplyOnPullRequest: true });
    withInputs({ ...base, comment: 'yes' });
    expect(() => readActionInputs()).toThrow(
      'Input [comment]: "yes" is not allowed; expected true or false.',
    );
  });

  it('masks the token and every line of a private key before anything is printed', () => {
    const masked: string[] = [];
    const spy = jest.spyOn(core, 'setSecret').mockImplementation((s) => void masked.push(s));
    withInputs({
      ...base,
      'app-private-key':
        '-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA\\nq83Zx0\\n-----END RSA PRIVATE KEY-----',
    });
    maskSecretInputs();
    spy.mockRestore();
    expect(masked).toEqual(
      expect.arrayContaining(['github_pat_policy', 'MIIEpAIBAAKCAQEA', 'q83Zx0']),
    );
    expect(masked).not.toContain('-----BEGIN RSA PRIVATE KEY-----');
  });
});

describe('the workflow event', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-event-'));
  const write = (event: unknown) => {
    const path = join(dir, 'event.json');
    writeFileSync(path, JSON.stringify(event));
    return path;
  };

  it('finds the pull request, and whether its head is a fork', () => {
    const own = write(pullRequestEvent('acme/api', 7));
    expect(
      readWorkflowEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: own }),
    ).toEqual({
      name: 'pull_request',
      pullRequest: { owner: 'acme', repo: 'api', number: 7, fromFork: false },
    });
    const fork = write(pullRequestEvent('acme/api', 8, 'mallory/api'));
    expect(
      readWorkflowEvent({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: fork })
        .pullRequest?.fromFork,
    ).toBe(true);
    // A deleted fork: GitHub sends head.repo null.
    const gone = write({
      ...pullRequestEvent('acme/api', 9),
      pull_request: { number: 9, head: { repo: null } },
    });
    expect(
      readWorkflowEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: gone }).pullRequest
        ?.fromFork,
    ).toBe(true);
  });

  it('ignores the payload of other events', () => {
    expect(
      readWorkflowEvent({ GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: '/nonexistent' }),
    ).toEqual({
      name: 'schedule',
    });
  });
});
