/**
 * One organization's interaction settings, kept in force by `pulumi up` (Pulumi.yaml at the
 * repository root runs this program; docs/pulumi.md walks through it).
 *
 * Stack configuration (defaults in Pulumi.yaml):
 *   organization         the organization                       (acme)
 *   repositories         the repositories to give a bypass list  ([website, api, docs])
 *   maxOpenPullRequests  the organization's creation cap          (3)
 *   bypassLists          per repository, the logins that bypass the cap, e.g.
 *                        pulumi config set --path 'bypassLists.website[0]' hubot
 *   github:token         the token (secret), or GITHUB_TOKEN; github:baseUrl for GHES
 */
import * as pulumi from '@pulumi/pulumi';
import { InteractionLimit, PrBypassList, PrCreationCap } from 'gh-interactions/pulumi';

const config = new pulumi.Config();
const organization = config.get('organization') ?? 'acme';
const repositories = config.getObject<string[]>('repositories') ?? ['website', 'api', 'docs'];
const bypassLists = config.getObject<Record<string, string[]>>('bypassLists') ?? {
  website: ['hubot', 'jdoe'],
};

// Everyone without a contribution history waits 24 hours before interacting anywhere in the
// organization. An organization limit overrides (and clears) repository limits, so this stack
// declares none: GitHub would refuse them while this one is in force.
const orgWide = new InteractionLimit('org-wide', {
  organization,
  limit: 'existing_users',
  expiry: 'one_month', // renewed by `pulumi up` within 7 days of expiring
});

// At most N open pull requests per user without write access, on every repository.
new PrCreationCap('creation-cap', {
  organization,
  enabled: true,
  maxOpenPullRequests: config.getNumber('maxOpenPullRequests') ?? 3,
});

// Who may open pull requests whatever the cap says, per repository: authoritative lists.
const lists = repositories.map(
  (name) =>
    new PrBypassList(`${name}-bypass`, {
      repository: `${organization}/${name}`,
      users: bypassLists[name] ?? [],
    }),
);

export const orgLimitExpiresAt = orgWide.expiresAt;
export const bypassUsers = Object.fromEntries(
  lists.map((list, i) => [repositories[i], list.canonicalUsers]),
);
