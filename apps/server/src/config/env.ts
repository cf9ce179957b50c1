import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Every setting has a default that works on one machine;
 * docs/OPERATIONS.md lists them for production. Invalid values stop the process at start with a clear message.
 */
const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  /** production | development | test */
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 to accept connections from other machines (behind a reverse proxy). */
  HOST: z.string().default("127.0.0.1"),
  /** Where the embedded database, the lock file and local files live. */
  TRAME_DATA_DIR: z.string().default("./data"),
  /** A PostgreSQL URL; when set, replaces the embedded database (PGlite). */
  DATABASE_URL: z.string().url().optional(),
  /** Maximum connections of this node's PostgreSQL pool (the embedded database always uses one). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** A Redis URL; when set, real-time events are relayed between nodes through Redis pub/sub, and the rate-limit counters are shared. */
  REDIS_URL: z.string().url().optional(),
  /**
   * Prefix of every Redis key and channel: instances that share one Redis must each have their own.
   * Nodes of one instance must share it.
   */
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default("trame:"),
  /** The address people use to reach Trame; links in e-mails are built from it. */
  PUBLIC_URL: z.string().url().optional(),
  /** An SMTP URL (smtp://user:pass@host:587 or smtps://…, nodemailer options in the query string); without it, mail is kept in the outbox. */
  SMTP_URL: z.string().url().optional(),
  /** Sender of outgoing mail. */
  MAIL_FROM: z.string().default("Trame <no-reply@localhost>"),
  /** S3-compatible storage; when S3_BUCKET is set, files go there instead of the data directory. */
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanString.default(true),
  /** Days a session stays valid without use. */
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Trust X-Forwarded-* headers (set when behind a reverse proxy). */
  TRUST_PROXY: booleanString.default(false),
  /** pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Run background jobs in this process (true), or leave them to `trame serve --worker` nodes (false). */
  JOBS_ENABLED: booleanString.default(true),
  /**
   * Sign-in, e-mail links, resets, tokens: attempts per 15 minutes per (IP, address), and per IP for tokens. Beyond
   * it, failed passwords on an address slow its further attempts (never a lock); see docs/ARCHITECTURE.md.
   */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Sign-in and e-mail link or reset requests per 15 minutes per IP, whatever the address (default: 5 × AUTH_RATE_LIMIT). */
  AUTH_IP_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env["NODE_ENV"];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  storage:
    | { driver: "local"; root: string }
    | {
        driver: "s3";
        bucket: string;
        endpoint: string | undefined;
        region: string;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
        forcePathStyle: boolean;
      };
  sessionTtlDays: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: Env["LOG_LEVEL"];
  jobsEnabled: boolean;
  authRateLimit: number;
  authIpRateLimit: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.TRAME_DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    storage: e.S3_BUCKET
      ? {
          driver: "s3",
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : { driver: "local", root: path.join(dataDir, "files") },
    sessionTtlDays: e.SESSION_TTL_DAYS,
    cookieSecure: publicUrl.startsWith("https://"),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    jobsEnabled: e.JOBS_ENABLED,
    authRateLimit: e.AUTH_RATE_LIMIT,
    // An IP may be many people (a school, an office): it gets room for several addresses' worth of attempts.
    authIpRateLimit: e.AUTH_IP_RATE_LIMIT ?? 5 * e.AUTH_RATE_LIMIT,
  };
}
