import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validation against GitHub's own OpenAPI description (`@octokit/openapi`, the dereferenced
 * api.github.com file, OpenAPI 3.0.3). Every function returns human-readable violations; an
 * empty list means the message conforms.
 *
 * The file is ~70 MB and takes about a second to parse, and Jest gives every test file a fresh
 * module registry, so each operation the tests touch is extracted once into a small JSON file
 * under node_modules/.cache (keyed by the spec file's size and mtime); later test files (and
 * runs) read only those. Compiled validators are cached per module instance.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface SlimParameter {
  name: string;
  in: string;
  required: boolean;
  schema?: JsonObject;
}

interface SlimOperation {
  method: string;
  pathTemplate: string;
  operationId: string;
  parameters: SlimParameter[];
  requestBody?: { required: boolean; schema?: JsonObject };
  responses: Record<string, { schema?: JsonObject }>;
}

interface IndexEntry {
  method: string;
  pathTemplate: string;
  operationId: string;
}

export interface OperationMatch extends IndexEntry {
  readonly params: Readonly<Record<string, string>>;
}

const SPEC_PATH = require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function cacheDir(): string {
  const { size, mtimeMs } = statSync(SPEC_PATH);
  // node_modules/.cache is the conventional home of tool caches (find-cache-dir).
  const nodeModules = SPEC_PATH.slice(
    0,
    SPEC_PATH.lastIndexOf('node_modules') + 'node_modules'.length,
  );
  return join(nodeModules, '.cache', 'gh-interactions-openapi', `${size}-${Math.floor(mtimeMs)}`);
}

function writeAtomically(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, JSON.stringify(data));
  renameSync(temporary, path);
}

let fullSpec: JsonObject | undefined;
function spec(): JsonObject {
  fullSpec ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as JsonObject;
  return fullSpec;
}

function specPaths(): Record<string, JsonObject> {
  const paths = spec().paths;
  if (!isObject(paths)) throw new Error(`${SPEC_PATH} has no "paths"`);
  return paths as Record<string, JsonObject>;
}

interface CompiledEntry extends IndexEntry {
  regex: RegExp;
  paramNames: string[];
  literalSegments: number;
}

let index: CompiledEntry[] | undefined;
function operationsIndex(): CompiledEntry[] {
  if (index) return index;
  const file = join(cacheDir(), 'index.json');
  let entries: IndexEntry[];
  if (existsSync(file)) {
    entries = JSON.parse(readFileSync(file, 'utf8')) as IndexEntry[];
  } else {
    entries = [];
    for (const [pathTemplate, item] of Object.entries(specPaths())) {
      for (const method of METHODS) {
        const operation = item[method];
        if (isObject(operation)) {
          entries.push({
            method: method.toUpperCase(),
            pathTemplate,
            operationId: String(operation.operationId),
          });
        }
      }
    }
    writeAtomically(file, entries);
  }
  index = entries
    .map((entry) => {
      const paramNames: string[] = [];
      const pattern = entry.pathTemplate
        .split('/')
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{]+/g, (match, name: string | undefined) => {
            if (name !== undefined) {
              paramNames.push(name);
              return '([^/]+)';
            }
            return match.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          }),
        )
        .join('/');
      return {
        ...entry,
        regex: new RegExp(`^${pattern}$`),
        paramNames,
        literalSegments: entry.pathTemplate.split('/').filter((s) => s && !s.includes('{')).length,
      };
    })
    // Most specific first: /repos/{owner}/{repo}/interaction-limits before /repos/{owner}/{repo}/{x}.
    .sort(
      (a, b) => b.literalSegments - a.literalSegments || a.paramNames.length - b.paramNames.length,
    );
  return index;
}

/** Strips the query and GHES's /api/v3 prefix. */
function normalizePath(path: string): string {
  const withoutQuery = path.split('?')[0] ?? path;
  return withoutQuery.startsWith('/api/v3/') ? withoutQuery.slice('/api/v3'.length) : withoutQuery;
}

