import { z } from 'zod';
import {
  BYPASS_USERS_DESCRIPTION,
  EXPIRY_DESCRIPTION,
  LIMIT_DESCRIPTION,
  MAX_OPEN_PULL_REQUESTS_DESCRIPTION,
  MAX_OPEN_PULL_REQUESTS_RULE,
  RENEW_DESCRIPTION,
  RENEW_WITHIN_DEFAULT_DESCRIPTION,
  RENEW_WITHIN_DESCRIPTION,
  UNTIL_DESCRIPTION,
  UNTIL_RULE,
  untilSchema,
} from '../core/fields';
import type { LimitType } from '../github/facts';
import {
  BYPASS_LIST_MAX_USERS,
  EXPIRIES,
  EXPIRY_MIN_SECONDS,
  LIMIT_TYPES,
  LOGIN_MAX_LENGTH,
  LOGIN_PATTERN,
  MAX_OPEN_PULL_REQUESTS,
  MIN_OPEN_PULL_REQUESTS,
  REPOSITORY_NAME_PATTERN,
} from '../github/facts';
import { DURATION_PATTERN } from './duration';

/**
 * The policy file's schema. It is the single source of the published JSON Schema
 * (`policyJsonSchema()`), so every field carries the title and description editors show.
 *
 * Error messages attached here are *expectations* ("an integer from 1 to 1000"): the loader
 * prefixes them with the field and the value received, see issues.ts.
 */

export const POLICY_VERSION = 1;

/** Values of `limit`: GitHub's three, and `none` (make sure there is no limit). */
export const LIMIT_VALUES = [...LIMIT_TYPES, 'none'] as const satisfies readonly (
  LimitType | 'none'
)[];

export const EXPIRY_VALUES = EXPIRIES;

export const VISIBILITY_VALUES = ['public', 'private', 'internal', 'all'] as const;

export {
  BYPASS_LIST_MAX_USERS as MAX_BYPASS_LIST_USERS,
  MAX_OPEN_PULL_REQUESTS,
  MIN_OPEN_PULL_REQUESTS,
};
const MAX_BYPASS_LIST_USERS = BYPASS_LIST_MAX_USERS;

/** Logins and repository names follow GitHub's rules, stated once in src/github/facts.ts. */
export { LOGIN_PATTERN, REPOSITORY_NAME_PATTERN };
const unanchored = (pattern: RegExp) => pattern.source.replace(/^\^/, '').replace(/\$$/, '');
export const FULL_NAME_PATTERN = new RegExp(
  `^(?=[^/]{1,${LOGIN_MAX_LENGTH}}/)${unanchored(LOGIN_PATTERN)}/${unanchored(REPOSITORY_NAME_PATTERN)}$`,
);
/** Name globs: the characters of a repository name plus `*`, `?`, `[`, `]`, `!`. */
const SOUND_SETS_EXPECTED =
  'a glob whose [sets] are closed, not empty, and whose ranges go up, such as [a-z] (not [z-a] or [!])';

/**
 * A glob whose character sets match something: `[z-a]` (a range going down) and `[!]`, `[]` (no
 * characters) would make a selector match nothing, silently; refuse them when the file is read.
 */
export function hasSoundSets(glob: string): boolean {
  for (let i = glob.indexOf('['); i !== -1; i = glob.indexOf('[', i + 1)) {
    const close = glob.indexOf(']', i + 1 + (glob[i + 1] === '!' ? 1 : 0) + 1);
    if (close === -1) return false;
    const body = glob.slice(glob[i + 1] === '!' ? i + 2 : i + 1, close);
    if (body.length === 0) return false;
    for (const [, from, to] of body.matchAll(/(.)-(.)/g)) if (from > to) return false;
    i = close;
  }
  return true;
}

