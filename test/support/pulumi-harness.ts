import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Pulumi's engine, as far as a dynamic provider can tell, without the Pulumi CLI:
 *
 * 1. `preparePulumiProject()` packs this package (`npm pack` of the built dist/) and installs the
 *    tarball with @pulumi/pulumi into a temporary project, as a user's project has it. The project
 *    is kept in the temp directory under a hash of the tarball, so the test files of one run share
 *    it (and a rerun with the same build reuses it).
 * 2. `serializeProviders(project)` runs a program in that project under `pulumi.runtime.setMocks`
 *    and takes each resource's `__provider` input: the text Pulumi's own closure serializer makes
 *    of the provider when `dynamic.Resource` is constructed, exactly as `pulumi up` stores it.
 * 3. `startProviderServer(project)` spawns the real dynamic-provider server
 *    (`node node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js 127.0.0.1:1`) with the
 *    project as cwd, reads the port it prints, and speaks `pulumirpc.ResourceProvider` to it over
 *    gRPC with the stubs in `@pulumi/pulumi/proto`: Configure first (the stack config, secrets
 *    wrapped as the engine sends them), then Check, Diff, Create, Read, Update, Delete with
 *    `__provider` in every property bag. What the provider prints after the port (the engine shows
 *    it as diagnostics) is collected in `output`.
 * 4. `StackResource` keeps one resource's state (id, inputs, outputs) and walks the engine's steps:
 *    `up` (Check, then Create, or Diff then Update / replace / same), `preview` (Check, Diff),
 *    `refresh` (Read), `destroy` (Delete).
 */

const ROOT = join(__dirname, '..', '..');

/** Pulumi's marker for an unknown value on the wire (`unknownValue` in @pulumi/pulumi/runtime/rpc). */
export const PULUMI_UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const SECRET_SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

/** A stack config value the engine marks secret (`pulumi config set --secret`). */
export function secret(value: unknown): Record<string, unknown> {
  return { [SECRET_SIG_KEY]: SECRET_SIG, value };
}

export interface PulumiProject {
  readonly dir: string;
  /** The @pulumi/pulumi version installed next to the package. */
  readonly pulumiVersion: string;
  /** Seconds the pack (and, the first time, the install) took. */
  readonly prepareSeconds: number;
}

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, [...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

/** Packs the built package and installs it with @pulumi/pulumi into a temporary project. */
export function preparePulumiProject(): PulumiProject {
  const started = Date.now();
  if (!existsSync(join(ROOT, 'dist', 'pulumi', 'index.js'))) run('npm', ['run', 'build'], ROOT);
  const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    overrides?: Record<string, string>;
  };
  const pulumiVersion = (
    JSON.parse(
      readFileSync(join(ROOT, 'node_modules', '@pulumi', 'pulumi', 'package.json'), 'utf8'),
    ) as { version: string }
  ).version;

  const packDir = mkdtempSync(join(tmpdir(), 'ghi-pack-'));
  try {
    const [packed] = JSON.parse(
      run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT),
    ) as { filename: string; shasum: string }[];
    const key = createHash('sha256')
      .update(`${packed.shasum} ${pulumiVersion}`)
      .digest('hex')
      .slice(0, 16);
    const dir = join(tmpdir(), `ghi-pulumi-project-${key}`);
    if (!existsSync(join(dir, 'READY'))) {
      pruneOldProjects();
      const staging = mkdtempSync(join(tmpdir(), 'ghi-pulumi-staging-'));
      copyFileSync(join(packDir, packed.filename), join(staging, packed.filename));
      writeFileSync(
        join(staging, 'package.json'),
        JSON.stringify(
          {
            name: 'ghi-pulumi-project',
            private: true,
            dependencies: {
              'gh-interactions': `file:./${packed.filename}`,
              '@pulumi/pulumi': pulumiVersion,
            },
            overrides: rootPackage.overrides ?? {},
          },
          null,
          2,
        ),
      );
      // From npm's cache where it can (npm ci filled it); the registry for the rest.
      try {
        run(
          'npm',
          [
            'install',
            '--prefer-offline',
            '--no-audit',
            '--no-fund',
            '--ignore-scripts',
            '--loglevel=error',
          ],
          staging,
        );
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        throw error;
      }
      writeFileSync(join(staging, 'READY'), new Date().toISOString());
      try {
        renameSync(staging, dir);
      } catch {
        // Another test file installed the same tarball first: use that one.
        rmSync(staging, { recursive: true, force: true });
      }
    }
    return { dir, pulumiVersion, prepareSeconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

/**
 * Projects of earlier builds (each is some 150 MB of node_modules), left an hour ago or more so
 * a run in progress keeps its own.
 */
function pruneOldProjects(): void {
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(tmpdir())) {
    if (!/^ghi-pulumi-(project|staging)-/.test(name)) continue;
    const path = join(tmpdir(), name);
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another test file: nothing to prune.
    }
  }
}

