import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan, planResources } from '../core';
import type { Seed } from '../emulator';
import { EmulatorAdminClient, startEmulator } from '../emulator';
import { createClient } from '../github';
import { expandPolicy, githubPolicyPort, loadPolicyFile } from '../policy';
import { dynamicProvider } from '../pulumi/provider';
import {
  DEFAULT_TERRAFORM_BINARY,
  limitsConfiguration,
  measureProviderColdStart,
  median,
  terraformDataConfiguration,
  terraformWorkspace,
} from '../terraform/bench';
import { measureProviderStartup } from '../terraform/protocol/bench-startup';

/**
 * `npm run bench`: speed, memory and rate-limit cost of the main job over a large organization,
 * against the emulator. Prints numbers; asserts nothing (goals live here, not in timed tests).
 *
 * The goal that matters most to users: a plan with nothing to change costs next to no rate limit
 * once ETags are kept (--cache-dir), because GitHub does not count 304s.
 */
const REPOSITORIES = Number(process.env.BENCH_REPOSITORIES ?? 300);
const TOKEN = 'gho_emulator_octocat';

function benchSeed(): Seed {
  const users = Array.from({ length: 20 }, (_, i) => ({ login: `bypass-user-${i}` }));
  return {
    users: [{ login: 'octocat', token: TOKEN }, ...users],
    orgs: [{ login: 'bigorg', owners: ['octocat'], members: [] }],
    repos: Array.from({ length: REPOSITORIES }, (_, i) => ({
      owner: 'bigorg',
      name: `repo-${String(i).padStart(4, '0')}`,
      topics: i % 2 === 0 ? ['even'] : ['odd'],
    })),
  } as Seed;
}

const POLICY = `version: 1
organizations:
  bigorg:
    pr_creation_cap: { max_open_pull_requests: 5 }
repositories:
  - select:
      organization: bigorg
      topics: { any: [even] }
    interaction_limit: { limit: existing_users, expiry: one_month }
    pr_bypass_list: [bypass-user-1, bypass-user-2]
  - select:
      organization: bigorg
      topics: { any: [odd] }
    interaction_limit: { limit: contributors_only }
`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ghi-bench-'));
  const policyFile = join(dir, 'bench.yaml');
  writeFileSync(policyFile, POLICY);
  const emulator = await startEmulator({ seed: benchSeed() });
  const admin = new EmulatorAdminClient(emulator.url);
  const rows: Array<[string, string]> = [];
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

  const measure = async (label: string, cacheDir: string | undefined, act: 'plan' | 'apply') => {
    const client = createClient({ baseUrl: emulator.url, token: TOKEN, etagCacheDir: cacheDir });
    await admin.clearRequests();
    const started = process.hrtime.bigint();
    const policy = await loadPolicyFile(policyFile);
    const { resources } = await expandPolicy(policy, githubPolicyPort(client));
    const plan = await planResources(client, resources, { concurrency: 8 });
    sample();
    let writes = 0;
    if (act === 'apply') {
      const result = await applyPlan(client, plan);
      writes = result.results.reduce((sum, r) => sum + r.writes, 0);
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    sample();
    const { requests } = await admin.requests();
    // GitHub (and the emulator) count every request against the rate limit except a 304.
    const notModified = requests.filter((r) => r.status === 304).length;
    const used = requests.length - notModified;
    rows.push([
      label,
      `${ms.toFixed(0)} ms, ${plan.changes.length} resources, ${requests.length} requests (${notModified} answered 304), rate limit used ${used}${act === 'apply' ? `, ${writes} writes` : ''}`,
    ]);
  };

  try {
    const cacheDir = join(dir, 'etags');
    await measure('first plan (cold)', cacheDir, 'plan');
    await measure('apply (writes serialized; loopback: no spacing)', cacheDir, 'apply');
    await measure('plan, nothing to change, no ETag cache', undefined, 'plan');
    await measure('plan, nothing to change, ETags kept (--cache-dir)', cacheDir, 'plan');
    await benchPulumiProvider(rows);
    rows.push([
      'peak RSS',
      `${(peakRss / 1024 / 1024).toFixed(0)} MiB (emulator in the same process)`,
    ]);
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `gh-interactions bench: ${REPOSITORIES} repositories in one organization (BENCH_REPOSITORIES to change)`,
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  await terraformBench();
}

/**
 * The Terraform provider: its cold start (exec → handshake line), which Terraform pays several
 * times per command, and `terraform plan` over TERRAFORM_RESOURCES of our resources against as
 * many built-in `terraform_data` resources (Terraform's own floor), in the same run.
 */
const TERRAFORM_RESOURCES = Number(process.env.BENCH_TERRAFORM_RESOURCES ?? 100);
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);
const PLAN_RUNS = 3;

