import type { AppRecord, InstallationRecord } from '../apps/model';
import { botLogin } from '../apps/model';
import type { UserRecord } from '../state/model';

/** Who sent a request, once the Authorization header is resolved. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly user: UserRecord }
  | {
      readonly kind: 'installation';
      readonly app: AppRecord;
      readonly installation: InstallationRecord;
    }
  | { readonly kind: 'app'; readonly app: AppRecord };

/** Who a request was from, for the request log. */
export function principalName(principal: Principal): string | null {
  switch (principal.kind) {
    case 'user':
      return principal.user.login;
    case 'installation':
      return botLogin(principal.app);
    case 'app':
      return `app:${principal.app.id}`;
    case 'anonymous':
      return null;
  }
}
