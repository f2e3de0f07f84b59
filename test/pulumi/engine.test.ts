import { TOKENS, useTestEmulator, isWrite } from '../support/emulator';
import type { Kind, ProviderServer, PulumiProject } from '../support/pulumi-harness';
import {
  KINDS,
  PULUMI_UNKNOWN,
  ProviderCallError,
  StackResource,
  preparePulumiProject,
  secret,
  serializeProviders,
  startProviderServer,
} from '../support/pulumi-harness';

/**
 * The provider as `pulumi up` runs it: the package installed from its tarball into a project,
 * the provider serialized by Pulumi's own serializer, loaded and run by Pulumi's real
 * dynamic-provider server, driven over gRPC (test/support/pulumi-harness.ts) against the
 * emulator.
 */
const emu = useTestEmulator();
const DAY = 86400;
// A token that is not the emulator's default one, so it can be looked for everywhere.
const STACK_TOKEN = TOKENS.octocat;

let project: PulumiProject;
let providers: Record<Kind, string>;
let server: ProviderServer;
/** Every output and input the engine would store, for the secrets check at the end. */
const stored: unknown[] = [];

beforeAll(async () => {
  project = preparePulumiProject();
  providers = serializeProviders(project, {
    // The program's environment holds a token and stack config: none of it may be captured.
    GITHUB_TOKEN: STACK_TOKEN,
    PULUMI_CONFIG: JSON.stringify({ 'github:token': STACK_TOKEN }),
  });
  server = await startProviderServer(project, { providers });
  await server.configure({ 'github:token': secret(STACK_TOKEN), 'github:baseUrl': emu.url });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

function resource(kind: Kind, name: string): StackResource {
  return new StackResource(server, kind, name);
}

async function writes(): Promise<string[]> {
  const { requests } = await emu.admin.requests();
  return requests.filter(isWrite).map((r) => `${r.method} ${r.path}`);
}

/** What the provider printed since `from` (the engine's diagnostics). */
function printedSince(from: number): string {
  return server.output.slice(from).join('\n');
}

function keep<T>(value: T): T {
  stored.push(value);
  return value;
}

describe('the serialized provider', () => {
  test('is small, captures only the kind, and loads the package by name in the provider process', () => {
    for (const kind of KINDS) {
      expect(providers[kind]).toContain('exports.handler');
      expect(providers[kind]).toContain(`kind: "${kind}"`);
      expect(providers[kind]).toContain('hostModule: "gh-interactions/pulumi"');
      expect(providers[kind].length).toBeLessThan(8000);
    }
  });

  test('the dynamic-provider server starts from the project and answers Configure first', () => {
    expect(server.startupMs).toBeGreaterThan(0);
  });
});

describe('InteractionLimit through the engine', () => {
  const website = { repository: 'acme/website', limit: 'contributors_only', expiry: 'one_week' };

  test('up creates it; a preview and a refresh then show nothing to do', async () => {
    const limit = resource('InteractionLimit', 'website');
    const created = await limit.up(website);
    expect(created.op).toBe('create');
    expect(keep(created.state)).toMatchObject({
      id: 'repo/acme/website',
      outputs: { origin: 'repository', expiresAt: expect.any(String), renewWithin: '2d' },
    });
    expect((await limit.preview(website)).diff?.changes).toBe('none');
    const before = limit.state;
    expect(keep(await limit.refresh())).toEqual(before);
    expect((await limit.up(website)).op).toBe('same');
  });

  test('a refresh after a change in the UI, then up puts the declared limit back', async () => {
    const limit = resource('InteractionLimit', 'website');
    await limit.up(website);
    await emu.admin.setRepoLimit('acme/website', { limit: 'existing_users', expiry: 'one_day' });
    const refreshed = keep(await limit.refresh());
    expect(refreshed?.inputs).toMatchObject({ limit: 'contributors_only' });
    const from = server.output.length;
    expect((await limit.preview(website)).diff?.changes).toBe('some');
    expect(printedSince(from)).toMatch(
      /repo\/acme\/website: limit \(update\): The limit is existing_users on GitHub; declared contributors_only\./,
    );
    expect((await limit.up(website)).op).toBe('update');
    const state = await emu.admin.state();
    expect(JSON.stringify(state)).toContain('contributors_only');
  });

  test('a refresh inside the renewal window keeps it and the preview renews; past the expiry it is gone and up creates it', async () => {
    const limit = resource('InteractionLimit', 'website');
    const created = await limit.up(website);
    // one_week: the window is 2 days. The emulator's clock also runs: a loaded machine may take a
    // second to get there, and 1 day 23 hours left is then 1 day 22 hours (and some).
    await emu.admin.advanceClock(5 * DAY + 3600);
    expect(keep(await limit.refresh())).toEqual(created.state);
    const from = server.output.length;
    expect((await limit.preview(website)).diff).toEqual({
      changes: 'some',
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(printedSince(from)).toMatch(
      /^gh-interactions: repo\/acme\/website: expiresAt \(renew\): The limit expires at \S+ \(in 1 day 2[23] hours\), inside the renewal window of 2 days\.$/m,
    );

    await emu.admin.advanceClock(2 * DAY);
    expect(await limit.refresh()).toBeUndefined(); // gone: out of the state
    const again = await limit.up(website);
    expect(again.op).toBe('create');
    expect(Date.parse(again.state.outputs.expiresAt as string)).toBeGreaterThan(
      Date.parse(created.state.outputs.expiresAt as string),
    );
  });

  test('a one-off limit (renew: false) that lapsed stays in the state and is not a change', async () => {
    const oneOff = { ...website, expiry: 'one_day', renew: false };
    const limit = resource('InteractionLimit', 'one-off');
    const created = await limit.up(oneOff);
    await emu.admin.advanceClock(DAY + 60);
    expect(await limit.refresh()).toEqual(created.state);
    expect((await limit.preview(oneOff)).diff?.changes).toBe('none');
    await emu.admin.clearRequests();
    expect((await limit.up(oneOff)).op).toBe('same');
    expect(await writes()).toEqual([]);
  });

  test('a shadowed repository fails, naming the overriding scope, its expiry and what to do', async () => {
    const org = await emu.admin.setOrgLimit('acme', {
      limit: 'existing_users',
      expiry: 'one_week',
    });
    const limit = resource('InteractionLimit', 'website');
    const failure = limit.up(website);
    await expect(failure).rejects.toThrow(ProviderCallError);
    await failure.catch((error: ProviderCallError) => {
      expect(error.details).toContain(
        `repo/acme/website is under the limit of org/acme (existing_users, expires at ${org.expires_at})`,
      );
      expect(error.details).toMatch(
        /remove or change the limit of org\/acme, or wait until it expires at \S+, then apply again; or declare the limit on org\/acme/,
      );
    });
    expect(limit.state).toBeUndefined();
    expect(await writes()).toEqual([]);
  });

  test('a preview with unknown inputs: check accepts them, diff answers that changes are unknown', async () => {
    const limit = resource('InteractionLimit', 'website');
    const created = await limit.preview({ repository: PULUMI_UNKNOWN, limit: 'contributors_only' });
    expect(created.check).toEqual({
      inputs: { repository: PULUMI_UNKNOWN, limit: 'contributors_only' },
      failures: [],
    });
    await limit.up(website);
    const preview = await limit.preview({ ...website, limit: PULUMI_UNKNOWN });
    expect(preview.diff).toEqual({ changes: 'unknown', replaces: [], deleteBeforeReplace: false });
    const moved = await limit.preview({ organization: 'acme', limit: PULUMI_UNKNOWN });
    expect(moved.diff).toEqual({
      changes: 'unknown',
      replaces: ['organization', 'repository'],
      deleteBeforeReplace: true,
    });
    const invalid = await limit.preview({ ...website, expiry: 'forever', renew: PULUMI_UNKNOWN });
    expect(invalid.check.failures).toEqual([
      { property: 'expiry', reason: expect.stringMatching(/^\[expiry\] "forever" is not allowed/) },
    ]);
  });

  test('create adopts a limit that already exists: no write', async () => {
    await emu.admin.setRepoLimit('acme/website', {
      limit: 'contributors_only',
      expiry: 'one_week',
    });
    await emu.admin.clearRequests();
    const adopted = await resource('InteractionLimit', 'website').up(website);
    expect(adopted.op).toBe('create');
    expect(await writes()).toEqual([]);
  });

  test('delete of a limit already gone succeeds; the user scope has the id user/LOGIN', async () => {
    const limit = resource('InteractionLimit', 'mine');
    const created = await limit.up({ user: true, limit: 'existing_users', expiry: 'one_day' });
    expect(created.state.id).toBe('user/octocat');
    await emu.admin.advanceClock(DAY + 60);
    await emu.admin.clearRequests();
    await limit.destroy();
    expect(await writes()).toEqual([]);
  });
});

describe('PrBypassList through the engine', () => {
  const declared = { repository: 'acme/api', users: ['hubot', 'jdoe'] };

  test('a refresh after a user is added in the UI shows it, and up removes it', async () => {
    const list = resource('PrBypassList', 'api');
    expect(keep(await list.up(declared)).state).toMatchObject({
      id: 'acme/api',
      outputs: { canonicalUsers: ['hubot', 'jdoe'] },
    });
    await emu.admin.addBypassUsers('acme/api', ['spacewalker']);
    const refreshed = keep(await list.refresh());
    expect(refreshed?.outputs.canonicalUsers).toEqual(expect.arrayContaining(['Spacewalker']));
    expect(refreshed?.inputs).toEqual(declared);
    const from = server.output.length;
    expect((await list.preview(declared)).diff?.changes).toBe('some');
    expect(printedSince(from)).toMatch(/acme\/api: users \(update\): .*Spacewalker/);
    const updated = await list.up(declared);
    expect(updated.state.outputs.canonicalUsers).toEqual(['hubot', 'jdoe']);
  });

  test('adoption, a preview with an unknown login, get by id, and delete twice', async () => {
    await emu.admin.addBypassUsers('acme/api', ['hubot', 'jdoe']);
    await emu.admin.clearRequests();
    const list = resource('PrBypassList', 'api');
    await list.up(declared);
    expect(await writes()).toEqual([]);

    const preview = await list.preview({
      repository: 'acme/api',
      users: ['hubot', PULUMI_UNKNOWN],
    });
    expect(preview.check.failures).toEqual([]);
    expect(preview.diff?.changes).toBe('unknown');

    expect(await resource('PrBypassList', 'read-only').get('acme/api')).toMatchObject({
      id: 'acme/api',
      inputs: declared,
    });

    const gone = list.state!;
    await list.destroy();
    expect(await writes()).toEqual(['DELETE /repos/acme/api/interaction-limits/pulls/bypass-list']);
    await server.delete('PrBypassList', gone.id, list.urn, gone.outputs); // already empty
  });
});

describe('PrCreationCap through the engine', () => {
  const declared = { organization: 'acme', maxOpenPullRequests: 3 };

  test('a refresh after a change in the UI, the diff, and up put the cap back; delete switches it off', async () => {
    const cap = resource('PrCreationCap', 'acme');
    expect(keep(await cap.up(declared)).state).toMatchObject({
      id: 'org/acme',
      outputs: { enabled: true, maxOpenPullRequests: 3, includeDrafts: false, available: true },
    });
    await emu.admin.updateOrgCreationCap('acme', { max_open_pull_requests: 10 });
    keep(await cap.refresh());
    const from = server.output.length;
    expect((await cap.preview(declared)).diff?.changes).toBe('some');
    expect(printedSince(from)).toMatch(/org\/acme: maxOpenPullRequests \(update\)/);
    expect((await cap.up(declared)).op).toBe('update');
    expect((await cap.preview(declared)).diff?.changes).toBe('none');
    await cap.destroy();
    expect((await resource('PrCreationCap', 'read').get('org/acme'))?.inputs).toMatchObject({
      enabled: false,
    });
    await server.delete('PrCreationCap', 'org/acme', cap.urn, {}); // already off
  });

  test('create adopts a cap GitHub already has: no write', async () => {
    await emu.admin.updateOrgCreationCap('acme', { enabled: true, max_open_pull_requests: 3 });
    await emu.admin.clearRequests();
    const cap = resource('PrCreationCap', 'acme');
    expect((await cap.up(declared)).state.outputs).toMatchObject({ available: true });
    expect(await writes()).toEqual([]);
  });

  test('a scope change replaces it; an unknown maximum is an unknown change', async () => {
    const cap = resource('PrCreationCap', 'acme');
    await cap.up(declared);
    expect(
      (await cap.preview({ organization: 'acme', maxOpenPullRequests: PULUMI_UNKNOWN })).diff,
    ).toEqual({ changes: 'unknown', replaces: [], deleteBeforeReplace: false });
    const replaced = await cap.up({ repository: 'acme/api', maxOpenPullRequests: 2 });
    expect(replaced).toMatchObject({
      op: 'replace',
      diff: { replaces: ['organization', 'repository'] },
      state: { id: 'repo/acme/api' },
    });
  });
});

describe('credentials', () => {
  test('without stack config, the provider process falls back to GITHUB_TOKEN and GITHUB_BASE_URL', async () => {
    const fromEnv = await startProviderServer(project, {
      providers,
      env: { GITHUB_TOKEN: STACK_TOKEN, GITHUB_BASE_URL: emu.url },
    });
    try {
      await fromEnv.configure({});
      const list = new StackResource(fromEnv, 'PrBypassList', 'env');
      expect((await list.up({ repository: 'acme/docs', users: ['jdoe'] })).state.id).toBe(
        'acme/docs',
      );
    } finally {
      await fromEnv.stop();
    }
  });

  test('a 403 names the permission needed and where the credentials come from', async () => {
    const readOnly = await startProviderServer(project, { providers });
    try {
      await readOnly.configure({
        'github:token': secret(TOKENS.monalisa),
        'github:baseUrl': emu.url,
      });
      const failure = new StackResource(readOnly, 'InteractionLimit', 'org').up({
        organization: 'acme',
        limit: 'existing_users',
      });
      await expect(failure).rejects.toThrow(
        /Permission denied: this needs an organization owner.*github:token/,
      );
      server.errors.push(...readOnly.errors);
    } finally {
      await readOnly.stop();
    }
  });

  test('no token or config value in the serialized provider, any output, any error or any line printed', () => {
    const secrets = [STACK_TOKEN, TOKENS.monalisa, emu.url];
    const places = {
      providers: Object.values(providers).join('\n'),
      outputs: JSON.stringify(stored),
      errors: server.errors.join('\n'),
      printed: server.output.join('\n'),
    };
    expect(stored.length).toBeGreaterThan(5);
    expect(server.errors.length).toBeGreaterThan(0);
    for (const [place, text] of Object.entries(places)) {
      for (const value of secrets) {
        expect({ place, found: text.includes(value) }).toEqual({ place, found: false });
      }
    }
  });
});