export const NAME_GLOB_PATTERN = /^[A-Za-z0-9._*?[\]!-]{1,100}$/;
const EXCLUDE_PATTERN =
  /^(?:(?=[^/]{1,39}\/)[A-Za-z0-9](?:-?[A-Za-z0-9])*\/)?[A-Za-z0-9._*?[\]!-]{1,100}$/;
/** GitHub topics: lowercase letters, digits and hyphens, starting with a letter or digit. */
export const TOPIC_PATTERN = /^[a-z0-9][a-z0-9-]{0,49}$/;

const LOGIN_EXPECTED =
  'a GitHub login (letters, digits and single hyphens, not first or last, at most 39 characters)';
const ORG_EXPECTED =
  'an organization name (letters, digits and single hyphens, not first or last, at most 39 characters)';
const CAP_RANGE_EXPECTED = MAX_OPEN_PULL_REQUESTS_RULE;
const MAX_WINDOW_SECONDS = EXPIRY_MIN_SECONDS.six_months - 1;

const login = z
  .string({ error: LOGIN_EXPECTED })
  .max(LOGIN_MAX_LENGTH, { error: LOGIN_EXPECTED, abort: true })
  .regex(LOGIN_PATTERN, { error: LOGIN_EXPECTED });

const organizationName = z
  .string({ error: ORG_EXPECTED })
  .max(LOGIN_MAX_LENGTH, { error: ORG_EXPECTED, abort: true })
  .regex(LOGIN_PATTERN, { error: ORG_EXPECTED });

const limitValue = z.enum(LIMIT_VALUES).meta({
  title: 'Limit',
  description: `${LIMIT_DESCRIPTION} none: make sure there is no limit (removes one set in the UI).`,
});

const expiryValue = z.enum(EXPIRY_VALUES).meta({
  title: 'Expiry',
  description: `${EXPIRY_DESCRIPTION} Default: six_months.`,
  default: 'six_months',
});

const renewValue = z.boolean({ error: 'true or false' }).meta({
  title: 'Renew',
  description: `${RENEW_DESCRIPTION.replace('renewWithin', 'renew_within')} Default: true.`,
  default: true,
});

const DURATION_EXPECTED = 'a duration such as 12h, 3d, 1w or 1d12h, or a number of seconds';
const renewWithinValue = z
  .union(
    [
      z
        .int({ error: DURATION_EXPECTED })
        .min(1, { error: DURATION_EXPECTED })
        .max(MAX_WINDOW_SECONDS, { error: 'less than the longest expiry (six_months)' }),
      z.string({ error: DURATION_EXPECTED }).regex(DURATION_PATTERN, { error: DURATION_EXPECTED }),
    ],
    { error: DURATION_EXPECTED },
  )
  .meta({
    title: 'Renew within',
    description: `${RENEW_WITHIN_DESCRIPTION} Default: ${RENEW_WITHIN_DEFAULT_DESCRIPTION}.`,
    examples: ['3d', '12h', 86400],
  });

const untilValue = z.union([untilSchema], { error: UNTIL_RULE }).meta({
  title: 'Until',
  description:
    `${UNTIL_DESCRIPTION} Required with renew: false: the CLI keeps no state, so only until tells a ` +
    'one-off limit that lapsed from one never applied.',
  examples: ['2026-12-01T00:00:00Z', '2026-12-01'],
});

function interactionLimit(limitRequired: boolean) {
  return z
    .strictObject(
      {
        limit: limitRequired ? limitValue : limitValue.optional(),
        expiry: expiryValue.optional(),
        renew: renewValue.optional(),
        renew_within: renewWithinValue.optional(),
        until: untilValue.optional(),
      },
      { error: 'a mapping with limit, expiry, renew, renew_within and until' },
    )
    .superRefine((value, ctx) => {
      if (value.limit !== 'none') return;
      for (const key of ['expiry', 'renew', 'renew_within', 'until'] as const) {
        if (value[key] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `has no effect with limit none (there is no limit to expire or renew); remove it`,
          });
        }
      }
    });
}

