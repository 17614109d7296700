/**
 * Evaluates a MongoDB query filter against a plain object in memory, for the subset of operators the
 * directory's filters use. No read's request path uses it: searches and lists run compiled plans
 * (service-read-model.ts). It serves the writes that follow a write (refreshServices, archiving an
 * organisation's records: RecordCatalog.find) and is the reference the compiled service plans are
 * tested against (planFilter). An operator this does not know throws, so a filter is never misread.
 */
export type Filter = Record<string, unknown>;
/** Field-specific matchers, for fields the catalog keeps in another form than the database. */
export type FieldMatchers = Record<string, (doc: object, condition: unknown) => boolean>;

const isObjectId = (v: unknown): v is { toHexString(): string } =>
  typeof v === 'object' && v !== null && typeof (v as { toHexString?: unknown }).toHexString === 'function';

/** Values as MongoDB compares them for equality and order: ids by hex, dates by time. */
function comparable(v: unknown): unknown {
  if (isObjectId(v)) return v.toHexString();
  if (v instanceof Date) return v.getTime();
  return v;
}

function equal(a: unknown, b: unknown): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (x === y) return true;
  if (x === null || x === undefined) return y === null || y === undefined;
  if (typeof x === 'object' && typeof y === 'object' && y !== null) return JSON.stringify(x) === JSON.stringify(y);
  return false;
}

/** Equality with array semantics: an array field matches if it equals the value or holds it. */
function fieldEquals(value: unknown, target: unknown): boolean {
  if (Array.isArray(value) && !Array.isArray(target)) return value.some((v) => equal(v, target));
  return equal(value, target);
}

function order(value: unknown, target: unknown, test: (c: number) => boolean): boolean {
  const t = comparable(target);
  const holds = (v: unknown) => {
    const c = comparable(v);
    if (c === null || c === undefined || typeof c !== typeof t) return false;
    return test((c as number | string) < (t as number | string) ? -1 : (c as number | string) > (t as number | string) ? 1 : 0);
  };
  return Array.isArray(value) ? value.some(holds) : holds(value);
}

/** Paths split once: the catalog evaluates the same few paths for every record. */
const splitPaths = new Map<string, string[]>();

function getPath(doc: unknown, path: string): unknown {
  let keys = splitPaths.get(path);
  if (!keys) splitPaths.set(path, (keys = path.split('.')));
  let current: unknown = doc;
  for (const key of keys) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const isOperatorObject = (c: unknown): c is Record<string, unknown> =>
  typeof c === 'object' && c !== null && !Array.isArray(c) && !isObjectId(c) && !(c instanceof Date) && Object.keys(c).some((k) => k.startsWith('$'));

function matchesCondition(value: unknown, condition: unknown): boolean {
  if (!isOperatorObject(condition)) return fieldEquals(value, condition);
  return Object.entries(condition).every(([op, arg]) => {
    switch (op) {
      case '$eq':
        return fieldEquals(value, arg);
      case '$ne':
        return !fieldEquals(value, arg);
      case '$in':
        return (arg as unknown[]).some((a) => fieldEquals(value, a));
      case '$nin':
        return !(arg as unknown[]).some((a) => fieldEquals(value, a));
      case '$all':
        return Array.isArray(value) && (arg as unknown[]).every((a) => value.some((v) => equal(v, a)));
      case '$gt':
        return order(value, arg, (c) => c > 0);
      case '$gte':
        return order(value, arg, (c) => c >= 0);
      case '$lt':
        return order(value, arg, (c) => c < 0);
      case '$lte':
        return order(value, arg, (c) => c <= 0);
      case '$exists':
        return (value !== undefined) === Boolean(arg);
      default:
        throw new Error(`The in-memory catalog does not evaluate ${op}.`);
    }
  });
}

export function matchesFilter(doc: object, filter: Filter, fields: FieldMatchers = {}): boolean {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') {
      if (!(condition as Filter[]).every((f) => matchesFilter(doc, f, fields))) return false;
    } else if (key === '$or') {
      if (!(condition as Filter[]).some((f) => matchesFilter(doc, f, fields))) return false;
    } else if (key === '$nor') {
      if ((condition as Filter[]).some((f) => matchesFilter(doc, f, fields))) return false;
    } else if (key.startsWith('$')) {
      throw new Error(`The in-memory catalog does not evaluate ${key}.`);
    } else {
      const special = fields[key];
      if (special ? !special(doc, condition) : !matchesCondition(getPath(doc, key), condition)) return false;
    }
  }
  return true;
}
