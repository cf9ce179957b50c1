import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.tables.js";

export const associations = pgTable(
  "associations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** Federation tree: a territorial group points to its national association. */
    parentId: uuid("parent_id").references((): AnyPgColumn => associations.id, { onDelete: "set null" }),
    language: text("language", { enum: ["fr", "en"] }).notNull().default("fr"),
    timeZone: text("time_zone").notNull().default("Europe/Paris"),
    primaryColor: text("primary_color").notNull().default("#1d4ed8"),
    accentColor: text("accent_color").notNull().default("#b45309"),
    logoKey: text("logo_key"),
    enabledModules: text("enabled_modules").array().notNull().default(sql`'{spheres}'::text[]`),
    sphereCreationPolicy: text("sphere_creation_policy", { enum: ["admins", "request", "members"] })
      .notNull()
      .default("request"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("associations_slug_key").on(t.slug),
    index("associations_parent_id_idx").on(t.parentId),
    index("associations_name_trgm_idx").using("gin", sql`trame_fold(${t.name}) gin_trgm_ops`),
  ],
);

export const associationMembers = pgTable(
  "association_members",
  {
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "admin", "member", "guest"] }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "association_members_pkey", columns: [t.associationId, t.userId] }),
    index("association_members_user_id_idx").on(t.userId),
    index("association_members_association_role_idx").on(t.associationId, t.role),
  ],
);

/** The charter is versioned: each publication is a new row; members re-accept when it changes (moderation module). */
export const charterVersions = pgTable(
  "charter_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("charter_versions_association_version_key").on(t.associationId, t.version)],
);
