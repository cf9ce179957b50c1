import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Administrative actions (roles, memberships, settings, sphere creation and deletion).
 * No foreign keys on purpose: the trail outlives what it talks about.
 * association_id is null for instance-level actions.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id"),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_association_created_idx").on(t.associationId, t.createdAt.desc(), t.id)],
);
