import { recordAudit } from '../audit/audit.js';
import { conflict } from '../platform/http/problem.js';
import type { Language } from '../platform/text/translated.js';
import { requireUser, type Role, type SessionUser, type Actor } from './permissions.js';
import { assertAcceptablePassword, hashPassword } from './passwords.js';
import { UserModel, normalizeEmail } from './user.model.js';
import { assertRoleFitsOrganization, toSessionUser } from './users.js';
import { isDuplicateKey } from '../platform/db/duplicate-key.js';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: Role;
  organizationId: string | null;
  invitedBy?: string | null;
  /** Pending: waits for a platform admin (an organisation's claim of its record). */
  status?: 'active' | 'pending';
  /** Sample accounts are removed with the sample directory. */
  sample?: boolean;
  /** The language of the request that opens it (English without one). */
  language?: Language;
}


/**
 * Opens an account: the password must pass the policy, the role must fit the organisation, the email
 * must be new (case-insensitively). Audited as the request's user, or as "system" without a request.
 */
export async function createAccount(account: NewAccount, actor: Actor | null): Promise<SessionUser> {
  assertAcceptablePassword(account.password, account);
  await assertRoleFitsOrganization(account.role, account.organizationId);
  const email = account.email.trim();
  let created;
  try {
    created = await UserModel.create({
      email,
      emailNormalized: normalizeEmail(email),
      name: account.name.trim(),
      passwordHash: await hashPassword(account.password),
      role: account.role,
      organizationId: account.organizationId,
      invitedBy: account.invitedBy ?? null,
      status: account.status ?? 'active',
      sample: account.sample ?? false,
      language: account.language ?? 'en',
    });
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('emailTaken');
    throw err;
  }
  const user = toSessionUser(created.toObject());
  await recordAudit(actor, {
    action: 'create',
    entity: 'user',
    entityId: user.id,
    organizationId: user.organizationId,
    after: { email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, status: account.status ?? 'active', language: account.language ?? 'en' },
  });
  return user;
}

/** Sets a new password and records when; the caller ends other sessions. Audited without values. */
export async function setPassword(user: SessionUser, password: string, actor: Actor | null, action: 'password-change' | 'password-reset'): Promise<void> {
  assertAcceptablePassword(password, user);
  await UserModel.updateOne({ _id: user.id }, { $set: { passwordHash: await hashPassword(password), passwordChangedAt: new Date() } });
  await recordAudit(actor, {
    action,
    entity: 'user',
    entityId: user.id,
    organizationId: user.organizationId,
    after: { passwordChangedAt: new Date().toISOString() },
  });
}

/** The signed-in user's interface language, remembered for the mails the app sends them. Audited when it changes. */
export async function setOwnLanguage(actor: Actor, language: Language): Promise<void> {
  const user = requireUser(actor);
  // The whole account comes back: the embedded database takes no projection on findAndModify.
  const before = await UserModel.findOneAndUpdate({ _id: user.id }, { $set: { language } }).lean<{ language?: Language }>();
  const was = before?.language ?? 'en';
  if (!before || was === language) return;
  await recordAudit(actor, {
    action: 'update',
    entity: 'user',
    entityId: user.id,
    organizationId: user.organizationId,
    before: { language: was },
    after: { language },
  });
}
