import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.tables.js";
import { associations } from "../associations/associations.tables.js";
import { spheres } from "../spheres/spheres.tables.js";

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    /** sha-256 of the token in the link; the token itself is only in the e-mail or the shared link. */
    tokenHash: text("token_hash").notNull(),
    kind: text("kind", { enum: ["email", "link"] }).notNull(),
    email: text("email"),
    associationRole: text("association_role", { enum: ["admin", "member", "guest"] }).notNull(),
    sphereId: uuid("sphere_id").references(() => spheres.id, { onDelete: "cascade" }),
    sphereRole: text("sphere_role", { enum: ["moderator", "member", "guest"] }).notNull().default("member"),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
    maxUses: integer("max_uses"),
    useCount: integer("use_count").notNull().default(0),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_association_created_idx").on(t.associationId, t.createdAt.desc(), t.id),
    index("invitations_expires_at_idx").on(t.expiresAt),
  ],
);
