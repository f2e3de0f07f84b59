import pLimit from 'p-limit';
import type { ClientSettings } from '../../src/github';
import {
  RateLimitedError,
  createClient,
  getRepoInteractionLimit,
  graphqlOperationType,
} from '../../src/github';
import { useTestEmulator } from '../support/emulator';

/**
 * Proactive pacing (issue 11.1) against the emulator with GitHub's secondary limits on: the same
 * run of reads, more than a window's points, is refused by the emulator unpaced and never paced.
 * The window is a second (the emulator's and the client's alike) so the run takes ~2.5 s.
 */
const emu = useTestEmulator();

const WINDOW = { restPointsPerMinute: 100, windowMs: 1000 } as const;
const REQUESTS = 250;

beforeEach(async () => {
  await emu.admin.setProfile({ profile: 'github', latencyMs: 0, secondaryLimits: WINDOW });
  await emu.admin.clearRequests();
});

async function readMany(settings: Partial<ClientSettings>) {
  const client = createClient({
    baseUrl: emu.url,
    token: 'gho_emulator_octocat',
    maxRateLimitWaitSeconds: 0,
    ...settings,
  });
  const limit = pLimit(8);
  const results = await Promise.all(
    Array.from({ length: REQUESTS }, () =>
      limit(() => getRepoInteractionLimit(client, 'acme', 'api').catch((e: unknown) => e)),
    ),
  );
  return { client, failures: results.filter((r) => r instanceof RateLimitedError) };
}

describe('pacing under the secondary limits, against the emulator', () => {
  test('unpaced, a run above the window budget is refused by secondary limits', async () => {
    const { failures } = await readMany({ pacing: 'off' });
    expect(await emu.admin.secondaryLimitRefusals()).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);
  }, 20_000);

  test('paced, the same run gets no secondary-limit answer at all', async () => {
    const { client, failures } = await readMany({ pacing: WINDOW });
    expect(failures).toEqual([]);
    expect(await emu.admin.secondaryLimitRefusals()).toBe(0);
    const { requests, points } = await emu.admin.requests();
    expect(requests).toHaveLength(REQUESTS);
    expect(points.rest).toBe(REQUESTS);
    // It waited for the points, rather than sending them all at once.
    expect(client.stats().pacingWaitMs).toBeGreaterThan(0);
    expect(client.stats().restPoints).toBe(REQUESTS);
  }, 20_000);

  test('off by default for a loopback URL (the emulator)', async () => {
    await emu.admin.setProfile({ secondaryLimits: false });
    const { client } = await readMany({});
    expect(client.stats().pacingWaitMs).toBe(0);
  }, 20_000);
});

describe('graphqlOperationType: what a GraphQL request costs (5 points for a mutation)', () => {
  test.each([
    ['query { viewer { login } }', 'query'],
    ['{ viewer { login } }', 'query'],
    ['mutation { addStar(input: {}) { clientMutationId } }', 'mutation'],
    ['# mutation\nquery Q { a }', 'query'],
    ['fragment F on User { login }\nmutation M { a }', 'mutation'],
  ])('%s → %s', (document, type) => {
    expect(graphqlOperationType(document)).toBe(type);
  });
});