export type Kind = 'InteractionLimit' | 'PrBypassList' | 'PrCreationCap';
export const KINDS: readonly Kind[] = ['InteractionLimit', 'PrBypassList', 'PrCreationCap'];

/** The type token of a kind's resources (what the URN carries). */
export function resourceType(kind: Kind): string {
  return `pulumi-nodejs:dynamic/gh-interactions:${kind}`;
}

const SERIALIZE_PROGRAM = `
const pulumi = require('@pulumi/pulumi');
const providers = {};
pulumi.runtime.setMocks(
  {
    newResource(args) {
      if (args.inputs.__provider) providers[args.type] = args.inputs.__provider;
      return { id: args.name, state: args.inputs };
    },
    call(args) {
      return args.inputs;
    },
  },
  'ghi-harness',
  'dev',
  false,
);
const { InteractionLimit, PrBypassList, PrCreationCap } = require('gh-interactions/pulumi');
new InteractionLimit('limit', { repository: 'acme/api', limit: 'contributors_only' });
new PrBypassList('bypass', { repository: 'acme/api', users: ['hubot'] });
new PrCreationCap('cap', { organization: 'acme', maxOpenPullRequests: 3 });
// Registrations finish asynchronously; the mocks have every input once the event loop drains.
process.once('beforeExit', () => process.stdout.write(JSON.stringify(providers)));
`;

/**
 * The `__provider` text of each kind, as Pulumi's serializer makes it when a program constructs
 * the resource (in the project, from the installed package). `env` is the program's environment:
 * give it a token and stack config to check that none of it is captured.
 */