/** The documented operation for a method and a concrete path (or a path template). */
export function findOperation(method: string, path: string): OperationMatch | undefined {
  const upper = method.toUpperCase();
  const concrete = normalizePath(path);
  for (const entry of operationsIndex()) {
    if (entry.method !== upper) continue;
    const match = entry.regex.exec(concrete);
    if (!match) continue;
    const params: Record<string, string> = {};
    entry.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? '');
    });
    return {
      method: entry.method,
      pathTemplate: entry.pathTemplate,
      operationId: entry.operationId,
      params,
    };
  }
  return undefined;
}

const slimCache = new Map<string, SlimOperation>();
function slimOperation(entry: IndexEntry): SlimOperation {
  const key = `${entry.method} ${entry.pathTemplate}`;
  const cached = slimCache.get(key);
  if (cached) return cached;
  const file = join(cacheDir(), `op-${createHash('sha1').update(key).digest('hex')}.json`);
  let slim: SlimOperation;
  if (existsSync(file)) {
    slim = JSON.parse(readFileSync(file, 'utf8')) as SlimOperation;
  } else {
    const item = specPaths()[entry.pathTemplate] ?? {};
    const operation = item[entry.method.toLowerCase()];
    if (!isObject(operation)) throw new Error(`BUG: ${key} vanished from ${SPEC_PATH}`);
    const parameters = [
      ...(Array.isArray(item.parameters) ? item.parameters : []),
      ...(Array.isArray(operation.parameters) ? operation.parameters : []),
    ]
      .filter(isObject)
      .map((p) => ({
        name: String(p.name),
        in: String(p.in),
        required: p.required === true,
        schema: isObject(p.schema) ? p.schema : undefined,
      }));
    const responses: SlimOperation['responses'] = {};
    for (const [status, response] of Object.entries(
      isObject(operation.responses) ? operation.responses : {},
    )) {
      const content =
        isObject(response) && isObject(response.content) ? response.content : undefined;
      const json = content && (content['application/json'] ?? Object.values(content)[0]);
      responses[status] = {
        schema: isObject(json) && isObject(json.schema) ? json.schema : undefined,
      };
    }
    const body = isObject(operation.requestBody) ? operation.requestBody : undefined;
    const bodyContent =
      body && isObject(body.content) ? body.content['application/json'] : undefined;
    slim = {
      ...entry,
      parameters,
      responses,
      requestBody: body
        ? {
            required: body.required === true,
            schema:
              isObject(bodyContent) && isObject(bodyContent.schema)
                ? bodyContent.schema
                : undefined,
          }
        : undefined,
    };
    writeAtomically(file, slim);
  }
  slim = extendLocally(slim);
  slimCache.set(key, slim);
  return slim;
}

/**
 * Local extensions of GitHub's OpenAPI description (@octokit/openapi 23), each for one behaviour
 * GitHub has that the description does not carry yet, with its source
 * (/work/shared/reference/github-interactions-api.md). They are applied after the cache is read,
 * so the cached extracts stay GitHub's text. Each one only adds: a status for exactly the
 * operations named, or one typed property; no other check is loosened.
 */
const PRIVATE_REPOSITORY_405 = new Set([
  'GET /repos/{owner}/{repo}/interaction-limits',
  'PUT /repos/{owner}/{repo}/interaction-limits',
  'DELETE /repos/{owner}/{repo}/interaction-limits',
]);
const CREATION_CAP_OPERATIONS = new Set([
  'GET /orgs/{org}/interaction-limits/pulls/creation-cap',
  'PATCH /orgs/{org}/interaction-limits/pulls/creation-cap',
  'GET /repos/{owner}/{repo}/interaction-limits/pulls/creation-cap',
  'PATCH /repos/{owner}/{repo}/interaction-limits/pulls/creation-cap',
]);

/** `include_drafts` of the creation cap, as GitHub's published docs data describes it. */
const INCLUDE_DRAFTS: JsonObject = {
  type: 'boolean',
  description: 'Whether draft pull requests count toward the cap (default false)',
};

