import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.tables.js";
import { associations } from "../associations/associations.tables.js";

export const spheres = pgTable(
  "spheres",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => spheres.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    visibility: text("visibility", { enum: ["secret", "private", "open", "public"] }).notNull(),
    /** Kept by the service in the same transaction as membership changes: the directory never counts rows. */
    memberCount: integer("member_count").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "string" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    // The directory pages by (sort_name, id) inside one association.
    index("spheres_directory_idx").on(t.associationId, sql`trame_fold(${t.name})`, t.id),
    index("spheres_name_trgm_idx").using("gin", sql`trame_fold(${t.name}) gin_trgm_ops`),
    index("spheres_parent_id_idx").on(t.parentId),
  ],
);

export const sphereMembers = pgTable(
  "sphere_members",
  {
    sphereId: uuid("sphere_id")
      .notNull()
      .references(() => spheres.id, { onDelete: "cascade" }),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["manager", "moderator", "member", "guest"] }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "sphere_members_pkey", columns: [t.sphereId, t.userId] }),
    // "My spheres" and the membership flags of a directory page.
    index("sphere_members_association_user_idx").on(t.associationId, t.userId),
    index("sphere_members_sphere_role_idx").on(t.sphereId, t.role),
  ],
);

export const sphereJoinRequests = pgTable(
  "sphere_join_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    sphereId: uuid("sphere_id")
      .notNull()
      .references(() => spheres.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message").notNull().default(""),
    status: text("status", { enum: ["pending", "approved", "refused", "cancelled"] }).notNull().default("pending"),
    decisionReason: text("decision_reason"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sphere_join_requests_one_pending_key")
      .on(t.sphereId, t.userId)
      .where(sql`status = 'pending'`),
    index("sphere_join_requests_sphere_status_idx").on(t.sphereId, t.status, t.createdAt),
    index("sphere_join_requests_association_user_idx").on(t.associationId, t.userId),
  ],
);

export const sphereCreationRequests = pgTable(
  "sphere_creation_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    visibility: text("visibility", { enum: ["secret", "private", "open", "public"] }).notNull(),
    parentId: uuid("parent_id").references(() => spheres.id, { onDelete: "set null" }),
    reason: text("reason").notNull().default(""),
    status: text("status", { enum: ["pending", "approved", "refused", "redirected"] }).notNull().default("pending"),
    decisionReason: text("decision_reason"),
    existingSphereId: uuid("existing_sphere_id").references(() => spheres.id, { onDelete: "set null" }),
    createdSphereId: uuid("created_sphere_id").references(() => spheres.id, { onDelete: "set null" }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("sphere_creation_requests_association_status_idx").on(t.associationId, t.status, t.createdAt),
    index("sphere_creation_requests_requested_by_idx").on(t.associationId, t.requestedBy),
  ],
);
