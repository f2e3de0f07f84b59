import { z } from 'zod';
import type { FieldDefinition } from '../attributes';
import { describeAttributes, inputsObjectSchema } from '../attributes';
import { DEFAULT_RENEWAL_ENABLED } from '../defaults';
import {
  DURATION_EXPECTED,
  EXPIRY_FIELD,
  LIMIT_FIELD,
  RENEW_DESCRIPTION,
  RENEW_WITHIN_DEFAULT_DESCRIPTION,
  RENEW_WITHIN_DESCRIPTION,
  UNTIL_DESCRIPTION,
  UNTIL_RULE,
  durationSchema,
  organizationField,
  repositoryField,
  untilSchema,
  userField,
} from '../fields';

/** The scope attributes of an InteractionLimit: exactly one is set. */
export const LIMIT_SCOPE_FIELDS = ['organization', 'repository', 'user'] as const;

export const INTERACTION_LIMIT_SCOPE_FIELDS: readonly FieldDefinition[] = [
  organizationField(LIMIT_SCOPE_FIELDS),
  repositoryField(LIMIT_SCOPE_FIELDS),
  userField(LIMIT_SCOPE_FIELDS),
];

/** Every attribute of an InteractionLimit, defined once. */
export const INTERACTION_LIMIT_FIELDS: readonly FieldDefinition[] = [
  ...INTERACTION_LIMIT_SCOPE_FIELDS,
  LIMIT_FIELD,
  EXPIRY_FIELD,
  {
    name: 'renew',
    schema: z.boolean(),
    type: 'boolean',
    presence: 'optional',
    description: RENEW_DESCRIPTION,
    expected: 'true or false',
    default: DEFAULT_RENEWAL_ENABLED,
  },
  {
    name: 'renewWithin',
    schema: durationSchema,
    type: 'string_or_number',
    presence: 'optional',
    description: RENEW_WITHIN_DESCRIPTION,
    expected: DURATION_EXPECTED,
    defaultDescription: RENEW_WITHIN_DEFAULT_DESCRIPTION,
  },
  {
    name: 'until',
    schema: untilSchema,
    type: 'string',
    presence: 'optional',
    description: UNTIL_DESCRIPTION,
    expected: UNTIL_RULE,
  },
  {
    name: 'origin',
    schema: z.string(),
    type: 'string',
    presence: 'computed',
    description:
      "GitHub's origin of the limit in force at the scope: organization, repository or user. " +
      'A repository limit whose origin is not repository is overridden by its owner. Null when no limit is in force.',
    expected: 'a string',
  },
  {
    name: 'expiresAt',
    schema: z.string(),
    type: 'string',
    presence: 'computed',
    description:
      "GitHub's expires_at of the limit in force (ISO-8601): when it lapses unless renewed. Null when no limit is in force.",
    expected: 'an ISO-8601 timestamp',
  },
];

export const INTERACTION_LIMIT_ATTRIBUTES = describeAttributes(INTERACTION_LIMIT_FIELDS);
export const INTERACTION_LIMIT_INPUTS_SCHEMA = inputsObjectSchema(INTERACTION_LIMIT_FIELDS);