export function serializeProviders(
  project: PulumiProject,
  env: Readonly<Record<string, string>> = {},
): Record<Kind, string> {
  const output = execFileSync(process.execPath, ['-e', SERIALIZE_PROGRAM], {
    cwd: project.dir,
    encoding: 'utf8',
    // Pulumi's serializer loads every built-in module, and Node warns about some (sys, wasi).
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  const byType = JSON.parse(output) as Record<string, string>;
  return Object.fromEntries(KINDS.map((kind) => [kind, byType[resourceType(kind)]])) as Record<
    Kind,
    string
  >;
}

type Props = Record<string, unknown>;
/* eslint-disable @typescript-eslint/no-explicit-any -- the generated gRPC stubs are loaded from the project at run time */
type Any = any;

export interface CheckResponse {
  readonly inputs: Props;
  readonly failures: readonly { property: string; reason: string }[];
}

/** DiffResponse.DiffChanges of pulumirpc. */
export type DiffChanges = 'unknown' | 'none' | 'some';

export interface DiffResponse {
  readonly changes: DiffChanges;
  readonly replaces: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

/** A failed call: the gRPC status and the message the provider gave. */
export class ProviderCallError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    readonly details: string,
  ) {
    super(`${method}: ${details}`);
    this.name = 'ProviderCallError';
  }
}

export interface ProviderServer {
  /** Milliseconds from spawn to the port printed: the cold start of the provider process. */
  readonly startupMs: number;
  /** Lines the provider printed after the port (stdout and stderr): the engine's diagnostics. */
  readonly output: string[];
  /** Every message of every failed call, and every line printed: for the secrets checks. */
  readonly errors: string[];
  configure(config: Props): Promise<void>;
  check(kind: Kind, urn: string, olds: Props, news: Props): Promise<CheckResponse>;
  diff(kind: Kind, id: string, urn: string, olds: Props, news: Props): Promise<DiffResponse>;
  create(kind: Kind, urn: string, props: Props): Promise<{ id: string; properties: Props }>;
  read(
    kind: Kind,
    id: string,
    urn: string,
    props: Props,
  ): Promise<{ id: string; properties: Props; inputs?: Props }>;
  update(kind: Kind, id: string, urn: string, olds: Props, news: Props): Promise<Props>;
  delete(kind: Kind, id: string, urn: string, props: Props): Promise<void>;
  stop(): Promise<void>;
}

export interface ProviderServerOptions {
  /** The serialized providers to put in `__provider` (serializeProviders). */
  readonly providers: Record<Kind, string>;
  /** The provider process's environment, on top of PATH and HOME (no GITHUB_* unless given). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Spawns Pulumi's dynamic-provider server in the project and connects to it. */
export async function startProviderServer(
  project: PulumiProject,
  options: ProviderServerOptions,
): Promise<ProviderServer> {
  const started = process.hrtime.bigint();
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js', '127.0.0.1:1'],
    {
      cwd: project.dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const errors: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const port = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let first = true;
    lines.on('line', (line) => {
      if (first) {
        first = false;
        resolve(line.trim());
      } else {
        output.push(line);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`the dynamic-provider server exited (${code}): ${output.join('\n')}`)),
    );
  });
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;

  // The stubs, grpc-js and google-protobuf of the project's @pulumi/pulumi: one copy of each.
  const pulumiRequire = createRequire(
    join(project.dir, 'node_modules', '@pulumi', 'pulumi', 'package.json'),
  );
  const grpc: Any = pulumiRequire('@grpc/grpc-js');
  const rpc: Any = pulumiRequire('./proto/provider_grpc_pb');
  const proto: Any = pulumiRequire('./proto/provider_pb');
  const struct: Any = pulumiRequire('google-protobuf/google/protobuf/struct_pb');
  const client: Any = new rpc.ResourceProviderClient(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );

  const withProvider = (kind: Kind, props: Props) => ({
    ...props,
    __provider: options.providers[kind],
  });
  const toStruct = (props: Props) => struct.Struct.fromJavaScript(props);
  const call = <T>(method: string, request: Any): Promise<T> =>
    new Promise((resolve, reject) => {
      client[method](request, (error: Any, response: T) => {
        if (error) {
          const details = String(error.details ?? error.message);
          errors.push(details);
          reject(new ProviderCallError(method, error.code, details));
        } else {
          resolve(response);
        }
      });
    });
  const strip = (props: Props): Props => {
    const { __provider: _provider, ...rest } = props;
    return rest;
  };

  return {
    startupMs,
    output,
    errors,
    async configure(config) {
      const request = new proto.ConfigureRequest();
      request.setArgs(toStruct(config));
      request.setAcceptsecrets(true);
      request.setAcceptresources(true);
      request.setSendsOldInputs(true);
      request.setSendsOldInputsToDelete(true);
      const response: Any = await call('configure', request);
      if (response.getAcceptsecrets()) throw new Error('the dynamic provider accepted secrets');
    },
    async check(kind, urn, olds, news) {
      const request = new proto.CheckRequest();
      request.setUrn(urn);
      request.setType(resourceType(kind));
      request.setOlds(toStruct(olds));
      request.setNews(toStruct(withProvider(kind, news)));
      const response: Any = await call('check', request);
      return {
        inputs: strip(response.getInputs()?.toJavaScript() ?? {}),
        failures: response
          .getFailuresList()
          .map((f: Any) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(kind, id, urn, olds, news) {
      const request = new proto.DiffRequest();
      request.setId(id);
      request.setUrn(urn);
      request.setType(resourceType(kind));
      request.setOlds(toStruct(withProvider(kind, olds)));
      request.setNews(toStruct(withProvider(kind, news)));
      const response: Any = await call('diff', request);
      const changes = response.getChanges();
      const names: Record<number, DiffChanges> = {
        [proto.DiffResponse.DiffChanges.DIFF_UNKNOWN]: 'unknown',
        [proto.DiffResponse.DiffChanges.DIFF_NONE]: 'none',
        [proto.DiffResponse.DiffChanges.DIFF_SOME]: 'some',
      };
      return {
        changes: names[changes],
        replaces: response.getReplacesList(),
        deleteBeforeReplace: response.getDeletebeforereplace(),
      };
    },
    async create(kind, urn, props) {
      const request = new proto.CreateRequest();
      request.setUrn(urn);
      request.setType(resourceType(kind));
      request.setProperties(toStruct(withProvider(kind, props)));
      const response: Any = await call('create', request);
      return {
        id: response.getId(),
        properties: strip(response.getProperties()?.toJavaScript() ?? {}),
      };
    },
    async read(kind, id, urn, props) {
      const request = new proto.ReadRequest();
      request.setId(id);
      request.setUrn(urn);
      request.setType(resourceType(kind));
      request.setProperties(toStruct(withProvider(kind, props)));
      const response: Any = await call('read', request);
      const inputs = response.getInputs()?.toJavaScript();
      return {
        id: response.getId(),
        properties: strip(response.getProperties()?.toJavaScript() ?? {}),
        ...(inputs ? { inputs: strip(inputs) } : {}),
      };
    },
    async update(kind, id, urn, olds, news) {
      const request = new proto.UpdateRequest();
      request.setId(id);
      request.setUrn(urn);
      request.setType(resourceType(kind));
      request.setOlds(toStruct(withProvider(kind, olds)));
      request.setNews(toStruct(withProvider(kind, news)));
      const response: Any = await call('update', request);
      return strip(response.getProperties()?.toJavaScript() ?? {});
    },
    async delete(kind, id, urn, props) {
      const request = new proto.DeleteRequest();
      request.setId(id);
      request.setUrn(urn);
      request.setType(resourceType(kind));
      request.setProperties(toStruct(withProvider(kind, props)));
      await call('delete', request);
    },
    async stop() {
      client.close();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What the engine keeps of one resource between steps. */
export interface ResourceState {
  readonly id: string;
  readonly inputs: Props;
  readonly outputs: Props;
}

/** The outcome of one engine step on a resource. */
export type Step =
  | { readonly op: 'create'; readonly state: ResourceState }
  | { readonly op: 'update' | 'same'; readonly diff: DiffResponse; readonly state: ResourceState }
  | { readonly op: 'replace'; readonly diff: DiffResponse; readonly state: ResourceState };

/**
 * One resource of a stack, driven through the provider server the way the engine drives it.
 * `state` is what Pulumi's state file would hold for it (undefined: not in the state).
 */
export class StackResource {
  state: ResourceState | undefined;
  readonly urn: string;

  constructor(
    private readonly server: ProviderServer,
    readonly kind: Kind,
    readonly name: string,
  ) {
    this.urn = `urn:pulumi:dev::ghi-harness::${resourceType(kind)}::${name}`;
  }

  /** `pulumi preview`: Check, then Diff when the resource is in the state. */
  async preview(
    news: Props,
  ): Promise<{ check: CheckResponse; diff?: DiffResponse; op: 'create' | 'diff' }> {
    const check = await this.server.check(this.kind, this.urn, this.state?.inputs ?? {}, news);
    if (check.failures.length > 0 || !this.state) return { check, op: 'create' };
    const diff = await this.server.diff(
      this.kind,
      this.state.id,
      this.urn,
      this.state.outputs,
      check.inputs,
    );
    return { check, diff, op: 'diff' };
  }

  /** `pulumi up` for this resource; check failures throw. */
  async up(news: Props): Promise<Step> {
    const check = await this.server.check(this.kind, this.urn, this.state?.inputs ?? {}, news);
    if (check.failures.length > 0) {
      throw new Error(
        `check failed: ${check.failures.map((f) => `${f.property}: ${f.reason}`).join('; ')}`,
      );
    }
    if (!this.state) {
      const created = await this.server.create(this.kind, this.urn, check.inputs);
      this.state = { id: created.id, inputs: check.inputs, outputs: created.properties };
      return { op: 'create', state: this.state };
    }
    const diff = await this.server.diff(
      this.kind,
      this.state.id,
      this.urn,
      this.state.outputs,
      check.inputs,
    );
    if (diff.replaces.length > 0) {
      // deleteBeforeReplace: the old one goes first; otherwise the new one is created first.
      const old = this.state;
      if (diff.deleteBeforeReplace)
        await this.server.delete(this.kind, old.id, this.urn, old.outputs);
      const created = await this.server.create(this.kind, this.urn, check.inputs);
      if (!diff.deleteBeforeReplace) {
        await this.server.delete(this.kind, old.id, this.urn, old.outputs);
      }
      this.state = { id: created.id, inputs: check.inputs, outputs: created.properties };
      return { op: 'replace', diff, state: this.state };
    }
    if (diff.changes === 'none') {
      this.state = { ...this.state, inputs: check.inputs };
      return { op: 'same', diff, state: this.state };
    }
    const outputs = await this.server.update(
      this.kind,
      this.state.id,
      this.urn,
      this.state.outputs,
      check.inputs,
    );
    this.state = { id: this.state.id, inputs: check.inputs, outputs };
    return { op: 'update', diff, state: this.state };
  }

  /** `pulumi refresh` for this resource: gone (no id) removes it from the state. */
  async refresh(): Promise<ResourceState | undefined> {
    if (!this.state) throw new Error(`${this.name} is not in the state`);
    const read = await this.server.read(this.kind, this.state.id, this.urn, this.state.outputs);
    this.state =
      read.id === ''
        ? undefined
        : { id: read.id, inputs: read.inputs ?? this.state.inputs, outputs: read.properties };
    return this.state;
  }

  /** `pulumi destroy` for this resource. */
  async destroy(): Promise<void> {
    if (!this.state) return;
    await this.server.delete(this.kind, this.state.id, this.urn, this.state.outputs);
    this.state = undefined;
  }

  /** `Resource.get(name, id)`: a read with nothing but the id. */
  async get(id: string): Promise<ResourceState | undefined> {
    const read = await this.server.read(this.kind, id, this.urn, {});
    return read.id === ''
      ? undefined
      : { id: read.id, inputs: read.inputs ?? {}, outputs: read.properties };
  }
}
