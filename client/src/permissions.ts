import { can as matrixAllows, type Action } from '../../server/contract/accounts/permission-matrix.js';
import type { UserView as User } from '../../server/contract/accounts/account.schemas.js';

export type { Action };

/**
 * Whether the signed-in user may do an action, from the same matrix the server enforces: screens
 * show only the actions that will succeed (the server still checks every request).
 */
export function can(user: User | null, action: Action, organizationId?: string | null): boolean {
  if (!user) return false;
  const { id, email, name, role } = user;
  return matrixAllows({ id, email, name, role, organizationId: user.organization?.id ?? null }, action, organizationId);
}
