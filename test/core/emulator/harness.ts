import type { GitHubClient } from '../../../src/github';
import { createClient } from '../../../src/github';
import type { TestEmulator } from '../../support/emulator';
import { TOKENS, startTestEmulator, isWrite } from '../../support/emulator';

/**
 * One emulator per test file, reset before each test. The client judges expiry by GitHub's clock
 * (the emulator's, via the Date header), so moving the emulator clock is all a test needs.
 */
export function useEmulator(): { emu: () => TestEmulator; client: () => GitHubClient } {
  let emu: TestEmulator | undefined;
  let client: GitHubClient | undefined;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  beforeEach(async () => {
    await emu!.admin.reset();
    client = createClient({
      baseUrl: emu!.url,
      token: TOKENS.octocat,
      writeIntervalMs: 0,
      retryBaseMs: 1,
    });
  });
  afterAll(async () => {
    await emu?.close();
  });
  return { emu: () => emu!, client: () => client! };
}

/**
 * Writes the emulator answered since the last reset, as "METHOD /path": every request but GETs
 * and GraphQL queries (POST /graphql reads limits in batches; the emulator serves no mutation).
 */
export async function writesSeen(emu: TestEmulator): Promise<string[]> {
  const { requests } = await emu.admin.requests();
  return requests.filter(isWrite).map((r) => `${r.method} ${r.path}`);
}
