import { z } from 'zod';
import { BYPASS_LIST_MAX_USERS, LOGIN_RULE } from '../../github/facts';
import type { FieldDefinition } from '../attributes';
import { describeAttributes, inputsObjectSchema } from '../attributes';
import { DEFAULT_BYPASS_USERS } from '../defaults';
import { BYPASS_USERS_DESCRIPTION, loginSchema, repositoryField } from '../fields';
import { checkBypassUsers } from './validate';

export const BYPASS_USERS_RULE = `a list of at most ${BYPASS_LIST_MAX_USERS} logins (${LOGIN_RULE})`;

/** The logins of a bypass list: GitHub logins, at most 100 (checked with element paths). */
export const bypassUsersSchema = z.array(loginSchema).max(BYPASS_LIST_MAX_USERS);

export const PR_BYPASS_LIST_FIELDS: readonly FieldDefinition[] = [
  repositoryField(undefined, 'The repository whose bypass list this is, `owner/name`.'),
  {
    name: 'users',
    schema: bypassUsersSchema,
    type: 'string_list',
    presence: 'optional',
    description: BYPASS_USERS_DESCRIPTION,
    expected: BYPASS_USERS_RULE,
    default: DEFAULT_BYPASS_USERS,
    check: checkBypassUsers,
  },
  {
    name: 'canonicalUsers',
    schema: z.array(z.string()),
    type: 'string_list',
    presence: 'computed',
    description: "The logins on GitHub's list, as GitHub spells them, in GitHub's order.",
    expected: 'a list of logins',
  },
];

export const PR_BYPASS_LIST_ATTRIBUTES = describeAttributes(PR_BYPASS_LIST_FIELDS);
export const PR_BYPASS_LIST_INPUTS_SCHEMA = inputsObjectSchema(PR_BYPASS_LIST_FIELDS);
