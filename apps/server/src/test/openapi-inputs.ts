// Reads the operations of the OpenAPI document and builds inputs for them, valid-ish and hostile, for the walk test
// (platform/http/openapi-walk.test.ts). Works from the document alone, so it covers every module that lands later.
import { randomUUID } from "node:crypto";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  $ref?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface Operation {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The OpenAPI path, with `{name}` placeholders. */
  path: string;
  pathParams: string[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  /** The JSON request body's schema, $refs resolved. */
  jsonBody: JsonSchema | undefined;
  /** The operation declares a multipart/form-data request body (uploads). */
  multipart: boolean;
}

const methods = ["get", "post", "put", "patch", "delete"] as const;

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = refResolver(doc);
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const method of methods) {
      const op = byMethod[method];
      if (!op) continue;
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const json = content["application/json"]?.schema;
      operations.push({
        operationId: op.operationId ?? `${method} ${path}`,
        method: method.toUpperCase() as Operation["method"],
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
        queryParams: parameters
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, required: p.required === true, schema: resolve(p.schema ?? {}) })),
        jsonBody: json ? resolve(json) : undefined,
        multipart: "multipart/form-data" in content,
      });
    }
  }
  return operations;
}

/** Inlines `#/components/schemas/…` references (shallowly: each is resolved again where it is read). */
function refResolver(doc: OpenApiDocument) {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace("#/components/schemas/", "");
    return resolve(doc.components?.schemas?.[name] ?? {});
  };
  return resolve;
}

/** Values that look right for a field's name, when its schema alone cannot say (e-mail, password, time zone…). */
export type Hints = (name: string) => unknown;

let counter = 0;
const stringCandidates = ["walk-value", "#1d4ed8", "walk", "Europe/Paris", "ab"];

function typeOf(schema: JsonSchema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.find((t) => t !== "null") ?? (schema.properties ? "object" : schema.items ? "array" : undefined);
}

/** One branch per alternative at the top (a discriminated union's variants), the schema itself otherwise. */
export function variantsOf(schema: JsonSchema): JsonSchema[] {
  return schema.oneOf ?? schema.anyOf ?? [schema];
}

/**
 * A value the schema accepts, or close to it: required properties only (`full`: every property), real ids and
 * plausible values through the hints.
 */
export function sample(schema: JsonSchema, name: string, hints: Hints, full = false): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum.find((v) => v !== null) ?? null;
  const alternatives = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (alternatives?.length) return sample(alternatives.find((a) => typeOf(a) !== "null") ?? alternatives[0]!, name, hints, full);
  switch (typeOf(schema)) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (full || schema.required?.includes(key)) out[key] = sample(child, key, hints, full);
      }
      return out;
    }
    case "array":
      return full || (schema.minItems ?? 0) > 0 ? [sample(schema.items ?? {}, name, hints, full)] : [];
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 10, 1));
    case "boolean":
      return true;
    case "string":
      return sampleString(schema, name, hints);
    default:
      return "walk";
  }
}

function sampleString(schema: JsonSchema, name: string, hints: Hints): string {
  const hinted = hints(name);
  if (typeof hinted === "string") return hinted;
  if (schema.format === "uuid") return randomUUID();
  if (schema.format === "email") return `walk-${counter++}@example.org`;
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  let value = (pattern && stringCandidates.find((c) => pattern.test(c))) || "walk-value";
  if (/slug/i.test(name)) value = `walk-${Date.now().toString(36)}-${counter++}`;
  while (value.length < (schema.minLength ?? 0)) value += "x";
  return schema.maxLength !== undefined ? value.slice(0, Math.max(schema.maxLength, schema.minLength ?? 0)) : value;
}

/** Where a value sits in a body, and the schema of what sits there. */
export interface Field {
  path: (string | number)[];
  schema: JsonSchema;
}

/** Every property of the schema, nested ones and array items included (the first item stands for all). */
export function fieldsOf(schema: JsonSchema, prefix: (string | number)[] = [], depth = 0): Field[] {
  if (depth > 6) return [];
  const fields: Field[] = [];
  const type = typeOf(schema);
  if (type === "object") {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const path = [...prefix, key];
      fields.push({ path, schema: child }, ...fieldsOf(child, path, depth + 1));
    }
  } else if (type === "array" && schema.items) {
    const path = [...prefix, 0];
    fields.push({ path, schema: schema.items }, ...fieldsOf(schema.items, path, depth + 1));
  }
  return fields;
}

/**
 * A copy of `base` with `value` at `path`; absent parents (optional objects) are filled from their schema.
 */
export function withValueAt(base: unknown, root: JsonSchema, path: (string | number)[], value: unknown, hints: Hints): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  let schema: JsonSchema = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    schema = (typeof key === "number" ? schema.items : schema.properties?.[key]) ?? {};
    if (node[key] === undefined || node[key] === null || typeof node[key] !== "object") {
      node[key] = typeOf(schema) === "array" ? [] : (sample(schema, String(key), hints) as object);
    }
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

/** Every string in the value replaced by `poison(string)` (object keys untouched). */
export function mapStrings(value: unknown, poison: (s: string) => string): unknown {
  if (typeof value === "string") return poison(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, poison));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, poison)]));
  }
  return value;
}

export const NUL = "\u0000";
export const LONE_HIGH_SURROGATE = "\ud800";
export const LONE_LOW_SURROGATE = "\udc00";
export const OVERLONG = "a".repeat(100_000);

/** What a careless or hostile client puts in a JSON field, whatever the field's type. */
export const hostileFieldValues: { label: string; value: unknown }[] = [
  { label: "NUL inside", value: `wa${NUL}lk` },
  { label: "lone high surrogate", value: `wa${LONE_HIGH_SURROGATE}lk` },
  { label: "lone low surrogate", value: `${LONE_LOW_SURROGATE}walk` },
  { label: "100k characters", value: OVERLONG },
  { label: "number", value: 12345 },
  { label: "boolean", value: true },
  { label: "null", value: null },
  { label: "object", value: { a: "b" } },
  { label: "array of NUL", value: [NUL] },
  { label: "object with a NUL key", value: { [NUL]: "x" } },
];

/** What goes in a path segment or a query value (already percent-encoded where needed). */
export const hostileUrlValues: { label: string; value: string }[] = [
  { label: "%00", value: "%00" },
  { label: "lone surrogate (WTF-8)", value: "wa%ED%A0%80lk" },
  { label: "malformed percent-encoding", value: "%E0%A4%A" },
  { label: "lone %", value: "%" },
  { label: "overlong", value: "a".repeat(100_000) },
];