/** In `organizations` and `user`: complete, `limit` required. */
export const InteractionLimitSchema = interactionLimit(true).meta({
  id: 'InteractionLimit',
  title: 'Interaction limit',
  description:
    'An interaction limit, kept in force: set with the given expiry, renewed before it lapses.',
});

/** In repository entries and `defaults`: fields missing here are taken from `defaults`. */
export const RepositoryInteractionLimitSchema = interactionLimit(false).meta({
  id: 'RepositoryInteractionLimit',
  title: 'Repository interaction limit',
  description:
    'An interaction limit for each repository of the entry, kept in force. Fields left out are ' +
    'taken from defaults.interaction_limit; limit is required in one of the two.',
});

export const BypassListSchema = z
  .array(login, { error: 'a list of GitHub logins' })
  .max(MAX_BYPASS_LIST_USERS, {
    error: `at most ${MAX_BYPASS_LIST_USERS} logins (GitHub's limit for a bypass list)`,
  })
  .superRefine((users, ctx) => {
    const seen = new Map<string, number>();
    users.forEach((user, index) => {
      if (typeof user !== 'string') return;
      const first = seen.get(user.toLowerCase());
      if (first === undefined) {
        seen.set(user.toLowerCase(), index);
      } else {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `"${user}" is listed twice (also at [${first}]: "${users[first]}"); logins are case-insensitive, list each once`,
        });
      }
    });
  })
  .meta({
    id: 'PrBypassList',
    title: 'Pull-request creation-cap bypass list',
    description: `${BYPASS_USERS_DESCRIPTION} [] empties the list.`,
  });

const CAP_FORMS_EXPECTED =
  'false, "disabled", or a mapping with enabled, max_open_pull_requests and include_drafts';
export const CreationCapSchema = z
  .union(
    [
      z.literal([false, 'disabled']),
      z
        .strictObject(
          {
            enabled: z.boolean({ error: 'true or false' }).optional().meta({
              description: 'Whether the cap applies. Default: true.',
              default: true,
            }),
            max_open_pull_requests: z
              .int({ error: CAP_RANGE_EXPECTED })
              .min(MIN_OPEN_PULL_REQUESTS, { error: CAP_RANGE_EXPECTED })
              .max(MAX_OPEN_PULL_REQUESTS, { error: CAP_RANGE_EXPECTED })
              .optional()
              .meta({
                description: MAX_OPEN_PULL_REQUESTS_DESCRIPTION,
              }),
            include_drafts: z.boolean({ error: 'true or false' }).optional().meta({
              description:
                "Whether draft pull requests count toward the cap. Default: false (GitHub's default: drafts do not count).",
              default: false,
            }),
          },
          { error: CAP_FORMS_EXPECTED },
        )
        .superRefine((cap, ctx) => {
          if (cap.enabled !== false && cap.max_open_pull_requests === undefined) {
            ctx.addIssue({
              code: 'custom',
              message: `max_open_pull_requests is missing; an enabled cap needs ${CAP_RANGE_EXPECTED} (or write false to disable the cap)`,
            });
          }
        }),
    ],
    { error: CAP_FORMS_EXPECTED },
  )
  .meta({
    id: 'PrCreationCap',
    title: 'Pull-request creation cap',
    description:
      'Caps how many pull requests a user without write access may have open. ' +
      '{ max_open_pull_requests: N } enables it (N from 1 to 1000); false or "disabled" turns it off.',
  });

const repositoryKinds = {
  interaction_limit: RepositoryInteractionLimitSchema.optional(),
  pr_bypass_list: BypassListSchema.optional(),
  pr_creation_cap: CreationCapSchema.optional(),
};

const TOPICS_EXPECTED = 'a list of topics (lowercase letters, digits and hyphens)';
const topicList = z.array(
  z
    .string({ error: 'a topic (lowercase letters, digits and hyphens)' })
    .regex(TOPIC_PATTERN, { error: 'a topic (lowercase letters, digits and hyphens)' }),
  { error: TOPICS_EXPECTED },
);

