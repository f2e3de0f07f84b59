import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  LOGIN_PATTERN,
  LOGIN_RULE,
  REPOSITORY_NAME_PATTERN,
  REPOSITORY_NAME_RULE,
} from '../../github/facts';

/**
 * The seed: the accounts, repositories and apps an emulator starts with. Written by people (JSON
 * or YAML, `--seed FILE`), so it is validated strictly and every problem is reported with its
 * field path, the value received and what is allowed.
 */

// Logins and repository names follow GitHub's rules, stated once in src/github/facts.ts.
// Topics: lowercase letters, digits and hyphens, at most 50 characters, starting with a letter or digit.
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;

const login = z.string().regex(LOGIN_PATTERN, { error: LOGIN_RULE });
const logins = z.array(login);

const seedUserSchema = z.strictObject({
  login,
  token: z.string().regex(/^\S+$/, { error: 'a token without whitespace' }).optional(),
  name: z.string().optional(),
});

const seedOrgSchema = z.strictObject({
  login,
  name: z.string().optional(),
  owners: logins.optional(),
  members: logins.optional(),
  basePermission: z.enum(['none', 'read', 'write', 'admin']).optional(),
  creationCapAvailable: z.boolean().optional(),
});

const seedRepoSchema = z.strictObject({
  owner: login,
  name: z.string().regex(REPOSITORY_NAME_PATTERN, { error: REPOSITORY_NAME_RULE }),
  description: z.string().optional(),
  visibility: z.enum(['public', 'private']).optional(),
  archived: z.boolean().optional(),
  topics: z
    .array(
      z.string().regex(TOPIC, {
        error: 'a topic (lowercase letters, digits and hyphens, at most 50 characters)',
      }),
    )
    .optional(),
  admins: logins.optional(),
  maintainers: logins.optional(),
  writers: logins.optional(),
  readers: logins.optional(),
  creationCapAvailable: z.boolean().optional(),
});

const positiveId = z.number().int({ error: 'a positive integer' }).positive({
  error: 'a positive integer',
});

const seedAppSchema = z.strictObject({
  id: positiveId,
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,34}$/, { error: 'an app slug (lowercase letters, digits, hyphens)' })
    .optional(),
  name: z.string().optional(),
  publicKeyPem: z.string().min(1, { error: 'a PEM public key' }),
  installations: z.array(z.strictObject({ id: positiveId, account: login })),
});

const seedSchema = z.strictObject({
  users: z.array(seedUserSchema),
  orgs: z.array(seedOrgSchema).optional(),
  repos: z.array(seedRepoSchema).optional(),
  apps: z.array(seedAppSchema).optional(),
  now: z.iso.datetime({ error: 'an ISO-8601 date-time such as "2025-01-01T00:00:00Z"' }).optional(),
  rateLimitPerHour: positiveId.optional(),
});

export type SeedUser = z.infer<typeof seedUserSchema>;
export type SeedOrg = z.infer<typeof seedOrgSchema>;
export type SeedRepo = z.infer<typeof seedRepoSchema>;
export type SeedApp = z.infer<typeof seedAppSchema>;
export type Seed = z.infer<typeof seedSchema>;

/** A seed that failed validation; `problems` lists one line per problem. */
export class SeedError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid seed (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SeedError';
  }
}

/** Validates a seed (structure, then cross references) and returns it typed. */
export function validateSeed(input: unknown, source = 'seed'): Seed {
  const parsed = seedSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    throw new SeedError(source, parsed.error.issues.map(formatIssue));
  }
  const problems = crossReferenceProblems(parsed.data);
  if (problems.length > 0) throw new SeedError(source, problems);
  return parsed.data;
}

/** Reads a seed file: JSON, or YAML when the extension is .yaml/.yml or the text is not JSON. */
export function loadSeedFile(path: string): Seed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
  let data: unknown;
  const ext = extname(path).toLowerCase();
  try {
    data = ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new SeedError(path, [
      `not valid ${ext === '.json' ? 'JSON' : 'YAML/JSON'}: ${(error as Error).message}`,
    ]);
  }
  return validateSeed(data, path);
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = 'seed';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

