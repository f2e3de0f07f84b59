import { applyPlan, interactionLimitSpec, planResources } from '../../src/core';
import {
  NotAvailableError,
  createClient,
  getPrBypassList,
  getRepoInteractionLimit,
  getRepoPrCreationCap,
  removeRepoInteractionLimit,
  settingsFromEnv,
} from '../../src/github';

/**
 * Acceptance tests against real GitHub, like Terraform's TF_ACC: they run only when
 * GH_INTERACTIONS_ACC=1 and GITHUB_TOKEN are set, and GH_INTERACTIONS_ACC_REPO names a public
 * repository (owner/name) the token administers. They set and remove a one-day limit on it.
 *
 *   GH_INTERACTIONS_ACC=1 GITHUB_TOKEN=… GH_INTERACTIONS_ACC_REPO=me/sandbox npx jest test/acceptance
 */
const enabled =
  process.env.GH_INTERACTIONS_ACC === '1' &&
  Boolean(process.env.GITHUB_TOKEN) &&
  Boolean(process.env.GH_INTERACTIONS_ACC_REPO);
const describeAcc = enabled ? describe : describe.skip;

describeAcc('real GitHub (GH_INTERACTIONS_ACC=1)', () => {
  const [owner, repo] = (process.env.GH_INTERACTIONS_ACC_REPO ?? '/').split('/');
  const client = createClient(settingsFromEnv());

  afterAll(async () => {
    await removeRepoInteractionLimit(client, owner, repo).catch(() => undefined);
  });

  test('a repository limit: plan → apply → plan is clean → remove', async () => {
    const spec = interactionLimitSpec({
      repository: `${owner}/${repo}`,
      limit: 'existing_users',
      expiry: 'one_day',
    });
    const plan = await planResources(client, [{ ensure: 'present', spec }]);
    const result = await applyPlan(client, plan);
    expect(result.ok).toBe(true);
    expect(await getRepoInteractionLimit(client, owner, repo)).toMatchObject({
      limit: 'existing_users',
      origin: 'repository',
    });
    const again = await planResources(client, [{ ensure: 'present', spec }]);
    expect(again.summary.none).toBe(1);
    await removeRepoInteractionLimit(client, owner, repo);
    expect(await getRepoInteractionLimit(client, owner, repo)).toBeNull();
  });

  test('the bypass list and creation cap can be read (or the cap is reported unavailable)', async () => {
    expect(Array.isArray(await getPrBypassList(client, owner, repo))).toBe(true);
    const cap = await getRepoPrCreationCap(client, owner, repo).catch((e: unknown) => e);
    if (cap instanceof NotAvailableError) return;
    expect(cap).toEqual({ enabled: expect.any(Boolean), maxOpenPullRequests: expect.any(Number) });
  });
});
