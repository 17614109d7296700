import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fromRepoRoot } from '../../platform/paths.js';
import { TABLES } from '../../contract/standards/hsds-import.schemas.js';

export { TABLES };

/**
 * The HSDS 3.0 specification as bundled in schema/hsds-3.0 (CC BY-SA 4.0, see schema/ATTRIBUTION.md)
 * and the Iraq profile in profile/ (JSON Merge Patches against those files, per the HSDS profile
 * rules). Everything tabular (columns, types, required fields) is derived from the merged schemas,
 * so the export, the import and the published datapackage.json cannot disagree.
 */

// Data files are read from the source tree, also when running from dist/ (tsc does not copy JSON).
const UPSTREAM_DIR = fromRepoRoot('server', 'standards', 'hsds', 'schema', 'hsds-3.0');
/** HSDS 3.1 objects the profile adopts before 3.1 is released (service_capacity, unit), from its draft. */
const DRAFT_DIR = fromRepoRoot('server', 'standards', 'hsds', 'schema', 'hsds-3.1-dev');
export const PROFILE_DIR = fromRepoRoot('server', 'standards', 'hsds', 'profile');

export const HSDS_VERSION = '3.0';
export const PROFILE_VERSION = '1.0.0';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface PropertySchema {
  name?: string;
  type?: string;
  format?: string;
  enum?: string[];
  items?: { $ref?: string; type?: string; enum?: string[] };
  $ref?: string;
  datapackage_type?: string;
  title?: string;
  description?: string;
}

export interface ObjectSchema {
  name: string;
  path: string;
  description: string;
  properties: Record<string, PropertySchema>;
  required?: string[];
  tabular_required?: string[];
  datapackage_metadata?: { order?: number };
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON Merge Patch. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

const readJson = (file: string): JsonObject => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;

/** File names (without .json) of the profile's modifications, e.g. ['address', 'contact', …, 'openapi']. */
export const PROFILE_FILES = readdirSync(PROFILE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

/** The API definition and the tabular descriptor sit beside the object schemas. */
const NOT_OBJECTS = ['openapi.json', 'datapackage.json'];
const objectsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !NOT_OBJECTS.includes(f))
    .map((f) => f.slice(0, -'.json'.length));
const DRAFT_OBJECTS = objectsIn(DRAFT_DIR);
const UPSTREAM_OBJECTS = [...objectsIn(UPSTREAM_DIR), ...DRAFT_OBJECTS].sort();

export function profilePatch(name: string): JsonObject | undefined {
  return PROFILE_FILES.includes(name) ? readJson(path.join(PROFILE_DIR, `${name}.json`)) : undefined;
}

const merged = new Map<string, JsonObject>();

/** An HSDS schema file (object schema or openapi.json) with the profile's patch applied. */
export function profileSchema(name: string): JsonObject | undefined {
  const cached = merged.get(name);
  if (cached) return cached;
  if (name !== 'openapi' && !UPSTREAM_OBJECTS.includes(name)) return undefined;
  const upstream = readJson(path.join(DRAFT_OBJECTS.includes(name) ? DRAFT_DIR : UPSTREAM_DIR, `${name}.json`));
  const patch = profilePatch(name);
  const result = patch ? (mergePatch(upstream, patch) as JsonObject) : upstream;
  merged.set(name, result);
  return result;
}

export const objectSchema = (name: string): ObjectSchema => {
  const schema = profileSchema(name);
  if (!schema) throw new Error(`No HSDS object schema "${name}"`);
  return schema as unknown as ObjectSchema;
};

/** Names of all HSDS object schemas (upstream), for the served /schema directory. */
export const HSDS_OBJECTS: readonly string[] = UPSTREAM_OBJECTS;

/**
 * A profile schema with every `$ref: "x.json"` replaced by the (profile-merged) schema of x, like
 * HSDS's own schema/compiled files; the HSDS object graph has no cycles.
 */
export function compiledProfileSchema(name: string): JsonObject | undefined {
  const root = profileSchema(name);
  if (!root || name === 'openapi') return undefined;
  const resolve = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(resolve);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.endsWith('.json')) {
        Object.assign(out, resolve(profileSchema(value.slice(0, -'.json'.length)) ?? {}));
      } else {
        out[key] = resolve(value);
      }
    }
    return out;
  };
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...(resolve(root) as JsonObject) };
}

