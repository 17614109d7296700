import { isDeepStrictEqual } from 'node:util';
import { AuditEntryModel } from './audit.model.js';
import type { Actor } from '../accounts/permissions.js';

/**
 * Words that make a field's value stay out of the audit log, wherever the field appears: secrets,
 * and the encrypted case text with its parts. Whole words only, so `archivedAt` (arch-iv-ed) and
 * `keyboard` are shown while `passwordHash`, `reset_token` and `apiKey` are not.
 */
const SECRET_WORDS = new Set([
  'password', 'passphrase', 'passcode', 'pin', 'otp', 'token', 'secret', 'hash', 'key', 'salt', 'credential', 'credentials',
  'ciphertext', 'iv', 'summary', 'note', 'notes', 'comment', 'comments',
]);
/** Secrets named by two words together (the GCM tag of a sealed text). */
const SECRET_PHRASES = ['auth tag'];
const MAX_VALUE_LENGTH = 2000;

/** The words of a field name: camelCase, PascalCase, snake_case and kebab-case split, lower-cased. */
const fieldWords = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

export function isSecretField(name: string): boolean {
  const words = fieldWords(name);
  const phrase = ` ${words.join(' ')} `;
  return words.some((word) => SECRET_WORDS.has(word)) || SECRET_PHRASES.some((p) => phrase.includes(` ${p} `));
}

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  organizationId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object' && !(value instanceof Date) && !('_bsontype' in value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isSecretField(k) ? '[redacted]' : scrub(v)]),
    );
  }
  return value;
}

const asText = (value: unknown): string =>
  value === undefined ? '' : JSON.stringify(scrub(value))?.slice(0, MAX_VALUE_LENGTH) ?? '';

/** Top-level fields whose value differs between two plain objects (bookkeeping fields ignored). */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { field: string; before: string; after: string }[] {
  const ignored = new Set(['updatedAt', 'createdAt', 'version', 'search', '_id']);
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: { field: string; before: string; after: string }[] = [];
  for (const field of fields) {
    if (ignored.has(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(b ?? null)), JSON.parse(JSON.stringify(a ?? null)))) continue;
    out.push(
      isSecretField(field)
        ? { field, before: '[redacted]', after: '[redacted]' }
        : { field, before: asText(b), after: asText(a) },
    );
  }
  return out;
}

/** Records one write by the actor (null: the system itself, e.g. a scheduled job). Call it after the write succeeded. */
export async function recordAudit(actor: Actor | null, input: AuditInput): Promise<void> {
  const user = actor?.user;
  await AuditEntryModel.create({
    actorId: user?.id ?? null,
    actorEmail: user?.email ?? null,
    actorRole: user?.role ?? (actor ? 'anonymous' : 'system'),
    organizationId: input.organizationId ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    changes: changedFields(input.before, input.after),
    requestId: actor?.requestId ?? null,
  });
}
