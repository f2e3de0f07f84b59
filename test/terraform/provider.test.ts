import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { TOKENS, useTestEmulator } from '../support/emulator';
import { PROVIDER_CONFIG_TYPE, providerTypes } from '../../src/terraform';
import type { Diagnostic } from '../../src/terraform/protocol';
import { fromDynamicValue, isUnknown, toDynamicValue, unknown } from '../../src/terraform/protocol';
import type { Harness, Stored, Value } from './support/provider-harness';
import { errorsOf, providerHarness, stepsOf, warningsOf } from './support/provider-harness';

/**
 * The resource handlers against the emulator, called as Terraform calls them: values encoded
 * with the cty msgpack codec, private data handed from one call to the next.
 */
const emu = useTestEmulator();

let provider: Harness;
beforeEach(async () => {
  provider = providerHarness();
  expect(
    await provider.configure({ token: TOKENS.octocat, base_url: emu.url, app_auth: null }),
  ).toEqual([]);
});

const NOTHING: Stored = { state: null };
const DAY = 24 * 3600;

async function createLimit(attributes: Value): Promise<Stored> {
  return provider.converge(
    'ghinteractions_limit',
    NOTHING,
    provider.config('ghinteractions_limit', attributes),
  );
}

/** `terraform plan` on a managed resource: refresh, then plan the configuration. */
async function refreshAndPlan(
  typeName: Parameters<Harness['plan']>[0],
  stored: Stored,
  attributes: Value,
) {
  const read = await provider.read(typeName, stored);
  expect(errorsOf(read.diagnostics)).toEqual([]);
  const plan = await provider.plan(typeName, read.stored, provider.config(typeName, attributes));
  return { read, plan };
}

describe('the provider’s metadata and schema', () => {
  it('GetMetadata lists the resources and the data source', async () => {
    const metadata = await provider.call('GetMetadata', {} as never);
    expect(metadata.resources).toEqual([
      { type_name: 'ghinteractions_limit' },
      { type_name: 'ghinteractions_pr_bypass_list' },
      { type_name: 'ghinteractions_pr_creation_cap' },
    ]);
    expect(metadata.data_sources).toEqual([{ type_name: 'ghinteractions_limit' }]);
  });

  it('GetProviderSchema answers every schema, and an empty provider_meta block', async () => {
    const schema = await provider.call('GetProviderSchema', {} as never);
    expect(schema.provider_meta).toEqual({ version: 0, block: {} });
    expect(Object.keys(schema.resource_schemas!)).toHaveLength(3);
    expect(Object.keys(schema.data_source_schemas!)).toEqual(['ghinteractions_limit']);
    expect(schema.provider!.block.attributes!.map((a) => a.name)).toEqual(['token', 'base_url']);
  });
});

describe('ghinteractions_limit: create, read, no change', () => {
  it('plans the defaults and the id, applies, and a refresh plans nothing', async () => {
    const config = provider.config('ghinteractions_limit', {
      repository: 'acme/api',
      limit: 'contributors_only',
    });
    const plan = await provider.plan('ghinteractions_limit', NOTHING, config);
    expect(plan.response.diagnostics ?? []).toEqual([]);
    expect(plan.planned).toEqual({
      ...config,
      expiry: 'six_months',
      renew: true,
      renew_within: '30d',
      id: 'repo/acme/api',
      origin: unknown,
      expires_at: unknown,
    });
    const applied = await provider.apply('ghinteractions_limit', NOTHING, plan, config);
    expect(applied.diagnostics).toEqual([]);
    const limit = (await emu.admin.state()).limits.repos['acme/api'];
    expect(applied.stored.state).toMatchObject({
      id: 'repo/acme/api',
      limit: 'contributors_only',
      origin: 'repository',
      expires_at: limit?.expires_at,
    });

    const { read, plan: again } = await refreshAndPlan('ghinteractions_limit', applied.stored, {
      repository: 'acme/api',
      limit: 'contributors_only',
    });
    expect(read.stored.state).toEqual(applied.stored.state);
    expect(again.planned).toEqual(applied.stored.state);
    expect(again.response.diagnostics ?? []).toEqual([]);
  });

  it('keeps values as written: renew_within in seconds, user = false beside a scope', async () => {
    const attributes = {
      organization: 'acme',
      user: false,
      limit: 'existing_users',
      expiry: 'one_week',
      renew_within: '86400',
    };
    const stored = await createLimit(attributes);
    expect(stored.state).toMatchObject({ user: false, renew_within: '86400', id: 'org/acme' });
    const { plan } = await refreshAndPlan('ghinteractions_limit', stored, attributes);
    expect(plan.planned).toEqual(stored.state);
  });

  it('the user scope plans the id of the token’s user', async () => {
    const plan = await provider.plan(
      'ghinteractions_limit',
      NOTHING,
      provider.config('ghinteractions_limit', { user: true, limit: 'existing_users' }),
    );
    expect(plan.planned?.id).toBe('user/octocat');
  });
});