async function terraformBench(): Promise<void> {
  const rows: Array<[string, string]> = [];
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const startup = await measureProviderColdStart(STARTUP_RUNS);
  const protocolOnly = await measureProviderStartup({
    entry: join(__dirname, '..', 'terraform', 'protocol', 'bench-provider.js'),
    runs: STARTUP_RUNS,
  });
  rows.push([
    'cold start: exec → handshake line',
    `${ms(median(startup.map((s) => s.handshakeMs)))} median of ${STARTUP_RUNS} (empty protocol-only provider: ${ms(median(protocolOnly.map((s) => s.handshakeMs)))})`,
  ]);
  rows.push([
    'cold start: exec → first answer',
    `${ms(median(startup.map((s) => s.firstAnswerMs)))} (GetProviderSchema, handlers and core loaded)`,
  ]);

  const terraform = process.env.TERRAFORM_BINARY ?? DEFAULT_TERRAFORM_BINARY;
  if (!existsSync(terraform)) {
    rows.push(['terraform plan', `skipped: no Terraform at ${terraform} (TERRAFORM_BINARY)`]);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'ghi-bench-tf-'));
    const emulator = await startEmulator({ seed: benchSeed() });
    try {
      const repositories = Array.from(
        { length: Math.min(TERRAFORM_RESOURCES, REPOSITORIES) },
        (_, i) => `bigorg/repo-${String(i).padStart(4, '0')}`,
      );
      const ours = await terraformWorkspace({
        directory: join(dir, 'ghinteractions'),
        configuration: limitsConfiguration(emulator.url, repositories),
        terraform,
        env: { GITHUB_TOKEN: TOKEN },
      });
      const floor = await terraformWorkspace({
        directory: join(dir, 'terraform_data'),
        configuration: terraformDataConfiguration(repositories.length),
        terraform,
      });
      for (const [label, workspace] of [
        [`${repositories.length} ghinteractions_limit`, ours],
        [`${repositories.length} terraform_data`, floor],
      ] as const) {
        await workspace.run(['init']);
        const apply = await workspace.run(['apply', '-auto-approve']);
        const plans: number[] = [];
        for (let run = 0; run < PLAN_RUNS; run++) plans.push(await workspace.run(['plan']));
        rows.push([
          `terraform plan, ${label}`,
          `${ms(median(plans))} median of ${PLAN_RUNS}, nothing to change (first apply ${ms(apply)})`,
        ]);
      }
    } finally {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  console.log(`gh-interactions bench: the Terraform provider (node ${process.version})`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});

/**
 * The Pulumi front door as the engine runs it: Pulumi's dynamic-provider server (from
 * node_modules/@pulumi/pulumi) in a project whose node_modules holds this package (a link to the
 * built checkout), the provider serialized by Pulumi's own serializer, every operation a gRPC call
 * (test/support/pulumi-harness.ts does the same from a packed tarball). Cold start: spawn to the
 * port printed; then the median time of each operation, each against the default-seed emulator.
 */
