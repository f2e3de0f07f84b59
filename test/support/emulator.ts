import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EmulatorEventSource, EmulatorState, Exchange, Seed } from '../../src/emulator';
import { EmulatorAdminClient, startEmulator } from '../../src/emulator';
import { checkGraphqlExchange, isGraphqlExchange } from './graphql-contract';
import { findOperation, validateQuery, validateRequestBody, validateResponse } from './openapi';

/**
 * An emulator for tests that is also a contract test: every GitHub response it sends is checked
 * against GitHub's OpenAPI description, and so is every request our own client sends
 * (user-agent `gh-interactions/...`). `close()` throws if anything did not conform, so a test
 * that passes also proves the emulator and the client speak GitHub's API.
 *
 *   const emu = await startTestEmulator();
 *   // ... use emu.url (token gho_emulator_octocat), emu.admin, emu.waitFor(...)
 *   await emu.close();
 *
 * or, for a describe block (or file), `const emu = useTestEmulator()`, which starts it in
 * beforeAll, resets it before each test and closes it in afterAll.
 */
export interface TestEmulatorOptions {
  readonly seed?: Seed;
  /** Base clock (ms since the epoch); default Date.now. */
  readonly now?: () => number;
  readonly stateFile?: string;
}

export interface TestEmulator extends EmulatorEventSource {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly admin: EmulatorAdminClient;
  readonly state: EmulatorState;
  /** Every answered request, admin ones included (flagged `admin`). */
  readonly exchanges: readonly Exchange[];
  /** Contract violations collected so far. */
  readonly violations: readonly string[];
  /** Stops the emulator; throws if any contract violation was collected. */
  close(): Promise<void>;
}

/** The user-agent prefix of the project's GitHub client (src/github/client.ts). */
export const CLIENT_USER_AGENT_PREFIX = 'gh-interactions/';

/** The contract checks for one exchange (exported for the contract tests themselves). */
export function checkExchange(exchange: Exchange): string[] {
  if (exchange.admin) return [];
  if (isGraphqlExchange(exchange)) {
    const userAgent = String(exchange.requestHeaders['user-agent'] ?? '');
    return checkGraphqlExchange(exchange, userAgent.startsWith(CLIENT_USER_AGENT_PREFIX));
  }
  const violations: string[] = [];
  const where = `${exchange.method} ${exchange.path} → ${exchange.status}`;
  const documented = findOperation(exchange.method, exchange.path);
  if (exchange.operation && documented?.pathTemplate !== exchange.operation.pathTemplate) {
    violations.push(
      `${where}: the emulator served ${exchange.operation.pathTemplate} but the spec matches ${documented?.pathTemplate ?? 'nothing'}`,
    );
  }
  violations.push(
    ...validateResponse(exchange.method, exchange.path, exchange.status, exchange.responseBody),
  );
  if (!exchange.responseHeaders['x-github-request-id']) {
    violations.push(`${where}: no x-github-request-id header`);
  }
  if (exchange.responseBody !== undefined) {
    const type = String(exchange.responseHeaders['content-type'] ?? '');
    if (!type.startsWith('application/json'))
      violations.push(`${where}: content-type is "${type}"`);
  }
  const userAgent = String(exchange.requestHeaders['user-agent'] ?? '');
  if (userAgent.startsWith(CLIENT_USER_AGENT_PREFIX)) {
    if (!documented) {
      violations.push(`${where}: our client called an undocumented operation`);
    } else {
      violations.push(...validateRequestBody(exchange.method, exchange.path, exchange.requestBody));
      violations.push(...validateQuery(exchange.method, exchange.path, exchange.query));
    }
  }
  return violations;
}

export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const exchanges: Exchange[] = [];
  const violations: string[] = [];
  const emulator = await startEmulator({
    seed: options.seed,
    now: options.now,
    stateFile: options.stateFile,
    onExchange: (exchange) => {
      exchanges.push(exchange);
      violations.push(...checkExchange(exchange));
    },
  });
  return {
    url: emulator.url,
    admin: new EmulatorAdminClient(emulator.url),
    state: emulator.state,
    exchanges,
    violations,
    on: emulator.on,
    waitFor: emulator.waitFor,
    async close() {
      await emulator.close();
      if (violations.length > 0) {
        throw new Error(
          `The emulator saw ${violations.length} contract violation(s) against GitHub's OpenAPI description:\n${violations
            .map((v) => `  - ${v}`)
            .join('\n')}`,
        );
      }
    },
  };
}

