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

/**
 * A link invitation accepted signed out waits here for its e-mailed confirmation: the typed address receives a link
 * that completes the acceptance, so that accepting never tells whether the address has an account. For an address
 * without one, the row keeps the name and password hash chosen, and the account is created on confirmation; for an
 * address with one, the same token is also that account's sign-in link (accounts' `email_tokens`), and dies with the
 * account's other links.
 */
export const invitationConfirmations = pgTable(
  "invitation_confirmations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    /** sha-256 of the token in the mailed link. */
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    /** The account that had the address when the link was sent; null: an account is to be created. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** For an account to create: its name, and its password hash (null: it signs in by e-mail links only). */
    displayName: text("display_name"),
    passwordHash: text("password_hash"),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitation_confirmations_token_hash_key").on(t.tokenHash),
    index("invitation_confirmations_invitation_idx").on(t.invitationId),
    index("invitation_confirmations_user_idx").on(t.userId),
    index("invitation_confirmations_expires_at_idx").on(t.expiresAt),
  ],
);