async function benchPulumiProvider(rows: Array<[string, string]>): Promise<void> {
  const root = join(__dirname, '..', '..');
  const project = mkdtempSync(join(tmpdir(), 'ghi-bench-pulumi-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'gh-interactions'), 'dir');
  symlinkSync(
    join(root, 'node_modules', '@pulumi'),
    join(project, 'node_modules', '@pulumi'),
    'dir',
  );
  const emulator = await startEmulator();
  const fromPulumi = createRequire(join(root, 'node_modules', '@pulumi', 'pulumi', 'package.json'));
  /* eslint-disable @typescript-eslint/no-explicit-any -- Pulumi's generated gRPC stubs and serializer, loaded from @pulumi/pulumi as the engine's side would */
  const grpc: any = fromPulumi('@grpc/grpc-js');
  const rpc: any = fromPulumi('./proto/provider_grpc_pb');
  const proto: any = fromPulumi('./proto/provider_pb');
  const struct: any = fromPulumi('google-protobuf/google/protobuf/struct_pb');
  const { serializeFunction } = fromPulumi('./runtime/closure/serializeClosure');
  /* eslint-enable @typescript-eslint/no-explicit-any */
  const provider = dynamicProvider('InteractionLimit');
  const serialized: string = (await serializeFunction(() => provider, { allowSecrets: true })).text;

  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const startServer = async () => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js', '127.0.0.1:1'],
      { cwd: project, stdio: ['ignore', 'pipe', 'ignore'], env: { PATH: process.env.PATH ?? '' } },
    );
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0].trim()));
      child.once('exit', (code) => reject(new Error(`dynamic-provider server exited ${code}`)));
    });
    return { child, port, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  };

  try {
    const coldStarts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const server = await startServer();
      coldStarts.push(server.ms);
      server.child.kill('SIGTERM');
    }
    const server = await startServer();
    const client = new rpc.ResourceProviderClient(
      `127.0.0.1:${server.port}`,
      grpc.credentials.createInsecure(),
    );
    const call = (method: string, request: unknown) =>
      new Promise<unknown>((resolve, reject) =>
        client[method](request, (error: Error | null, response: unknown) =>
          error ? reject(error) : resolve(response),
        ),
      );
    const bag = (props: Record<string, unknown>) =>
      struct.Struct.fromJavaScript({ ...props, __provider: serialized });
    const configure = new proto.ConfigureRequest();
    configure.setArgs(
      struct.Struct.fromJavaScript({ 'github:token': TOKEN, 'github:baseUrl': emulator.url }),
    );
    await call('configure', configure);

    const times: Record<string, number[]> = {
      check: [],
      create: [],
      diff: [],
      read: [],
      update: [],
      delete: [],
    };
    const timed = async (op: string, request: unknown) => {
      const started = process.hrtime.bigint();
      const response = await call(op, request);
      times[op].push(Number(process.hrtime.bigint() - started) / 1e6);
      return response as { getProperties(): { toJavaScript(): Record<string, unknown> } };
    };
    const inputs = {
      repository: 'acme/website',
      limit: 'contributors_only',
      expiry: 'one_week',
      renew: true,
      renewWithin: '2d',
    };
    const id = 'repo/acme/website';
    for (let i = 0; i < 21; i++) {
      const check = new proto.CheckRequest();
      check.setOlds(struct.Struct.fromJavaScript({}));
      check.setNews(bag(inputs));
      await timed('check', check);
      const create = new proto.CreateRequest();
      create.setProperties(bag(inputs));
      const outputs = (await timed('create', create)).getProperties().toJavaScript();
      const diff = new proto.DiffRequest();
      diff.setId(id);
      diff.setOlds(bag(outputs));
      diff.setNews(bag(inputs));
      await timed('diff', diff);
      const read = new proto.ReadRequest();
      read.setId(id);
      read.setProperties(bag(outputs));
      await timed('read', read);
      const update = new proto.UpdateRequest();
      update.setId(id);
      update.setOlds(bag(outputs));
      update.setNews(bag({ ...inputs, expiry: 'one_month', renewWithin: '7d' }));
      const updated = (await timed('update', update)).getProperties().toJavaScript();
      const remove = new proto.DeleteRequest();
      remove.setId(id);
      remove.setProperties(bag(updated));
      await timed('delete', remove);
    }
    client.close();
    server.child.kill('SIGTERM');
    rows.push([
      'pulumi: provider process cold start',
      `${median(coldStarts).toFixed(0)} ms (spawn of @pulumi/pulumi/cmd/dynamic-provider to its port, median of 3; the package loads on the first call)`,
    ]);
    rows.push([
      'pulumi: first call in a new process',
      `${times.check[0].toFixed(0)} ms (check: deserializes the provider, runs configure, loads the engine)`,
    ]);
    rows.push([
      'pulumi: per operation (gRPC → provider)',
      Object.entries(times)
        .map(([op, values]) => `${op} ${median(values).toFixed(1)} ms`)
        .join(', ') +
        ` (median of ${times.check.length}; a client per call, GitHub reads and writes included)`,
    ]);
  } finally {
    await emulator.close();
    rmSync(project, { recursive: true, force: true });
  }
}
