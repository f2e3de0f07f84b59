/** Bad policies and the exact problems `validate` reports for each (file bad.yaml). */
export const BAD_POLICIES: ReadonlyArray<{ name: string; yaml: string; problems: string[] }> = [
  {
    name: 'malformed YAML: an unclosed flow sequence',
    yaml: `version: 1
repositories: [
  { repository: acme/api
`,
    problems: [
      'bad.yaml:4:1: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
      'bad.yaml:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    name: 'malformed YAML: bad indentation',
    yaml: `version: 1
repositories:
  - repository: acme/api
     interaction_limit:
      limit: existing_users
`,
    problems: [
      'bad.yaml:3:17: YAML syntax error: Nested mappings are not allowed in compact mappings',
      'bad.yaml:3:17: YAML syntax error: Implicit keys need to be on a single line',
    ],
  },
  {
    name: 'a duplicate key',
    yaml: `version: 1
organizations:
  acme:
    pr_creation_cap: false
  acme:
    pr_creation_cap: disabled
`,
    problems: ['bad.yaml:5:3: duplicate key acme: each key may appear once in a mapping'],
  },
  {
    name: 'an empty file',
    yaml: ``,
    problems: ['bad.yaml:1:1: an empty value is not allowed; expected a mapping with version: 1'],
  },
  {
    name: 'a list at the top',
    yaml: `- version: 1
`,
    problems: ['bad.yaml:1:1: a list of 1 item is not allowed; expected a mapping with version: 1'],
  },
  {
    name: 'a missing version',
    yaml: `repositories:
  - repository: acme/api
    pr_creation_cap: false
`,
    problems: ['bad.yaml:1:1: version: is missing; expected 1'],
  },
  {
    name: 'a wrong version',
    yaml: `version: 2
`,
    problems: ['bad.yaml:1:10: version: 2 is not allowed; expected 1'],
  },
  {
    name: 'a version as a string',
    yaml: `version: "1"
`,
    problems: ['bad.yaml:1:10: version: "1" is not allowed; expected 1'],
  },
  {
    name: 'unknown keys',
    yaml: `version: 1
repository:
  - repository: acme/api
organizations:
  acme:
    pr_creation_caps: false
    bypass: [hubot]
`,
    problems: [
      'bad.yaml:2:1: repository: unknown key (did you mean repositories?); allowed here: $schema, version, organizations, user, defaults, repositories',
      'bad.yaml:6:5: organizations.acme.pr_creation_caps: unknown key (did you mean pr_creation_cap?); allowed here: interaction_limit, pr_creation_cap',
      'bad.yaml:7:5: organizations.acme.bypass: unknown key; allowed here: interaction_limit, pr_creation_cap',
    ],
  },
  {
    name: 'an unknown key in a limit and a bad enum',
    yaml: `version: 1
repositories:
  - repository: acme/api
    interaction_limit:
      limit: everyone
      expires: one_day
      expiry: two_days
`,
    problems: [
      'bad.yaml:5:14: repositories[0].interaction_limit.limit: "everyone" is not allowed; expected one of existing_users, contributors_only, collaborators_only, none',
      'bad.yaml:6:7: repositories[0].interaction_limit.expires: unknown key (did you mean expiry?); allowed here: limit, expiry, renew, renew_within, until',
      'bad.yaml:7:15: repositories[0].interaction_limit.expiry: "two_days" is not allowed; expected one of one_day, three_days, one_week, one_month, six_months',
    ],
  },
  {
    name: 'a limit written as a string',
    yaml: `version: 1
repositories:
  - repository: acme/api
    interaction_limit: contributors_only
`,
    problems: [
      'bad.yaml:4:24: repositories[0].interaction_limit: "contributors_only" is not allowed; expected a mapping with limit, expiry, renew, renew_within and until',
    ],
  },
  {
    name: '101 logins',
    yaml: `version: 1
repositories:
  - repository: acme/api
    pr_bypass_list: [${Array.from({ length: 101 }, (_, i) => `user${i}`).join(', ')}]
`,
    problems: [
      "bad.yaml:4:21: repositories[0].pr_bypass_list: a list of 101 items is not allowed; expected at most 100 logins (GitHub's limit for a bypass list)",
    ],
  },
  {
    name: 'invalid logins',
    yaml: `version: 1
repositories:
  - repository: acme/api
    pr_bypass_list:
      - -hubot
      - jane doe
      - a-very-long-login-name-that-github-would-refuse
      - double--hyphen
      - 42
`,
    problems: [
      'bad.yaml:5:9: repositories[0].pr_bypass_list[0]: "-hubot" is not allowed; expected a GitHub login (letters, digits and single hyphens, not first or last, at most 39 characters)',
      'bad.yaml:6:9: repositories[0].pr_bypass_list[1]: "jane doe" is not allowed; expected a GitHub login (letters, digits and single hyphens, not first or last, at most 39 characters)',
      'bad.yaml:7:9: repositories[0].pr_bypass_list[2]: "a-very-long-login-name-that-github-would-refuse" is not allowed; expected a GitHub login (letters, digits and single hyphens, not first or last, at most 39 characters)',
      'bad.yaml:8:9: repositories[0].pr_bypass_list[3]: "double--hyphen" is not allowed; expected a GitHub login (letters, digits and single hyphens, not first or last, at most 39 characters)',
      'bad.yaml:9:9: repositories[0].pr_bypass_list[4]: 42 is not allowed; expected a GitHub login (letters, digits and single hyphens, not first or last, at most 39 characters)',
    ],
  },
  {
    name: 'duplicate logins ignoring case',
    yaml: `version: 1
repositories:
  - repository: acme/api
    pr_bypass_list: [hubot, jdoe, HUBOT, Jdoe]
`,
    problems: [
      'bad.yaml:4:35: repositories[0].pr_bypass_list[2]: "HUBOT" is listed twice (also at [0]: "hubot"); logins are case-insensitive, list each once',
      'bad.yaml:4:42: repositories[0].pr_bypass_list[3]: "Jdoe" is listed twice (also at [1]: "jdoe"); logins are case-insensitive, list each once',
    ],
  },
  {
    name: 'caps out of range',
    yaml: `version: 1
organizations:
  acme:
    pr_creation_cap: { max_open_pull_requests: 0 }
repositories:
  - repository: acme/api
    pr_creation_cap: { max_open_pull_requests: 1001 }
  - repository: acme/docs
    pr_creation_cap: { max_open_pull_requests: 2.5 }
  - repository: acme/website
    pr_creation_cap: true
  - repository: acme/internal
    pr_creation_cap: { enabled: true }
`,
    problems: [
      'bad.yaml:4:48: organizations.acme.pr_creation_cap.max_open_pull_requests: 0 is not allowed; expected an integer from 1 to 1000',
      'bad.yaml:7:48: repositories[0].pr_creation_cap.max_open_pull_requests: 1001 is not allowed; expected an integer from 1 to 1000',
      'bad.yaml:9:48: repositories[1].pr_creation_cap.max_open_pull_requests: 2.5 is not allowed; expected an integer from 1 to 1000',
      'bad.yaml:11:22: repositories[2].pr_creation_cap: true is not allowed; expected false, "disabled", or a mapping with enabled, max_open_pull_requests and include_drafts',
      'bad.yaml:13:22: repositories[3].pr_creation_cap: max_open_pull_requests is missing; an enabled cap needs an integer from 1 to 1000 (or write false to disable the cap)',
    ],
  },
  {
    name: 'renew_within not shorter than the expiry',
    yaml: `version: 1
repositories:
  - repository: acme/api
    interaction_limit:
      limit: existing_users
      expiry: one_week
      renew_within: 1w
  - repository: acme/docs
    interaction_limit:
      limit: existing_users
      expiry: one_day
      renew_within: 86400
`,
    problems: [
      'bad.yaml:7:21: repositories[0].interaction_limit.renew_within: "1w" is not shorter than expiry one_week (1w); a fresh limit would already be due for renewal and be renewed on every run; use a renew_within shorter than the expiry, or a longer expiry',
      'bad.yaml:12:21: repositories[1].interaction_limit.renew_within: 86400 seconds (1d) is not shorter than expiry one_day (1d); a fresh limit would already be due for renewal and be renewed on every run; use a renew_within shorter than the expiry, or a longer expiry',
    ],
  },
  {
    name: 'renew_within that is no duration',
    yaml: `version: 1
repositories:
  - repository: acme/website
    interaction_limit:
      limit: existing_users
      renew_within: 0
  - repository: acme/internal
    interaction_limit:
      limit: existing_users
      renew_within: 3 days
  - repository: acme/docs
    interaction_limit:
      limit: existing_users
      renew: yes
`,
    problems: [
      'bad.yaml:6:21: repositories[0].interaction_limit.renew_within: 0 is not allowed; expected a duration such as 12h, 3d, 1w or 1d12h, or a number of seconds',
      'bad.yaml:10:21: repositories[1].interaction_limit.renew_within: "3 days" is not allowed; expected a duration such as 12h, 3d, 1w or 1d12h, or a number of seconds',
      'bad.yaml:14:14: repositories[2].interaction_limit.renew: "yes" is not allowed; expected true or false',
    ],
  },
  {
    name: 'a renew_within in defaults longer than an entry expiry',
    yaml: `version: 1
defaults:
  interaction_limit:
    renew_within: 3d
repositories:
  - repository: acme/api
    interaction_limit:
      limit: existing_users
      expiry: one_day
`,
    problems: [
      'bad.yaml:9:15: repositories[0].interaction_limit.expiry: one_day (1d) is not longer than renew_within "3d" from defaults.interaction_limit.renew_within (bad.yaml:4:19); a fresh limit would already be due for renewal and be renewed on every run; use a renew_within shorter than the expiry, or a longer expiry',
    ],
  },
  {
    name: 'settings with limit none',
    yaml: `version: 1
repositories:
  - repository: acme/api
    interaction_limit:
      limit: none
      expiry: one_day
      renew: false
`,
    problems: [
      'bad.yaml:6:15: repositories[0].interaction_limit.expiry: has no effect with limit none (there is no limit to expire or renew); remove it',
      'bad.yaml:7:14: repositories[0].interaction_limit.renew: has no effect with limit none (there is no limit to expire or renew); remove it',
    ],
  },
  {
    name: 'entries that name no repository, or two ways',
    yaml: `version: 1
repositories:
  - interaction_limit: { limit: existing_users }
  - repository: acme/api
    select: { organization: acme }
    pr_creation_cap: false
  - select: { names: [api] }
    pr_creation_cap: false
  - repository: acme
    pr_creation_cap: false
`,
    problems: [
      'bad.yaml:3:5: repositories[0]: names no repository; give repository: OWNER/NAME or select: {…}',
      'bad.yaml:4:5: repositories[1]: has both repository and select; an entry names one repository or selects many, split it in two',
      'bad.yaml:7:13: repositories[2].select: names no owner; give organization: NAME or user: LOGIN',
      'bad.yaml:9:17: repositories[3].repository: "acme" is not allowed; expected owner/name of a repository',
    ],
  },
  {
    name: 'a selector with bad conditions',
    yaml: `version: 1
repositories:
  - select:
      organization: acme
      topics: { any: [Backend] }
      visibility: secret
      include_archived: "yes"
      exclude: [other/legacy]
    pr_creation_cap: false
`,
    problems: [
      'bad.yaml:5:23: repositories[0].select.topics.any[0]: "Backend" is not allowed; expected a topic (lowercase letters, digits and hyphens)',
      'bad.yaml:6:19: repositories[0].select.visibility: "secret" is not allowed; expected one of public, private, internal, all',
      'bad.yaml:7:25: repositories[0].select.include_archived: "yes" is not allowed; expected true or false',
    ],
  },
  {
    name: 'an entry that declares nothing, and a limit with no limit',
    yaml: `version: 1
repositories:
  - repository: acme/api
  - repository: acme/docs
    interaction_limit:
      expiry: one_week
`,
    problems: [
      'bad.yaml:3:5: repositories[0]: declares nothing to manage; give interaction_limit, pr_bypass_list or pr_creation_cap (or declare defaults)',
      'bad.yaml:6:7: repositories[1].interaction_limit.limit: is missing (and defaults.interaction_limit has none); expected one of existing_users, contributors_only, collaborators_only, none',
    ],
  },
  {
    name: 'an organization that declares nothing',
    yaml: `version: 1
organizations:
  acme: {}
  octo-org:
    pr_creation_cap: false
`,
    problems: [
      'bad.yaml:3:9: organizations.acme: declares nothing; give interaction_limit, pr_creation_cap or both',
    ],
  },
  {
    name: 'the same repository twice',
    yaml: `version: 1
repositories:
  - repository: acme/api
    pr_creation_cap: false
  - repository: ACME/Api
    interaction_limit: { limit: existing_users }
`,
    problems: [
      'bad.yaml:5:5: repositories[1].repository: "ACME/Api" is already declared by repositories[0] (bad.yaml:3:5); repository names are case-insensitive, merge the two entries',
    ],
  },
  {
    name: 'the same organization twice, ignoring case',
    yaml: `version: 1
organizations:
  acme:
    pr_creation_cap: false
  ACME:
    interaction_limit: { limit: existing_users }
`,
    problems: [
      'bad.yaml:5:3: organizations.ACME: duplicates organizations.acme (bad.yaml:3:3); organization names are case-insensitive, declare each once',
    ],
  },
  {
    name: 'repository limits under a declared organization limit',
    yaml: `version: 1
organizations:
  acme:
    interaction_limit: { limit: collaborators_only }
repositories:
  - repository: acme/website
    interaction_limit: { limit: contributors_only }
  - repository: acme/api
    interaction_limit: { limit: none }
  - select: { organization: acme }
    interaction_limit: { limit: existing_users }
  - repository: acme/docs
    pr_creation_cap: false
`,
    problems: [
      "bad.yaml:7:5: repositories[0].interaction_limit: declares an interaction limit for acme/website, but organizations.acme.interaction_limit (bad.yaml:4:5) is in force on every repository of acme: setting it wipes the limits of acme's public repositories, and GitHub refuses to set or remove a repository limit under it (409 Conflict). Keep one of the two",
      "bad.yaml:9:5: repositories[1].interaction_limit: declares that acme/api has no interaction limit, but organizations.acme.interaction_limit (bad.yaml:4:5) is in force on every repository of acme: setting it wipes the limits of acme's public repositories, and GitHub refuses to set or remove a repository limit under it (409 Conflict). Keep one of the two",
      "bad.yaml:11:5: repositories[2].interaction_limit: declares an interaction limit for the acme repositories it selects, but organizations.acme.interaction_limit (bad.yaml:4:5) is in force on every repository of acme: setting it wipes the limits of acme's public repositories, and GitHub refuses to set or remove a repository limit under it (409 Conflict). Keep one of the two",
    ],
  },
  {
    name: 'defaults giving a limit under a declared organization limit',
    yaml: `version: 1
organizations:
  acme:
    interaction_limit: { limit: collaborators_only }
defaults:
  interaction_limit: { limit: existing_users }
repositories:
  - repository: acme/website
    pr_creation_cap: false
`,
    problems: [
      "bad.yaml:8:5: repositories[0]: gives acme/website defaults.interaction_limit (bad.yaml:6:3), but organizations.acme.interaction_limit (bad.yaml:4:5) is in force on every repository of acme: setting it wipes the limits of acme's public repositories, and GitHub refuses to set or remove a repository limit under it (409 Conflict). Keep one of the two",
    ],
  },
  {
    name: 'a repository limit under the named user limit',
    yaml: `version: 1
user:
  login: octocat
  interaction_limit: { limit: existing_users }
repositories:
  - repository: Octocat/hello-world
    interaction_limit: { limit: collaborators_only }
`,
    problems: [
      "bad.yaml:7:5: repositories[0].interaction_limit: declares an interaction limit for Octocat/hello-world, but user.interaction_limit (bad.yaml:4:3) is in force on every repository of octocat: setting it wipes the limits of octocat's public repositories, and GitHub refuses to set or remove a repository limit under it (409 Conflict). Keep one of the two",
    ],
  },
];
