import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from "fastify";
import { isSafeText, unsafeTextMessage, type FieldError } from "@trame/contracts";
import { validationFailed } from "./app-error.js";

/**
 * Text no person writes — NUL, unpaired UTF-16 surrogates — is refused once, here, in every input, whatever the
 * schema of the route says: PostgreSQL refuses both, and a client's input must never become a 500. Two guards:
 * - the validator compiler is wrapped, so body, params, querystring and headers are walked before their schema
 *   runs (a route whose schema forgot the contracts' `textSchema` is covered all the same);
 * - an `onRequest` hook reads the URL itself, so routes without a params or query schema are covered too, and a
 *   malformed percent-encoding in the query string (which Fastify keeps as it came) is refused.
 * Uploads check their text fields with `assertSafeFields`.
 */

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

/**
 * The path of the first unsafe string in a value (keys included), or undefined. Iterative, and each node remembers
 * only its parent: a body nested 100,000 levels deep costs linear time, and no stack.
 */
export function findUnsafeText(value: unknown): string[] | undefined {
  const stack: Visit[] = [{ value, key: "", parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === "string") {
      if (!isSafeText(current)) return pathOf(visit);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: String(i), parent: visit });
    } else if (current !== null && typeof current === "object") {
      for (const [key, child] of Object.entries(current)) {
        if (!isSafeText(key)) return [...pathOf(visit), printable(key)];
        stack.push({ value: child, key, parent: visit });
      }
    }
  }
  return undefined;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) path.push(v.key);
  return path.reverse();
}

/** A key that is itself unsafe is named with its bad characters replaced, so the answer carries none of them. */
function printable(key: string): string {
  return [...key].map((c) => (isSafeText(c) ? c : "\uFFFD")).join("");
}

/**
 * Wraps a validator compiler: the request part is walked first, and unsafe text answers 400 VALIDATION_FAILED with
 * the field named (`body.name`, `params.slug`, `querystring.q`), like any schema error.
 */
export function guardValidatorCompiler<S>(inner: FastifySchemaCompiler<S>): FastifySchemaCompiler<S> {
  return (route) => {
    const validate = inner(route);
    return (data: unknown) => {
      const path = findUnsafeText(data);
      if (path) {
        // A field deep in a nested body is named by its first levels: the answer stays small.
        const named = path.length > 20 ? [...path.slice(0, 20), "…"] : path;
        return { error: [{ keyword: "unsafeText", instancePath: named.map((p) => `/${p}`).join(""), schemaPath: "#", params: {}, message: unsafeTextMessage }] };
      }
      return validate(data);
    };
  };
}

/** The `onRequest` guard of the URL: decoded path parameters and every query component, strictly decoded. */
export function registerUrlGuard(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    const field = unsafeUrlField(request);
    if (field) throw validationFailed("The address of the request cannot be read.", [field]);
  });
}

function unsafeUrlField(request: FastifyRequest): FieldError | undefined {
  // Path parameters arrive decoded by the router, which already refuses a malformed percent-encoding there.
  for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
    if (typeof value === "string" && !isSafeText(value)) return { path: name === "*" ? "url" : `params.${name}`, message: unsafeTextMessage };
  }
  const queryStart = request.url.indexOf("?");
  if (queryStart < 0) return undefined;
  for (const pair of request.url.slice(queryStart + 1).split("&")) {
    if (pair === "") continue;
    const separator = pair.indexOf("=");
    const rawName = separator < 0 ? pair : pair.slice(0, separator);
    const name = decodeComponent(rawName);
    const value = separator < 0 ? "" : decodeComponent(pair.slice(separator + 1));
    const path = `querystring.${name !== undefined && isSafeText(name) ? name : printable(rawName)}`;
    if (name === undefined || value === undefined) return { path, message: "malformed percent-encoding" };
    if (!isSafeText(name) || !isSafeText(value)) return { path, message: unsafeTextMessage };
  }
  return undefined;
}

function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return undefined;
  }
}

/** For multipart forms, whose text fields no schema reads: unsafe names or values answer 400. */
export function assertSafeFields(fields: Iterable<[name: string, value: string]>): void {
  for (const [name, value] of fields) {
    if (!isSafeText(name) || !isSafeText(value)) {
      throw validationFailed("Some fields are missing or invalid.", [{ path: `body.${printable(name)}`, message: unsafeTextMessage }]);
    }
  }
}
