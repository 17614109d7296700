import type { Request } from 'express';
import { can, currentUser, type SessionUser } from '../../accounts/permissions.js';

/** Who is looking: decides whether confidential places are shown. Anonymous visitors see none. */
export interface Viewer {
  user: SessionUser | undefined;
  mayReadConfidential(organizationId: string | null | undefined): boolean;
  /** Platform admins: every organisation's confidential places. */
  readsAllConfidential: boolean;
}

export function viewerOf(req: Request): Viewer {
  const user = currentUser(req);
  return {
    user,
    mayReadConfidential: (organizationId) => Boolean(organizationId) && can(user, 'confidential:read', organizationId),
    readsAllConfidential: can(user, 'confidential:read', null),
  };
}