const NAME_GLOB_EXPECTED = 'a repository name or a glob (*, ?, [abc]) on repository names';
export const SelectorSchema = z
  .strictObject(
    {
      organization: organizationName.optional().meta({
        description: 'Select repositories of this organization (or give user).',
      }),
      user: login.optional().meta({
        description: 'Select public repositories this user owns (or give organization).',
      }),
      names: z
        .array(
          z
            .string({ error: NAME_GLOB_EXPECTED })
            .regex(NAME_GLOB_PATTERN, { error: NAME_GLOB_EXPECTED, abort: true })
            .refine(hasSoundSets, {
              error: (issue) =>
                `${JSON.stringify(issue.input)} is not allowed; expected ${SOUND_SETS_EXPECTED}`,
            }),
          { error: 'a list of repository names or globs' },
        )
        .min(1, { error: 'at least one name or glob (leave names out to select every name)' })
        .optional()
        .meta({
          description:
            'Repository names or globs (*, ?, [abc]; case-insensitive), any of which must match. ' +
            'Default: every name.',
          examples: [['*'], ['api-*', 'docs']],
        }),
      exclude: z
        .array(
          z
            .string({ error: 'a repository name, owner/name, or a glob' })
            .regex(EXCLUDE_PATTERN, {
              error: 'a repository name, owner/name, or a glob',
              abort: true,
            })
            .refine(hasSoundSets, {
              error: (issue) =>
                `${JSON.stringify(issue.input)} is not allowed; expected ${SOUND_SETS_EXPECTED}`,
            }),
          { error: 'a list of repository names or globs' },
        )
        .optional()
        .meta({
          description:
            'Repositories never selected: names, owner/name, or globs (case-insensitive).',
          examples: [['legacy', 'sandbox-*']],
        }),
      topics: z
        .strictObject(
          {
            any: topicList.optional().meta({
              description: 'A repository must have at least one of these topics.',
            }),
            all: topicList
              .optional()
              .meta({ description: 'A repository must have every one of these topics.' }),
          },
          { error: 'a mapping with any and/or all' },
        )
        .superRefine((topics, ctx) => {
          if (!topics.any?.length && !topics.all?.length) {
            ctx.addIssue({
              code: 'custom',
              message: 'selects nothing by topic; give any, all, or both, each with topics',
            });
          }
        })
        .optional()
        .meta({ description: 'Topic conditions; both must hold when both are given.' }),
      visibility: z
        .enum(VISIBILITY_VALUES)
        .optional()
        .meta({
          description:
            'Which repositories by visibility. Default: public (interaction limits only apply to ' +
            'public repositories).',
          default: 'public',
        }),
      include_archived: z
        .boolean({ error: 'true or false' })
        .optional()
        .meta({ description: 'Select archived repositories too. Default: false.', default: false }),
      include_forks: z
        .boolean({ error: 'true or false' })
        .optional()
        .meta({ description: 'Select forks too. Default: false.', default: false }),
    },
    { error: 'a mapping with organization or user, and conditions' },
  )
  .superRefine((selector, ctx) => {
    if ((selector.organization === undefined) === (selector.user === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          selector.organization === undefined
            ? 'names no owner; give organization: NAME or user: LOGIN'
            : 'names both organization and user; give exactly one',
      });
    }
  })
  .meta({
    id: 'RepositorySelector',
    title: 'Repository selector',
    description:
      'Selects repositories of one organization or user through the API: by name glob and ' +
      'topics, minus exclusions. Only public, non-archived, non-fork repositories unless asked.',
  });