describe('ghinteractions_limit: drift as an update with the reason in a warning', () => {
  const declared = { repository: 'acme/api', limit: 'contributors_only', expiry: 'one_week' };

  it('a limit changed on GitHub', async () => {
    const stored = await createLimit(declared);
    await emu.admin.setRepoLimit('acme/api', { limit: 'collaborators_only', expiry: 'one_week' });
    const { plan } = await refreshAndPlan('ghinteractions_limit', stored, declared);
    expect(plan.planned).toMatchObject({ limit: 'contributors_only', id: 'repo/acme/api' });
    expect(isUnknown(plan.planned!.expires_at!)).toBe(true);
    expect(warningsOf(plan.response.diagnostics)).toEqual([
      'Interaction limit repo/acme/api will be updated: changed on GitHub: The limit is collaborators_only on GitHub; declared contributors_only.',
    ]);
    // Apply heals it, and the next plan is clean.
    const healed = await provider.apply('ghinteractions_limit', stored, plan, null);
    expect(healed.diagnostics).toEqual([]);
    expect((await emu.admin.state()).limits.repos['acme/api']?.limit).toBe('contributors_only');
    const { plan: clean } = await refreshAndPlan('ghinteractions_limit', healed.stored, declared);
    expect(clean.planned).toEqual(healed.stored.state);
  });

  it('inside the renewal window, then past the expiry ("expired at"), then renewed', async () => {
    const stored = await createLimit(declared);
    const expiresAt = String(stored.state!.expires_at);
    await emu.admin.advanceClock(6 * DAY);
    const expiring = await refreshAndPlan('ghinteractions_limit', stored, declared);
    expect(warningsOf(expiring.plan.response.diagnostics)).toEqual([
      expect.stringMatching(
        /^Interaction limit repo\/acme\/api will be renewed: expires within its renewal window: The limit expires at .* inside the renewal window of 2 days\.$/,
      ),
    ]);

    await emu.admin.advanceClock(2 * DAY);
    const expired = await refreshAndPlan('ghinteractions_limit', stored, declared);
    // Nothing in force: the state stays (not "gone"), its computed attributes say so.
    expect(expired.read.stored.state).toMatchObject({ origin: null, expires_at: null });
    expect(warningsOf(expired.plan.response.diagnostics)).toEqual([
      `Interaction limit repo/acme/api will be renewed: no limit in force: No limit is in force on repo/acme/api: it expired at ${expiresAt}.`,
    ]);
    // A refresh saved in between (terraform apply -refresh-only) still knows when it expired.
    const again = await refreshAndPlan('ghinteractions_limit', expired.read.stored, declared);
    expect(warningsOf(again.plan.response.diagnostics)[0]).toContain(`expired at ${expiresAt}`);

    const renewed = await provider.apply(
      'ghinteractions_limit',
      expired.read.stored,
      expired.plan,
      null,
    );
    expect(renewed.diagnostics).toEqual([]);
    expect(renewed.stored.state).toMatchObject({ origin: 'repository' });
    expect(Date.parse(String(renewed.stored.state!.expires_at))).toBeGreaterThan(
      Date.parse(expiresAt),
    );
  });

  it('a fresh provider process plans by GitHub’s clock before it has asked GitHub anything', async () => {
    // Terraform applies in a new process whose first call re-plans from private data: the
    // emulator's clock is six days ahead of this machine's, and the plan must still see it.
    const stored = await createLimit(declared);
    await emu.admin.advanceClock(6 * DAY);
    const { read } = await refreshAndPlan('ghinteractions_limit', stored, declared);
    const fresh = providerHarness();
    await fresh.configure({ token: TOKENS.octocat, base_url: emu.url, app_auth: null });
    await emu.admin.clearRequests();
    const plan = await fresh.plan(
      'ghinteractions_limit',
      read.stored,
      fresh.config('ghinteractions_limit', declared),
    );
    expect((await emu.admin.requests()).requests).toEqual([]);
    expect(warningsOf(plan.response.diagnostics)).toEqual([
      expect.stringContaining('will be renewed: expires within its renewal window'),
    ]);
  });

  it('a one-off limit (renew = false) that lapsed is left alone, with a note', async () => {
    const oneOff = { ...declared, renew: false };
    const stored = await createLimit(oneOff);
    await emu.admin.advanceClock(8 * DAY);
    const { read, plan } = await refreshAndPlan('ghinteractions_limit', stored, oneOff);
    expect(plan.planned).toEqual(read.stored.state);
    expect(errorsOf(plan.response.diagnostics)).toEqual([]);
    expect(warningsOf(plan.response.diagnostics)).toEqual([
      expect.stringMatching(/^Interaction limit repo\/acme\/api: note: .*renew/),
    ]);
  });

  it('a changed configuration is Terraform’s own diff, not drift: no warning', async () => {
    const stored = await createLimit(declared);
    const { plan } = await refreshAndPlan('ghinteractions_limit', stored, {
      ...declared,
      limit: 'collaborators_only',
    });
    expect(plan.planned).toMatchObject({ limit: 'collaborators_only', expires_at: unknown });
    expect(plan.response.diagnostics ?? []).toEqual([]);
  });
});

