import type { AdminRouter } from '../admin/router';
import { AdminError, adminParam, parseAdminBody } from '../admin/router';
import { faultSpecSchema } from './registry';

/** `/_emulator/faults`: add, list, remove one, clear all. Admin routes are never affected. */
export function registerFaultAdminRoutes(admin: AdminRouter): void {
  const { faults } = admin.runtime;
  admin.route('GET', '/faults', () => ({ status: 200, body: { faults: faults.list() } }));
  admin.route('POST', '/faults', (request) => {
    const spec = parseAdminBody(request, faultSpecSchema, 'fault');
    if (spec.kind === 'status' && spec.status === undefined) {
      throw new AdminError(400, 'fault: a "status" fault needs [status], e.g. 502.');
    }
    return { status: 201, body: { id: faults.add(spec).id } };
  });
  admin.route('DELETE', '/faults', () => {
    faults.clear();
    return { status: 204 };
  });
  admin.route('DELETE', '/faults/:id', (request) => {
    if (!faults.remove(adminParam(request, 'id'))) {
      throw new AdminError(404, `No fault "${adminParam(request, 'id')}".`);
    }
    return { status: 204 };
  });
}