export const RepositoryEntrySchema = z
  .strictObject(
    {
      repository: z
        .string({ error: 'owner/name of a repository' })
        .regex(FULL_NAME_PATTERN, { error: 'owner/name of a repository' })
        .optional()
        .meta({
          description:
            'One repository, owner/name. Its settings take precedence over selectors matching it.',
          examples: ['acme/website'],
        }),
      select: SelectorSchema.optional(),
      ...repositoryKinds,
    },
    { error: 'a mapping with repository or select, and settings' },
  )
  .superRefine((entry, ctx) => {
    if ((entry.repository === undefined) === (entry.select === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          entry.repository === undefined
            ? 'names no repository; give repository: OWNER/NAME or select: {…}'
            : 'has both repository and select; an entry names one repository or selects many, split it in two',
      });
    }
  })
  .meta({
    id: 'RepositoryEntry',
    title: 'Repository entry',
    description:
      'One repository (repository: owner/name) or a selection (select: {…}), and the settings ' +
      'for it: interaction_limit, pr_bypass_list, pr_creation_cap.',
  });

export const OrganizationSchema = z
  .strictObject(
    {
      interaction_limit: InteractionLimitSchema.optional(),
      pr_creation_cap: CreationCapSchema.optional(),
    },
    { error: 'a mapping with interaction_limit and/or pr_creation_cap' },
  )
  .meta({
    id: 'Organization',
    title: 'Organization',
    description:
      "The organization's own interaction limit (in force on all its repositories: a " +
      'repository limit cannot be declared beside it) and pull-request creation cap.',
  });

export const UserSchema = z
  .strictObject(
    {
      login: login.optional().meta({
        description: "The token's user; when given, the token must belong to it.",
      }),
      interaction_limit: InteractionLimitSchema,
    },
    { error: 'a mapping with interaction_limit (and optionally login)' },
  )
  .meta({
    id: 'User',
    title: "The token's user",
    description:
      "An interaction limit on all public repositories of the token's user. A repository limit " +
      "cannot be declared beside it for that user's repositories.",
  });

export const DefaultsSchema = z
  .strictObject(repositoryKinds, {
    error: 'a mapping with interaction_limit, pr_bypass_list and/or pr_creation_cap',
  })
  .meta({
    id: 'Defaults',
    title: 'Defaults for repository entries',
    description:
      'Settings for every repository entry. An entry (or a selector matching the repository) ' +
      'that declares a kind replaces it; an entry interaction_limit takes the fields it leaves ' +
      'out (expiry, renew, renew_within, even limit) from here.',
  });

export const PolicySchema = z
  .strictObject(
    {
      $schema: z
        .string({ error: 'a string' })
        .optional()
        .meta({ description: 'The JSON Schema of this file, for editors. Ignored.' }),
      version: z.literal(POLICY_VERSION, { error: `${POLICY_VERSION}` }).meta({
        description: 'The policy format version. Always 1.',
      }),
      organizations: z
        .record(organizationName, OrganizationSchema, {
          error: 'a mapping from organization name to its settings',
        })
        .optional()
        .meta({
          title: 'Organizations',
          description: 'Organization-wide settings, keyed by organization name.',
        }),
      user: UserSchema.optional(),
      defaults: DefaultsSchema.optional(),
      repositories: z
        .array(RepositoryEntrySchema, { error: 'a list of repository entries' })
        .optional()
        .meta({
          title: 'Repositories',
          description:
            'Repositories named explicitly or selected, with their settings. Precedence for each ' +
            'kind of setting: an explicit entry, then selectors (which must agree), then defaults.',
        }),
    },
    { error: 'a mapping with version: 1' },
  )
  .meta({
    title: 'gh-interactions policy',
    description:
      'GitHub interaction limits, pull-request creation caps and bypass lists, as code ' +
      '(gh-interactions validate|plan|apply|drift). Reference: docs/policy.md of the ' +
      'gh-interactions package.',
  });

export type PolicyDocument = z.output<typeof PolicySchema>;
export type RepositoryEntryDocument = z.output<typeof RepositoryEntrySchema>;
export type InteractionLimitDocument = z.output<typeof RepositoryInteractionLimitSchema>;
export type CreationCapDocument = z.output<typeof CreationCapSchema>;
