import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesiredResource } from '../../src/core';
import { interactionLimitSpec, planResources } from '../../src/core';
import {
  DEFAULT_CIRCUIT_BREAKER_THRESHOLD,
  GitHubUnavailableError,
  createClient,
} from '../../src/github';
import { runCli } from '../support/cli';

/**
 * Issue 12.4: a wrong port or a full outage cost ~12 s per resource (78 min for 400), each
 * resource taking its own retries. Now a refused connection is not retried, and after a run of
 * failures the client stops sending: the plan fails at once, with one error.
 */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const REPOSITORIES = 200;

test('a plan of many resources against a closed port makes few connection attempts and fails with one error', async () => {
  const baseUrl = `http://127.0.0.1:${await closedPort()}`;
  let attempts = 0;
  const client = createClient({
    baseUrl,
    token: 'ghp_test',
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      attempts++;
      return fetch(input, init);
    }) as typeof fetch,
  });
  const desired: DesiredResource[] = Array.from({ length: REPOSITORIES }, (_, i) => ({
    ensure: 'present',
    spec: interactionLimitSpec({ repository: `acme/repo-${i}`, limit: 'existing_users' }),
  }));
  const error = await planResources(client, desired, { graphql: false }).catch((e) => e);
  expect(error).toBeInstanceOf(GitHubUnavailableError);
  expect(error.message).toContain(`Stopped sending requests to GitHub at ${baseUrl}`);
  expect(error.message).toContain('ECONNREFUSED');
  // Each refused attempt counts towards the circuit breaker; the plan's 4 readers may each have
  // one in flight when it opens. Before: 200 resources × 4 attempts.
  expect(attempts).toBeLessThanOrEqual(DEFAULT_CIRCUIT_BREAKER_THRESHOLD + 4);
  expect(client.stats().notSent).toBeGreaterThanOrEqual(REPOSITORIES - attempts);
}, 20_000);

test('the CLI prints one error line for the whole plan, naming the base URL, not one per resource', async () => {
  const baseUrl = `http://127.0.0.1:${await closedPort()}`;
  const dir = mkdtempSync(join(tmpdir(), 'ghi-outage-'));
  const policy = join(dir, 'policy.yaml');
  const entries = Array.from(
    { length: 50 },
    (_, i) =>
      `  - repository: acme/repo-${i}\n    interaction_limit:\n      limit: existing_users\n`,
  );
  writeFileSync(policy, `version: 1\nrepositories:\n${entries.join('')}`);
  const run = await runCli(['plan', policy], {
    GITHUB_BASE_URL: baseUrl,
    GITHUB_TOKEN: 'ghp_test',
  });
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    new RegExp(
      `^error: (Stopped sending requests to|Cannot reach) GitHub at ${baseUrl.replace(/[.]/g, '\\.')}`,
    ),
  );
  expect(lines[0]).toContain('ECONNREFUSED');
  expect(run.stderr).not.toContain('ghp_test');
}, 20_000);
