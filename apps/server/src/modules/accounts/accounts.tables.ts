import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
};

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    language: text("language", { enum: ["fr", "en"] }).notNull().default("fr"),
    /** argon2id; null for accounts that only sign in by e-mail link. */
    passwordHash: text("password_hash"),
    isInstanceAdmin: boolean("is_instance_admin").notNull().default(false),
    avatarKey: text("avatar_key"),
    ...timestamps,
  },
  (t) => [
    // Case-insensitive uniqueness: Jeanne@Example.fr and jeanne@example.fr are one person.
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_display_name_trgm_idx").using("gin", sql`trame_fold(${t.displayName}) gin_trgm_ops`),
    // Member lists page by (trame_fold(display_name), id): with 50,000 members, walking this index beats sorting them.
    index("users_sort_name_idx").on(sql`trame_fold(${t.displayName})`, t.id),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha-256 of the cookie value: a database leak does not leak usable sessions. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [
    index("sessions_user_id_last_seen_idx").on(t.userId, t.lastSeenAt.desc()),
    index("sessions_expires_at_idx").on(t.expiresAt),
  ],
);

/** Single-use tokens sent by e-mail: sign-in links and password resets. Only their hash is stored. */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["sign_in", "password_reset"] }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_tokens_token_hash_key").on(t.tokenHash),
    index("email_tokens_expires_at_idx").on(t.expiresAt),
    index("email_tokens_user_id_idx").on(t.userId),
  ],
);
