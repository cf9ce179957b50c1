import type { ApiErrorBody, ErrorCode, FieldError } from "@trame/contracts";

/** Codes the client adds to the server's: the request never reached it, or the answer was not ours. */
export type ClientErrorCode = ErrorCode | "NETWORK";

/** Every failed call to the API throws this: the stable code decides the message shown (translated by code). */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly fields: FieldError[];
  readonly status: number;
  constructor(code: ClientErrorCode, message: string, fields: FieldError[] = [], status = 0) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.fields = fields;
    this.status = status;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const API_PREFIX = "/api/v1";
const CSRF_COOKIE = "trame_csrf";

let csrfToken: string | null = null;
let csrfRefresher: (() => Promise<void>) | null = null;

/** The token the server handed out with GET /session (kept fresh after sign-in and sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the session layer renew the token once when the server answers CSRF_FAILED. */
export function setCsrfRefresher(refresh: () => Promise<void>): void {
  csrfRefresher = refresh;
}

/** The double-submit cookie is the value the server compares with the header: prefer it when present. */
function currentCsrfToken(): string | null {
  if (typeof document !== "undefined") {
    const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${CSRF_COOKIE}=([^;]*)`));
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return csrfToken;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** Builds `/api/v1<path>?query`, leaving out empty values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_PREFIX}${path}${search ? `?${search}` : ""}`;
}

async function send(path: string, request: ApiRequest): Promise<Response> {
  const method = request.method ?? (request.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (request.body instanceof FormData) {
    body = request.body;
  } else if (request.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.body);
  }
  if (method !== "GET") {
    const token = currentCsrfToken();
    if (token) headers["x-csrf-token"] = token;
  }
  try {
    return await fetch(apiUrl(path, request.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: request.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("NETWORK", "The server could not be reached.");
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const data = (await response.json()) as Partial<ApiErrorBody>;
    if (data.error && typeof data.error.code === "string") {
      return new ApiError(data.error.code, data.error.message, data.error.fields ?? [], response.status);
    }
  } catch {
    // Not our JSON (a proxy's error page…): fall through to a generic error.
  }
  return new ApiError(response.status === 404 ? "NOT_FOUND" : "INTERNAL", response.statusText, [], response.status);
}

/** Calls the API; resolves with the JSON answer (undefined for 204), throws ApiError otherwise. */
export async function api<T>(path: string, request: ApiRequest = {}): Promise<T> {
  let response = await send(path, request);
  if (!response.ok) {
    let error = await toApiError(response);
    // An expired form (token rotated in another tab, session renewed): renew the token once and try again.
    if (error.code === "CSRF_FAILED" && csrfRefresher) {
      await csrfRefresher();
      response = await send(path, request);
      if (response.ok) return parse<T>(response);
      error = await toApiError(response);
    }
    throw error;
  }
  return parse<T>(response);
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Field errors keyed by field name, with the transport prefix (`body.`, `querystring.`) removed. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isApiError(error)) return result;
  for (const field of error.fields) {
    const path = field.path.replace(/^(body|querystring|params)\.?/, "");
    if (path && !(path in result)) result[path] = field.message;
  }
  return result;
}