describe('ghinteractions_limit: a repository shadowed by its organization’s limit', () => {
  it('plans an update with a warning, and the apply is an error naming org/acme and its expiry', async () => {
    const declared = { repository: 'acme/api', limit: 'contributors_only' };
    const stored = await createLimit(declared);
    const org = await emu.admin.setOrgLimit('acme', {
      limit: 'existing_users',
      expiry: 'one_week',
    });
    const { plan } = await refreshAndPlan('ghinteractions_limit', stored, declared);
    const summary = `Interaction limit repo/acme/api is overridden by org/acme (existing_users until ${org.expires_at})`;
    expect(plan.response.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        summary: `${summary}: terraform apply will fail`,
      }),
    ]);
    expect(isUnknown(plan.planned!.expires_at!)).toBe(true);

    const applied = await provider.apply('ghinteractions_limit', stored, plan, null);
    expect(applied.diagnostics).toHaveLength(1);
    const [error] = applied.diagnostics as [Diagnostic];
    expect(error).toMatchObject({ severity: 'ERROR', summary });
    expect(error.detail).toContain(
      'remove or change the limit of org/acme, or wait until it expires',
    );
    expect(stepsOf(error)).toEqual(['repository']);
    // Nothing written, nothing lost: the resource stays as it was.
    expect(applied.stored.state).toEqual(stored.state);
  });

  it('destroying it succeeds: the repository has no limit of its own left', async () => {
    const stored = await createLimit({ repository: 'acme/api', limit: 'contributors_only' });
    await emu.admin.setOrgLimit('acme', { limit: 'existing_users', expiry: 'one_week' });
    const destroyed = await provider.apply('ghinteractions_limit', stored, { planned: null }, null);
    expect(destroyed).toEqual({ stored: { state: null }, diagnostics: [] });
    expect((await emu.admin.state()).limits.orgs.acme?.limit).toBe('existing_users');
  });
});