export interface UseTestEmulatorOptions extends TestEmulatorOptions {
  /**
   * `suite`: one emulator for the enclosing describe block (or file), started in beforeAll and
   * closed in afterAll; `test`: a fresh one for every test (beforeEach/afterEach).
   * @default 'suite'
   */
  readonly lifetime?: 'suite' | 'test';
  /** With lifetime `suite`: `admin.reset()` before each test. @default true */
  readonly resetBeforeEach?: boolean;
}

/**
 * Registers the Jest hooks that start, reset and close a test emulator, and returns it. Its
 * members can be read once the hooks have run (in tests and later hooks), not at collection.
 */
export function useTestEmulator(options: UseTestEmulatorOptions = {}): TestEmulator {
  const { lifetime = 'suite', resetBeforeEach = true, ...startOptions } = options;
  let current: TestEmulator | undefined;
  const started = (): TestEmulator => {
    if (!current) {
      throw new Error(
        'useTestEmulator(): the emulator starts in a Jest hook; use it inside a test or a later hook, not while the file is collected.',
      );
    }
    return current;
  };
  const start = async () => {
    current = await startTestEmulator(startOptions);
  };
  const stop = async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  };
  if (lifetime === 'test') {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    if (resetBeforeEach) beforeEach(async () => void (await started().admin.reset()));
    afterAll(stop);
  }
  return {
    get url() {
      return started().url;
    },
    get admin() {
      return started().admin;
    },
    get state() {
      return started().state;
    },
    get exchanges() {
      return started().exchanges;
    },
    get violations() {
      return started().violations;
    },
    on: (event, listener) => started().on(event, listener),
    waitFor: (event, predicate, waitOptions) => started().waitFor(event, predicate, waitOptions),
    close: () => stop(),
  };
}

export interface EmulatorProcess {
  /** The URL the process printed as its first line; rejects if it exits first. */
  readonly url: Promise<string>;
  /** SIGTERM, resolved once the process has exited. */
  stop(): Promise<void>;
}

/**
 * `gh-interactions emulator ARGS` as its own process (the built binary in dist/, as `npm test`
 * builds it), for tests of what survives a process. Its exchanges happen in that process, so
 * they are not contract-checked: use startTestEmulator for anything else.
 */
export function spawnEmulatorProcess(args: readonly string[]): EmulatorProcess {
  const bin = join(__dirname, '..', '..', 'bin', 'gh-interactions.js');
  const child = spawn(process.execPath, [bin, 'emulator', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await stopped;
    },
  };
}

export interface GitHubResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
}

export interface GitHubRequestOptions {
  /** Sent as `Authorization: Bearer <token>`; omit for an anonymous request. */
  readonly token?: string;
  /** Serialized as JSON unless it is already a string (sent as is, e.g. broken JSON). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A bare request to the emulator (or any GitHub base URL), for tests that check raw answers. */
export async function gitHubRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: GitHubRequestOptions = {},
): Promise<GitHubResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}

/** Tokens of the default seed (docs/emulator.md). */
export const TOKENS = {
  octocat: 'gho_emulator_octocat',
  monalisa: 'gho_emulator_monalisa',
  hubot: 'gho_emulator_hubot',
} as const;

/**
 * A GitHub App JWT (RS256, iss = app id), as @octokit/auth-app makes them: issued 30 seconds in
 * the past, valid for 10 minutes. `nowSeconds` defaults to the real clock; `claims` replaces or
 * (with `undefined`) removes claims, and `alg` names another algorithm in the header (the
 * signature stays RS256), to build the JWTs GitHub refuses.
 */
export function createAppJwt(
  privateKeyPem: string,
  appId: number,
  nowSeconds = Math.floor(Date.now() / 1000),
  options: { claims?: Record<string, unknown>; alg?: string } = {},
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = nowSeconds - 30;
  const claims = { iat, exp: iat + 600, iss: appId, ...options.claims };
  const unsigned = `${encode({ alg: options.alg ?? 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = sign('RSA-SHA256', Buffer.from(unsigned), privateKeyPem).toString('base64url');
  return `${unsigned}.${signature}`;
}

/** An RSA key pair for test apps (generated, never stored: *.pem files are git-ignored anyway). */
export function generateAppKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Whether a logged request changes something: any method but GET and HEAD, except GraphQL
 * queries (POST /graphql reads limits in batches; the emulator serves no mutation).
 */
export function isWrite(request: { readonly method: string; readonly path: string }): boolean {
  return (
    request.method !== 'GET' && request.method !== 'HEAD' && !request.path.endsWith('/graphql')
  );
}
