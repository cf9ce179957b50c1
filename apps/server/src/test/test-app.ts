import { randomBytes } from "node:crypto";
import pg from "pg";
import { loadConfig, type Config } from "../config/env.js";
import { buildApp } from "../app/build-app.js";
import { closeContext, createContext } from "../app/create-context.js";
import type { AppContext } from "../platform/app-context.js";
import type { HttpServer } from "../platform/http/http-server.js";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../platform/http/request-actor.js";
import { openSession } from "../modules/accounts/accounts.public.js";

export interface TestApp {
  ctx: AppContext;
  app: HttpServer;
  /** A fresh HTTP client with its own cookie jar (one browser). */
  client(): TestClient;
  close(): Promise<void>;
}

/**
 * A real application on a real, throw-away database: PGlite in memory by default, or a fresh database on the
 * PostgreSQL server of DATABASE_URL (created here, dropped at close). Never a mock.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const base = loadConfig({
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    JOBS_ENABLED: "false",
    // Each test app has its own Redis keys: counters and channels of other test files (or runs) never leak in.
    REDIS_KEY_PREFIX: `trame-test-${randomBytes(4).toString("hex")}:`,
    ...env,
  });
  const { config, dropDatabase } = await withFreshDatabase(base, env.DATABASE_POOL_SIZE !== undefined);
  const ctx = await createContext(config, { memoryDatabase: !config.databaseUrl });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    ctx,
    app,
    client: () => new TestClient(app, ctx),
    async close() {
      await app.close();
      await closeContext(ctx);
      await dropDatabase();
    },
  };
}

async function withFreshDatabase(config: Config, poolSizeGiven: boolean): Promise<{ config: Config; dropDatabase: () => Promise<void> }> {
  if (!config.databaseUrl) return { config, dropDatabase: async () => {} };
  const name = `trame_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: config.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(config.databaseUrl);
  url.pathname = `/${name}`;
  return {
    // A small pool per test file (two files run at once), unless the test asks for one (concurrency tests).
    config: { ...config, databaseUrl: url.toString(), databasePoolSize: poolSizeGiven ? config.databasePoolSize : 5 },
    async dropDatabase() {
      const c = new pg.Client({ connectionString: config.databaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: import("node:http").OutgoingHttpHeaders;
}

/** Fastify inject with a cookie jar and the CSRF header a browser page would send. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: HttpServer,
    private readonly ctx: AppContext,
  ) {
    this.cookies.set(CSRF_COOKIE, randomBytes(16).toString("base64url"));
  }

  /** Signs this client in as the user, as a successful sign-in would. */
  async signInAs(userId: string): Promise<this> {
    const { token, csrfToken } = await openSession(this.ctx, userId, { userAgent: "vitest", ip: "127.0.0.1" });
    this.cookies.set(SESSION_COOKIE, token);
    this.cookies.set(CSRF_COOKIE, csrfToken);
    return this;
  }

  get csrfToken(): string | undefined {
    return this.cookies.get(CSRF_COOKIE);
  }

  forgetCookie(name: string): void {
    this.cookies.delete(name);
  }

  get<T = any>(url: string) {
    return this.request<T>("GET", url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>("POST", url, body);
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>("PUT", url, body);
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>("PATCH", url, body);
  }
  delete<T = any>(url: string, body?: unknown) {
    return this.request<T>("DELETE", url, body);
  }

  async request<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(method !== "GET" ? { [CSRF_HEADER]: this.cookies.get(CSRF_COOKIE) ?? "" } : {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of res.cookies) {
      if (c.value === "" || (c.expires && new Date(c.expires).getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = res.body;
    if (String(res.headers["content-type"] ?? "").includes("application/json")) parsed = res.json();
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }
}