function withIncludeDrafts(schema: JsonObject | undefined): JsonObject | undefined {
  if (!schema || !isObject(schema.properties)) return schema;
  return { ...schema, properties: { ...schema.properties, include_drafts: INCLUDE_DRAFTS } };
}

function extendLocally(slim: SlimOperation): SlimOperation {
  const key = `${slim.method} ${slim.pathTemplate}`;
  if (PRIVATE_REPOSITORY_405.has(key) && !slim.responses['405']) {
    // GitHub answers 405 "Interaction limits cannot be set for private repositories." on GET, PUT
    // and DELETE of a private repository's limit (reference page, "Private repositories":
    // reported by users); the description lists no 405 for these three operations.
    return { ...slim, responses: { ...slim.responses, '405': { schema: basicErrorSchema() } } };
  }
  if (CREATION_CAP_OPERATIONS.has(key)) {
    // `include_drafts` (boolean: do draft pull requests count?) is in GitHub's published docs
    // data for the four cap operations (GitHub changelog 2026-06-17; reference page, "Creation
    // cap") but not in @octokit/openapi 23: the answer and the PATCH body may carry it, typed.
    const ok = slim.responses['200'];
    return {
      ...slim,
      responses: ok
        ? { ...slim.responses, '200': { schema: withIncludeDrafts(ok.schema) } }
        : slim.responses,
      requestBody: slim.requestBody && {
        ...slim.requestBody,
        schema: withIncludeDrafts(slim.requestBody.schema),
      },
    };
  }
  return slim;
}

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable: true` becomes a `null` type (or an anyOf
 * with null when there is no `type`), and a `oneOf` with a `discriminator` becomes an `anyOf`:
 * GitHub's `GET /user` is `oneOf [private-user, public-user]` told apart only by the
 * discriminator, and a private user also satisfies public-user, so plain `oneOf` would fail.
 * Keys of `properties` are names, not keywords, and are kept as they are.
 */
export function toJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (
      [
        'nullable',
        'discriminator',
        'example',
        'examples',
        'xml',
        'externalDocs',
        'deprecated',
      ].includes(key)
    )
      continue;
    if ((key === 'properties' || key === 'patternProperties') && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]),
      );
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (schema.discriminator !== undefined && Array.isArray(out.oneOf)) {
    out.anyOf = out.oneOf;
    delete out.oneOf;
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
// OpenAPI's numeric formats are not JSON Schema formats; the `type` already checks them.
for (const format of [
  'int32',
  'int64',
  'float',
  'double',
  'binary',
  'byte',
  'password',
  'repo.nwo',
  'ssh-key',
  'ssh-key fingerprint',
]) {
  ajv.addFormat(format, true);
}
const validators = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: JsonObject): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema) as JsonObject);
    validators.set(key, validate);
  }
  return validate;
}

function explain(errors: ErrorObject[] | null | undefined, what: string): string[] {
  return (errors ?? []).slice(0, 10).map((e) => {
    const params = Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : '';
    return `${what}${e.instancePath || ''} ${e.message ?? 'is invalid'}${params}`;
  });
}

/**
 * GitHub's Basic Error (`{message, documentation_url, status?}`), taken from the spec itself:
 * the body of `GET /user`'s documented 401. Used for error statuses an operation does not list
 * (401, 403 rate limits, 404 ...), which GitHub may send from any endpoint.
 */
function basicErrorSchema(): JsonObject {
  const schema = slimOperation({
    method: 'GET',
    pathTemplate: '/user',
    operationId: 'users/get-authenticated',
  }).responses['401']?.schema;
  if (!schema) throw new Error(`${SPEC_PATH}: GET /user has no 401 schema to use as Basic Error`);
  return schema;
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

/** Violations of the response schema documented for this operation and status. */
export function validateResponse(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const where = `${method.toUpperCase()} ${normalizePath(path)} → ${status}`;
  const match = findOperation(method, path);
  if (!match) {
    if (status === 404) return validateBasicError(body, where);
    return [`${where}: no documented operation matches this method and path`];
  }
  const operation = slimOperation(match);
  const documented = operation.responses[String(status)] ?? operation.responses.default;
  if (status === 204 || status === 304) {
    const violations = isEmptyBody(body)
      ? []
      : [`${where}: must have no body, got ${JSON.stringify(body).slice(0, 100)}`];
    // 304 is possible on any GET sent with If-None-Match, whether or not the operation lists it.
    if (!documented && !(status === 304 && match.method === 'GET')) {
      violations.push(
        `${where}: status ${status} is not documented for ${match.pathTemplate} (documented: ${Object.keys(operation.responses).join(', ')})`,
      );
    }
    return violations;
  }
  if (documented?.schema) {
    const validate = validatorFor(
      `res ${match.method} ${match.pathTemplate} ${status}`,
      documented.schema,
    );
    return validate(body) ? [] : explain(validate.errors, `${where}: body`);
  }
  if (status >= 400) return validateBasicError(body, where);
  if (!documented) {
    return [
      `${where}: status ${status} is not documented for ${match.pathTemplate} (documented: ${Object.keys(operation.responses).join(', ')})`,
    ];
  }
  return isEmptyBody(body)
    ? []
    : [`${where}: documented without a body, got ${JSON.stringify(body).slice(0, 100)}`];
}

function validateBasicError(body: unknown, where: string): string[] {
  const validate = validatorFor('basic-error', basicErrorSchema());
  const violations = validate(body) ? [] : explain(validate.errors, `${where}: error body`);
  if (!isObject(body) || typeof body.message !== 'string')
    violations.push(`${where}: error body has no "message"`);
  return violations;
}

/** Violations of the documented request body (missing when required, wrong shape, unexpected). */
export function validateRequestBody(method: string, path: string, body: unknown): string[] {
  const where = `${method.toUpperCase()} ${normalizePath(path)} request`;
  const match = findOperation(method, path);
  if (!match) return [`${where}: no documented operation matches this method and path`];
  const { requestBody } = slimOperation(match);
  if (!requestBody) {
    return isEmptyBody(body)
      ? []
      : [`${where}: the operation takes no body, got ${JSON.stringify(body).slice(0, 100)}`];
  }
  if (isEmptyBody(body)) return requestBody.required ? [`${where}: a body is required`] : [];
  if (!requestBody.schema) return [];
  const validate = validatorFor(`req ${match.method} ${match.pathTemplate}`, requestBody.schema);
  return validate(body) ? [] : explain(validate.errors, `${where}: body`);
}

/** Violations of the documented query parameters (unknown names, values of the wrong type). */
export function validateQuery(
  method: string,
  path: string,
  query: Readonly<Record<string, string | string[] | undefined>>,
): string[] {
  const where = `${method.toUpperCase()} ${normalizePath(path)} request`;
  const match = findOperation(method, path);
  if (!match) return [`${where}: no documented operation matches this method and path`];
  const parameters = slimOperation(match).parameters.filter((p) => p.in === 'query');
  const violations: string[] = [];
  for (const [name, raw] of Object.entries(query)) {
    const parameter = parameters.find((p) => p.name === name);
    if (!parameter) {
      violations.push(`${where}: query parameter "${name}" is not documented`);
      continue;
    }
    if (!parameter.schema) continue;
    for (const text of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
      const type = parameter.schema.type;
      const value =
        (type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)
          ? Number(text)
          : type === 'boolean' && (text === 'true' || text === 'false')
            ? text === 'true'
            : text;
      const validate = validatorFor(
        `query ${match.method} ${match.pathTemplate} ${name}`,
        parameter.schema,
      );
      if (!validate(value))
        violations.push(...explain(validate.errors, `${where}: query ${name}=${text}`));
    }
  }
  return violations;
}

/** The statuses the spec documents for an operation (e.g. ["200", "422"]). */
export function documentedStatuses(method: string, path: string): string[] {
  const match = findOperation(method, path);
  return match ? Object.keys(slimOperation(match).responses) : [];
}