type Issue = z.core.$ZodIssue;

function formatIssue(issue: Issue): string {
  const where = fieldPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((k) => `"${k}"`)
        .join(', ')} (check the spelling; see docs/emulator.md "Seed format")`;
    case 'invalid_value':
      return `${where}: got ${show(issue.input)}; expected one of ${issue.values
        .map((v) => show(v))
        .join(', ')}`;
    case 'invalid_type':
      return `${where}: got ${show(issue.input)}; expected ${
        issue.expected === 'int' ? 'an integer' : `a value of type ${issue.expected}`
      }`;
    default:
      return `${where}: got ${show(issue.input)}; expected ${issue.message}`;
  }
}

function crossReferenceProblems(seed: Seed): string[] {
  const problems: string[] = [];
  const users = new Map<string, string>();
  const accounts = new Map<string, string>();
  const tokens = new Set<string>();
  seed.users.forEach((user, i) => {
    const key = user.login.toLowerCase();
    if (accounts.has(key))
      problems.push(
        `seed.users[${i}].login: "${user.login}" is already taken (logins are unique case-insensitively)`,
      );
    users.set(key, user.login);
    accounts.set(key, user.login);
    if (user.token !== undefined) {
      if (tokens.has(user.token))
        problems.push(`seed.users[${i}].token: the same token is given to two users`);
      tokens.add(user.token);
    }
  });
  const needUser = (where: string, list: readonly string[] | undefined) =>
    (list ?? []).forEach((name, j) => {
      if (!users.has(name.toLowerCase()))
        problems.push(`${where}[${j}]: "${name}" is not a user of the seed; add it to seed.users`);
    });
  (seed.orgs ?? []).forEach((org, i) => {
    const key = org.login.toLowerCase();
    if (accounts.has(key))
      problems.push(
        `seed.orgs[${i}].login: "${org.login}" is already taken (logins are unique case-insensitively)`,
      );
    accounts.set(key, org.login);
    needUser(`seed.orgs[${i}].owners`, org.owners);
    needUser(`seed.orgs[${i}].members`, org.members);
  });
  const repoNames = new Set<string>();
  (seed.repos ?? []).forEach((repo, i) => {
    if (!accounts.has(repo.owner.toLowerCase()))
      problems.push(
        `seed.repos[${i}].owner: "${repo.owner}" is neither a user nor an org of the seed`,
      );
    const full = `${repo.owner}/${repo.name}`.toLowerCase();
    if (repoNames.has(full))
      problems.push(`seed.repos[${i}]: "${repo.owner}/${repo.name}" appears twice`);
    repoNames.add(full);
    for (const role of ['admins', 'maintainers', 'writers', 'readers'] as const)
      needUser(`seed.repos[${i}].${role}`, repo[role]);
  });
  const appIds = new Set<number>();
  const installationIds = new Set<number>();
  (seed.apps ?? []).forEach((app, i) => {
    if (appIds.has(app.id)) problems.push(`seed.apps[${i}].id: ${app.id} appears twice`);
    appIds.add(app.id);
    try {
      createPublicKey(app.publicKeyPem);
    } catch (error) {
      problems.push(
        `seed.apps[${i}].publicKeyPem: not a PEM public key (${(error as Error).message})`,
      );
    }
    app.installations.forEach((installation, j) => {
      if (installationIds.has(installation.id))
        problems.push(`seed.apps[${i}].installations[${j}].id: ${installation.id} appears twice`);
      installationIds.add(installation.id);
      if (!accounts.has(installation.account.toLowerCase()))
        problems.push(
          `seed.apps[${i}].installations[${j}].account: "${installation.account}" is neither a user nor an org of the seed`,
        );
    });
  });
  return problems;
}
