import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator';
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
import { TOKEN, benchSeed } from './policy-bench';

/** Rows of a section: label, value. */
export type Rows = Array<[string, string]>;

/**
 * The Terraform provider: its cold start (exec → handshake line), which Terraform pays several
 * times per command, and `terraform plan` over TERRAFORM_RESOURCES of our resources against as
 * many built-in `terraform_data` resources (Terraform's own floor), in the same run.
 */
const TERRAFORM_RESOURCES = Number(process.env.BENCH_TERRAFORM_RESOURCES ?? 100);
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);
const PLAN_RUNS = 3;

export async function terraformBench(rows: Rows): Promise<void> {
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
    const emulator = await startEmulator({ seed: benchSeed(TERRAFORM_RESOURCES) });
    try {
      const repositories = Array.from(
        { length: TERRAFORM_RESOURCES },
        (_, i) => `bigorg/repo-${String(i).padStart(5, '0')}`,
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
}

/**
 * The Pulumi front door as the engine runs it: Pulumi's dynamic-provider server (from
 * node_modules/@pulumi/pulumi) in a project whose node_modules holds this package (a link to the
 * built checkout), the provider serialized by Pulumi's own serializer, every operation a gRPC call
 * (test/support/pulumi-harness.ts does the same from a packed tarball). Cold start: spawn to the
 * port printed; then the median time of each operation, each against the default-seed emulator.
 */
export async function benchPulumiProvider(rows: Rows): Promise<void> {
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
