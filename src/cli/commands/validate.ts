import { loadPolicyFile } from '../../policy';
import type { CliIO } from '../io';
import { refuseSavedPlan } from '../plan-file';
import { EXIT_OK, writeLine } from '../io';

export interface ValidateOptions {
  readonly policy: string;
}

/** Offline: the schema and the contradictions that can be seen without GitHub. */
export async function validateCommand(io: CliIO, options: ValidateOptions): Promise<number> {
  await refuseSavedPlan(options.policy, 'validate');
  const policy = await loadPolicyFile(options.policy);
  const repositories = policy.repositories.length;
  const parts = [
    `${policy.organizations.length} organization${policy.organizations.length === 1 ? '' : 's'}`,
    policy.user ? 'the user limit' : undefined,
    `${repositories} repository entr${repositories === 1 ? 'y' : 'ies'}`,
  ].filter(Boolean);
  writeLine(io.stdout, `${options.policy} is valid: ${parts.join(', ')}.`);
  return EXIT_OK;
}
