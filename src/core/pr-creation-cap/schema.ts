import { z } from 'zod';
import { MAX_OPEN_PULL_REQUESTS, MIN_OPEN_PULL_REQUESTS } from '../../github/facts';
import type { FieldDefinition } from '../attributes';
import { describeAttributes, inputsObjectSchema } from '../attributes';
import { DEFAULT_CAP_ENABLED, DEFAULT_INCLUDE_DRAFTS } from '../defaults';
import {
  MAX_OPEN_PULL_REQUESTS_DESCRIPTION,
  MAX_OPEN_PULL_REQUESTS_RULE,
  maxOpenPullRequestsSchema,
  organizationField,
  repositoryField,
} from '../fields';

export const CAP_SCOPE_FIELD_NAMES = ['organization', 'repository'] as const;

export const PR_CREATION_CAP_SCOPE_FIELDS: readonly FieldDefinition[] = [
  organizationField(CAP_SCOPE_FIELD_NAMES),
  repositoryField(CAP_SCOPE_FIELD_NAMES),
];

export const PR_CREATION_CAP_FIELDS: readonly FieldDefinition[] = [
  ...PR_CREATION_CAP_SCOPE_FIELDS,
  {
    name: 'enabled',
    schema: z.boolean(),
    type: 'boolean',
    presence: 'optional',
    description: 'Whether the cap is on. false switches it off (GitHub keeps no maximum then).',
    expected: 'true or false',
    default: DEFAULT_CAP_ENABLED,
  },
  {
    name: 'maxOpenPullRequests',
    schema: maxOpenPullRequestsSchema,
    type: 'number',
    presence: 'optional',
    description: MAX_OPEN_PULL_REQUESTS_DESCRIPTION,
    expected: MAX_OPEN_PULL_REQUESTS_RULE,
    minimum: MIN_OPEN_PULL_REQUESTS,
    maximum: MAX_OPEN_PULL_REQUESTS,
  },
  {
    name: 'includeDrafts',
    schema: z.boolean(),
    type: 'boolean',
    presence: 'optional',
    description:
      "Whether draft pull requests count toward the cap. By default they do not (GitHub's default).",
    expected: 'true or false',
    default: DEFAULT_INCLUDE_DRAFTS,
  },
  {
    name: 'available',
    schema: z.boolean(),
    type: 'boolean',
    presence: 'computed',
    description:
      'False when GitHub answers 405 for the cap: it is not offered for this organization or repository.',
    expected: 'true or false',
  },
];

export const PR_CREATION_CAP_ATTRIBUTES = describeAttributes(PR_CREATION_CAP_FIELDS);
export const PR_CREATION_CAP_INPUTS_SCHEMA = inputsObjectSchema(PR_CREATION_CAP_FIELDS);
