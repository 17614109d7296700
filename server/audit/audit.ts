import { isDeepStrictEqual } from 'node:util';
import type { Request } from 'express';
import { currentUser } from '../accounts/permissions.js';
import { AuditEntryModel } from './audit.model.js';

/** Field names whose values never enter the audit log, wherever they appear. */
const SECRET_FIELD = /password|token|secret|hash|summary|note|comment|ciphertext|iv|authTag/i;
const MAX_VALUE_LENGTH = 2000;

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
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : scrub(v)]),
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
      SECRET_FIELD.test(field)
        ? { field, before: '[redacted]', after: '[redacted]' }
        : { field, before: asText(b), after: asText(a) },
    );
  }
  return out;
}

/** Records one write by the request's user. Call it after the write succeeded. */
export async function recordAudit(req: Request | null, input: AuditInput): Promise<void> {
  const user = req ? currentUser(req) : undefined;
  await AuditEntryModel.create({
    actorId: user?.id ?? null,
    actorEmail: user?.email ?? null,
    actorRole: user?.role ?? (req ? 'anonymous' : 'system'),
    organizationId: input.organizationId ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    changes: changedFields(input.before, input.after),
    requestId: req ? String((req as { id?: unknown }).id ?? '') || null : null,
  });
}
