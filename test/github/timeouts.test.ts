import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import {
  DeadlineExceededError,
  RequestTimeoutError,
  createClient,
  getOrgInteractionLimit,
  getRepoInteractionLimit,
  setRepoInteractionLimit,
} from '../../src/github';

/**
 * A server on 127.0.0.1 that accepts every request and never answers (issue 12.1: a hung server
 * was waited on for Node's 300 s default, then retried). Each test uses small time-outs and ends
 * on its own; the server drops its connections when closed.
 */
let server: Server;
let url: string;
let received: Array<{ method: string; path: string }>;

beforeEach(async () => {
  received = [];
  server = createServer((request) => {
    received.push({ method: request.method ?? '', path: request.url ?? '' });
    // Never answered.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (settings: Parameters<typeof createClient>[0] = {}) =>
  createClient({ baseUrl: url, token: 'ghp_test', retryBaseMs: 1, ...settings });

describe('per-request time-out (requestTimeoutMs)', () => {
  test('a GET with no answer is abandoned after the time-out and retried, then fails naming the request and the time-out', async () => {
    const error = await getRepoInteractionLimit(
      client({ requestTimeoutMs: 200, retries: 1 }),
      'acme',
      'api',
    ).catch((e) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error.message).toBe(
      `GitHub at ${url} did not answer GET /repos/acme/api/interaction-limits within 200 ms (2 attempts). Check GITHUB_BASE_URL and the network, or raise requestTimeoutMs (GH_INTERACTIONS_REQUEST_TIMEOUT_MS).`,
    );
    expect(received).toHaveLength(2);
  }, 10_000);

  test('a write with no answer is not retried: it may have been applied', async () => {
    const error = await setRepoInteractionLimit(
      client({ requestTimeoutMs: 200, retries: 3 }),
      'acme',
      'api',
      { limit: 'existing_users' },
    ).catch((e) => e);
    expect(error.name).toBe('WriteOutcomeUnknownError');
    expect(error.message).toContain(
      'gave no answer to PUT /repos/acme/api/interaction-limits (no answer within 200 ms). The write may or may not have been applied, so it was not retried',
    );
    expect(received).toEqual([{ method: 'PUT', path: '/repos/acme/api/interaction-limits' }]);
  }, 10_000);
});

describe('the run deadline (deadlineSeconds)', () => {
  test('stops the requests in flight and fails every later one at once, with one error', async () => {
    const gh = client({ deadlineSeconds: 0.3, requestTimeoutMs: 60_000 });
    const inFlight = ['a', 'b', 'c'].map((name) =>
      getRepoInteractionLimit(gh, 'acme', name).catch((e) => e),
    );
    const errors = await Promise.all(inFlight);
    expect(received).toHaveLength(3);
    expect(errors[0]).toBeInstanceOf(DeadlineExceededError);
    expect(new Set(errors)).toEqual(new Set([errors[0]]));
    expect(errors[0].message).toBe(
      `The run's deadline of 0.3 s (deadlineSeconds, --deadline, GH_INTERACTIONS_DEADLINE_SECONDS) passed: the requests to ${url} still in flight or waiting were stopped, and none was sent after it. Raise the deadline, or plan fewer resources at once.`,
    );

    const later = await getOrgInteractionLimit(gh, 'acme').catch((e) => e);
    expect(later).toBe(errors[0]);
    expect(received).toHaveLength(3);
  }, 10_000);
});