/**
 * The profile's OpenAPI document with every schema it uses inside it, so an installation without
 * internet (or a client that cannot reach GitHub) resolves it: HSDS 3.0's document points at the
 * compiled schemas on GitHub, which would also miss the profile's own fields. Each such reference
 * becomes `#/components/schemas/<object>`, holding the compiled profile schema; a `*_list` schema (an
 * item of a list, HSDS's object without its nested arrays) is the object's schema, whose required
 * properties a list item has too.
 */
export function selfContainedOpenapi(): JsonObject {
  const openapi = profileSchema('openapi')!;
  const schemas: JsonObject = {};
  const inline = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(inline);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      const external = key === '$ref' && typeof value === 'string' && !value.startsWith('#') ? /([a-z_]+?)(?:_list)?\.json$/.exec(value) : null;
      if (external) {
        const name = external[1]!;
        if (!schemas[name]) {
          const { $schema: _dialect, ...schema } = compiledProfileSchema(name) ?? {};
          if (!Object.keys(schema).length) throw new Error(`The profile's OpenAPI refers to an unknown HSDS object: ${value}`);
          schemas[name] = schema;
        }
        out[key] = `#/components/schemas/${name}`;
      } else {
        out[key] = inline(value);
      }
    }
    return out;
  };
  const document = inline(openapi) as JsonObject;
  const components = (document.components ?? {}) as JsonObject;
  return { ...document, components: { ...components, schemas: { ...((components.schemas ?? {}) as JsonObject), ...schemas } } };
}

// ---------------------------------------------------------------------------------------------
// Tabular serialisation

export type TableName = (typeof TABLES)[number];

export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'array' | 'object';

export interface TableField {
  name: string;
  type: FieldType;
  format?: string;
  required: boolean;
  enum?: string[];
  description?: string;
}

export interface Table {
  name: TableName;
  /** File name in the package, e.g. services.csv. */
  path: string;
  fields: TableField[];
}

function fieldType(p: PropertySchema): FieldType {
  const t = p.datapackage_type ?? p.type;
  switch (t) {
    case 'number':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'time':
    case 'array':
    case 'object':
      return t;
    default:
      return 'string';
  }
}

const tables = new Map<TableName, Table>();

/**
 * Columns of one table: the object's properties except nested objects and arrays of objects (those
 * are tables of their own, linked by id), in the order of the HSDS CSV examples, then the profile's.
 */
export function table(name: TableName): Table {
  const cached = tables.get(name);
  if (cached) return cached;
  const schema = objectSchema(name);
  const required = new Set([...(schema.required ?? []), ...(schema.tabular_required ?? [])]);
  const fields: TableField[] = Object.entries(schema.properties)
    .filter(([, p]) => !p.$ref && !p.items?.$ref && !(p.type === undefined && p.datapackage_type === undefined))
    .map(([key, p]) => ({
      name: key,
      type: fieldType(p),
      ...(p.format && fieldType(p) === 'string' ? { format: p.format } : {}),
      required: required.has(key),
      ...(p.enum ? { enum: p.enum } : {}),
      ...(p.description ? { description: p.description } : {}),
    }));
  const result: Table = { name, path: schema.path, fields };
  tables.set(name, result);
  return result;
}

/** The Frictionless Tabular Data Package descriptor of an export. */
export function dataPackageDescriptor(profileUri: string, created: Date) {
  return {
    profile: 'tabular-data-package',
    name: 'iraq-ct-referral-directory',
    title: 'Iraq counter-trafficking referral directory (Open Referral HSDS 3.0, Iraq profile)',
    created: created.toISOString(),
    hsds_version: HSDS_VERSION,
    hsds_profile: profileUri,
    hsds_profile_version: PROFILE_VERSION,
    resources: TABLES.map((name) => {
      const t = table(name);
      return {
        name: t.name,
        path: t.path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: t.fields.map((f) => ({
            name: f.name,
            type: f.type,
            ...(f.format ? { format: f.format } : {}),
            ...(f.description ? { description: f.description } : {}),
            constraints: { required: f.required, ...(f.enum ? { enum: f.enum } : {}) },
          })),
          primaryKey: 'id',
        },
      };
    }),
  };
}
