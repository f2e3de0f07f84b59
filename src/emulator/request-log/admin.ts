import type { AdminRouter } from '../admin/router';

/** `/_emulator/requests`: what the emulator answered, and how many times per endpoint. */
export function registerRequestLogAdminRoutes(admin: AdminRouter): void {
  const { log } = admin.runtime;
  admin.route('GET', '/requests', () => ({ status: 200, body: log.view() }));
  admin.route('DELETE', '/requests', () => {
    log.clear();
    return { status: 204 };
  });
}