describe('destroy and gone', () => {
  it('destroying a limit removed out of band succeeds without a write', async () => {
    const stored = await createLimit({ repository: 'acme/docs', limit: 'existing_users' });
    await emu.admin.removeRepoLimit('acme/docs');
    await emu.admin.clearRequests();
    const destroyed = await provider.apply('ghinteractions_limit', stored, { planned: null }, null);
    expect(destroyed).toEqual({ stored: { state: null }, diagnostics: [] });
    const { requests } = await emu.admin.requests();
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('ReadResource answers null, with a warning, when the repository is gone (404)', async () => {
    const type = provider.type('ghinteractions_pr_bypass_list');
    const state = Object.fromEntries(type.attributes.map((a) => [a.name, null])) as Value;
    const read = await provider.read('ghinteractions_pr_bypass_list', {
      state: {
        ...state,
        repository: 'acme/deleted',
        users: [],
        canonical_users: [],
        id: 'acme/deleted',
      },
    });
    const response = provider.responses.at(-1) as { new_state: unknown };
    expect(fromDynamicValue(response.new_state as never, type.valueType)).toBeNull();
    expect(warningsOf(read.diagnostics)).toEqual([
      expect.stringMatching(
        /^Pull-request creation cap bypass list acme\/deleted is gone: removed from the Terraform state/,
      ),
    ]);
  });
});

describe('ghinteractions_pr_bypass_list and ghinteractions_pr_creation_cap', () => {
  it('logins added and removed out of band are drift, case-insensitively', async () => {
    const declared = { repository: 'acme/api', users: ['Hubot', 'jdoe'] };
    const stored = await provider.converge(
      'ghinteractions_pr_bypass_list',
      NOTHING,
      provider.config('ghinteractions_pr_bypass_list', declared),
    );
    expect(stored.state).toMatchObject({
      users: ['Hubot', 'jdoe'],
      canonical_users: ['hubot', 'jdoe'],
    });
    const clean = await refreshAndPlan('ghinteractions_pr_bypass_list', stored, declared);
    expect(clean.plan.planned).toEqual(clean.read.stored.state);

    await emu.admin.addBypassUsers('acme/api', ['Spacewalker']);
    await emu.admin.removeBypassUsers('acme/api', ['jdoe']);
    const { plan } = await refreshAndPlan('ghinteractions_pr_bypass_list', stored, declared);
    expect(isUnknown(plan.planned!.canonical_users!)).toBe(true);
    expect(warningsOf(plan.response.diagnostics)).toEqual([
      'Pull-request creation cap bypass list acme/api will be updated: logins added on GitHub, logins removed on GitHub: ' +
        'On the bypass list of acme/api but not declared: Spacewalker.\nDeclared but not on the bypass list of acme/api: jdoe.',
    ]);
  });

  it('a cap changed out of band is drift; destroying it switches it off', async () => {
    const declared = { organization: 'acme', max_open_pull_requests: 5, include_drafts: true };
    const stored = await provider.converge(
      'ghinteractions_pr_creation_cap',
      NOTHING,
      provider.config('ghinteractions_pr_creation_cap', declared),
    );
    expect(stored.state).toMatchObject({
      enabled: true,
      include_drafts: true,
      available: true,
      id: 'org/acme',
    });
    await emu.admin.updateOrgCreationCap('acme', { max_open_pull_requests: 10 });
    const { plan } = await refreshAndPlan('ghinteractions_pr_creation_cap', stored, declared);
    expect(warningsOf(plan.response.diagnostics)).toEqual([
      expect.stringMatching(
        /^Pull-request creation cap org\/acme will be updated: changed on GitHub: .*10.*5/,
      ),
    ]);
    const destroyed = await provider.apply(
      'ghinteractions_pr_creation_cap',
      stored,
      { planned: null },
      null,
    );
    expect(destroyed.diagnostics).toEqual([]);
    expect((await emu.admin.state()).creationCaps.orgs.acme?.enabled).toBe(false);
  });
});

describe('ImportResourceState by the ids of the Pulumi resources', () => {
  const importing = (typeName: string, id: string) =>
    provider.call('ImportResourceState', {
      type_name: typeName,
      id,
      client_capabilities: null,
      identity: null,
    });

  it('imports repo/OWNER/NAME with the default expiry, and OWNER/NAME for a bypass list', async () => {
    await emu.admin.setRepoLimit('acme/api', { limit: 'collaborators_only', expiry: 'one_month' });
    await emu.admin.addBypassUsers('acme/api', ['hubot']);
    const limit = await importing('ghinteractions_limit', 'repo/acme/api');
    const type = providerTypes().resources.ghinteractions_limit;
    expect(fromDynamicValue(limit.imported_resources![0]!.state, type.valueType)).toMatchObject({
      repository: 'acme/api',
      limit: 'collaborators_only',
      expiry: 'six_months',
      renew: true,
      renew_within: '30d',
      origin: 'repository',
      id: 'repo/acme/api',
    });
    const list = await importing('ghinteractions_pr_bypass_list', 'acme/api');
    expect(
      fromDynamicValue(
        list.imported_resources![0]!.state,
        providerTypes().resources.ghinteractions_pr_bypass_list.valueType,
      ),
    ).toEqual({
      repository: 'acme/api',
      users: ['hubot'],
      canonical_users: ['hubot'],
      id: 'acme/api',
    });
  });

  it('user/LOGIN imports the token’s own user only', async () => {
    await emu.admin.setUserLimit('octocat', { limit: 'existing_users', expiry: 'one_week' });
    const mine = await importing('ghinteractions_limit', 'user/octocat');
    expect(mine.diagnostics ?? []).toEqual([]);
    const someoneElse = await importing('ghinteractions_limit', 'user/hubot');
    expect(errorsOf(someoneElse.diagnostics)).toEqual([
      expect.stringMatching(
        /^Cannot import Interaction limit user\/hubot: the token belongs to user\/octocat/,
      ),
    ]);
  });

  it('nothing at the id, or an id of no accepted form, is an error that says what is accepted', async () => {
    const nothing = await importing('ghinteractions_limit', 'repo/acme/docs');
    expect(errorsOf(nothing.diagnostics)).toEqual([
      expect.stringMatching(
        /^Cannot import Interaction limit repo\/acme\/docs: GitHub has nothing there/,
      ),
    ]);
    const bad = await importing('ghinteractions_limit', 'acme');
    expect(errorsOf(bad.diagnostics)).toEqual([
      'Invalid InteractionLimit id: "acme" is not a valid InteractionLimit id; expected org/ORG, repo/OWNER/NAME or user/LOGIN.',
    ]);
  });
});

describe('validation and unknown values', () => {
  it('each problem is an error at its attribute, in Terraform’s names', async () => {
    const diagnostics = await provider.validate(
      'ghinteractions_limit',
      provider.config('ghinteractions_limit', {
        organization: 'acme',
        repository: 'acme/api',
        limit: 'everyone',
        expiry: 'one_day',
        renew_within: '2d',
      }),
    );
    expect(diagnostics.map((d) => [d.summary, stepsOf(d)])).toEqual([
      ['Invalid limit', ['limit']],
      ['Invalid scope: organization, repository', ['organization']],
      ['Invalid renew_within', ['renew_within']],
    ]);
    expect(diagnostics[2]!.detail).toMatch(/^\[renew_within\] "2d" is too long; expected/);

    const users = await provider.validate(
      'ghinteractions_pr_bypass_list',
      provider.config('ghinteractions_pr_bypass_list', {
        repository: 'acme/api',
        users: ['hubot', '-bad-'],
      }),
    );
    expect(users.map(stepsOf)).toEqual([['users', 1]]);
  });

  it('unknown values are accepted, and plan as known after apply', async () => {
    const config = provider.config('ghinteractions_limit', {
      repository: unknown,
      limit: 'existing_users',
    });
    expect(await provider.validate('ghinteractions_limit', config)).toEqual([]);
    const plan = await provider.plan('ghinteractions_limit', NOTHING, config);
    expect(plan.response.diagnostics).toBeUndefined();
    expect(plan.planned).toEqual({
      ...config,
      expiry: 'six_months',
      renew: true,
      renew_within: unknown,
      origin: unknown,
      expires_at: unknown,
      id: unknown,
    });
  });

  it('an unknown or changed scope of a managed resource forces a replacement', async () => {
    const stored = await createLimit({ repository: 'acme/api', limit: 'existing_users' });
    const unknownScope = await provider.plan(
      'ghinteractions_limit',
      stored,
      provider.config('ghinteractions_limit', { repository: unknown, limit: 'existing_users' }),
    );
    expect(unknownScope.response.requires_replace?.map((p) => p.steps)).toEqual([
      [{ attribute_name: 'repository' }],
    ]);
    const moved = await provider.plan(
      'ghinteractions_limit',
      stored,
      provider.config('ghinteractions_limit', { repository: 'acme/docs', limit: 'existing_users' }),
    );
    expect(moved.response.requires_replace?.map((p) => p.steps)).toEqual([
      [{ attribute_name: 'repository' }],
    ]);
    expect(moved.planned).toMatchObject({ id: 'repo/acme/docs', expires_at: unknown });
    // Letter case alone names the same repository: no replacement.
    const sameRepository = await provider.plan(
      'ghinteractions_limit',
      stored,
      provider.config('ghinteractions_limit', { repository: 'ACME/api', limit: 'existing_users' }),
    );
    expect(sameRepository.response.requires_replace).toBeUndefined();
  });
});

describe('UpgradeResourceState', () => {
  it('reads the stored JSON with today’s schema and answers msgpack', async () => {
    const type = providerTypes().resources.ghinteractions_pr_bypass_list;
    const stored = { repository: 'acme/api', users: ['hubot'], id: 'acme/api', removed_later: 1 };
    const response = await provider.call('UpgradeResourceState', {
      type_name: 'ghinteractions_pr_bypass_list',
      version: 0,
      raw_state: { json: Buffer.from(JSON.stringify(stored)), flatmap: {} },
    });
    expect(fromDynamicValue(response.upgraded_state, type.valueType)).toEqual({
      repository: 'acme/api',
      users: ['hubot'],
      canonical_users: null,
      id: 'acme/api',
    });
  });
});

describe('the data source ghinteractions_limit', () => {
  const type = providerTypes().dataSources.ghinteractions_limit;
  const readData = async (config: Value) => {
    const response = await provider.call('ReadDataSource', {
      type_name: 'ghinteractions_limit',
      config: { msgpack: encodeMsgpack(config) },
      provider_meta: null,
      client_capabilities: null,
    });
    return { response, state: fromDynamicValue(response.state, type.valueType) as Value };
  };

  it('reports the limit in force at a scope, with its origin; nothing in force is null', async () => {
    const org = await emu.admin.setOrgLimit('acme', { limit: 'existing_users', expiry: 'one_day' });
    const { state } = await readData({
      organization: null,
      repository: 'acme/api',
      user: null,
      limit: null,
      origin: null,
      expires_at: null,
      id: null,
    });
    expect(state).toMatchObject({
      limit: 'existing_users',
      origin: 'organization',
      expires_at: org.expires_at,
      id: 'repo/acme/api',
    });
    const none = await readData({
      organization: null,
      repository: null,
      user: true,
      limit: null,
      origin: null,
      expires_at: null,
      id: null,
    });
    expect(none.state).toMatchObject({
      limit: null,
      origin: null,
      expires_at: null,
      id: 'user/octocat',
    });
  });

  it('two scopes are an error at the attribute', async () => {
    const { response } = await readData({
      organization: 'acme',
      repository: 'acme/api',
      user: null,
      limit: null,
      origin: null,
      expires_at: null,
      id: null,
    });
    expect(response.diagnostics?.map((d) => [d.severity, d.summary, stepsOf(d)])).toEqual([
      ['ERROR', 'Invalid scope: organization, repository', ['organization']],
    ]);
  });
});

describe('provider configuration', () => {
  it('falls back to GITHUB_TOKEN and GITHUB_BASE_URL', async () => {
    const fromEnv = providerHarness({
      env: { GITHUB_TOKEN: TOKENS.octocat, GITHUB_BASE_URL: emu.url },
    });
    expect(await fromEnv.configure({ token: null, base_url: null, app_auth: null })).toEqual([]);
    const plan = await fromEnv.plan(
      'ghinteractions_limit',
      NOTHING,
      fromEnv.config('ghinteractions_limit', { user: true, limit: 'existing_users' }),
    );
    expect(plan.planned?.id).toBe('user/octocat');
  });

  it('no credentials, a bad base_url, an incomplete app_auth: errors at the setting', async () => {
    const bare = providerHarness({ env: {} });
    const none = await bare.configure({ token: null, base_url: null, app_auth: null });
    expect(none.map((d) => [d.summary, stepsOf(d)])).toEqual([
      ['No GitHub credentials', ['token']],
    ]);
    expect(none[0]!.detail).toContain('GITHUB_TOKEN');

    const badUrl = await bare.configure({
      token: 'x',
      base_url: 'ftp://example.com',
      app_auth: null,
    });
    expect(badUrl.map((d) => [d.summary, stepsOf(d)])).toEqual([
      ['Invalid base_url', ['base_url']],
    ]);
    expect(badUrl[0]!.detail).toMatch(
      /^base_url: "ftp:\/\/example.com" is not a usable GitHub API URL/,
    );

    const secret = 'not-a-key-but-a-secret-value';
    const app = await bare.configure({
      token: null,
      base_url: null,
      app_auth: { id: null, installation_id: '42', pem_file: secret },
    });
    expect(app.map((d) => [d.summary, stepsOf(d)])).toEqual([
      ['Missing app_auth.id', ['app_auth', 'id']],
      ['Invalid app_auth.pem_file', ['app_auth', 'pem_file']],
    ]);
    expect(JSON.stringify(app)).not.toContain(secret);
  });

  it('a provider block that is not known yet, or none at all, is an error when GitHub is needed', async () => {
    const later = providerHarness({ env: {} });
    expect(await later.configure({ token: unknown, base_url: null, app_auth: null })).toEqual([]);
    const plan = await later.plan(
      'ghinteractions_limit',
      NOTHING,
      later.config('ghinteractions_limit', { organization: 'acme', limit: 'existing_users' }),
    );
    expect(errorsOf(plan.response.diagnostics)).toEqual([
      expect.stringMatching(
        /^The provider is not configured: The provider block uses values that are known only after apply/,
      ),
    ]);
  });
});

describe('stopping and validating the provider block', () => {
  it('once Terraform asked the provider to stop, an apply writes nothing and says so', async () => {
    const stopped = new AbortController();
    stopped.abort();
    expect(await provider.call('StopProvider', {} as never)).toEqual({});
    const config = provider.config('ghinteractions_limit', {
      organization: 'acme',
      limit: 'existing_users',
    });
    const plan = await provider.plan('ghinteractions_limit', NOTHING, config);
    const response = await provider.call(
      'ApplyResourceChange',
      {
        type_name: 'ghinteractions_limit',
        prior_state: null,
        planned_state: plan.response.planned_state!,
        config: null,
        planned_private: Buffer.from(plan.private ?? []),
        provider_meta: null,
        planned_identity: null,
      },
      stopped.signal,
    );
    expect(errorsOf(response.diagnostics)).toEqual([
      'Interaction limit org/acme: not applied: Terraform asked the provider to stop.',
    ]);
    expect((await emu.admin.state()).limits.orgs.acme).toBeUndefined();
  });

  it('ValidateProviderConfig checks base_url before anything runs, and accepts unknowns', async () => {
    const validate = (config: Value) =>
      provider.call('ValidateProviderConfig', {
        config: toDynamicValue(config, PROVIDER_CONFIG_TYPE),
      });
    const bad = await validate({ token: null, base_url: 'https://example.com/v3', app_auth: null });
    expect(bad.diagnostics?.map((d) => [d.summary, stepsOf(d)])).toEqual([
      ['Invalid base_url', ['base_url']],
    ]);
    expect(
      (await validate({ token: null, base_url: 'https://ghe.example.com', app_auth: null }))
        .diagnostics,
    ).toEqual([]);
    expect(
      (await validate({ token: unknown, base_url: unknown, app_auth: null })).diagnostics,
    ).toEqual([]);
  });
});

describe('no credential in any answer', () => {
  it('the token appears in no response of a whole lifecycle, private data included', async () => {
    const stored = await createLimit({ repository: 'acme/api', limit: 'existing_users' });
    await refreshAndPlan('ghinteractions_limit', stored, {
      repository: 'acme/api',
      limit: 'existing_users',
    });
    await provider.apply('ghinteractions_limit', stored, { planned: null }, null);
    const everything = JSON.stringify(provider.responses, (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value,
    );
    expect(everything).toContain('repo/acme/api');
    expect(everything).not.toContain(TOKENS.octocat);
  });
});
