import { and, desc, eq, sql } from "drizzle-orm";
import type { SphereVisibility } from "@trame/contracts";
import type { DbOrTx } from "../../platform/db/transaction.js";
// Requesters' display names are read by join: one query per page.
import { userProfiles } from "../accounts/accounts.public.js";
import { exactTimestamp, olderThanCursor, type TimestampCursor } from "../../platform/db/timestamp-cursor.js";
import { sphereCreationRequests, sphereJoinRequests } from "./spheres.tables.js";

type TimeCursor = TimestampCursor | null;

const requester = userProfiles("requester");

// ——— Join requests ———

const joinRequestColumns = {
  id: sphereJoinRequests.id,
  sphereId: sphereJoinRequests.sphereId,
  userId: sphereJoinRequests.userId,
  displayName: requester.displayName,
  message: sphereJoinRequests.message,
  status: sphereJoinRequests.status,
  createdAt: sphereJoinRequests.createdAt,
  cursorTime: exactTimestamp(sphereJoinRequests.createdAt),
};

/** Returns null when a pending request already exists (one pending request per person and sphere). */
export async function insertJoinRequest(db: DbOrTx, values: { associationId: string; sphereId: string; userId: string; message: string }) {
  const [row] = await db
    .insert(sphereJoinRequests)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: sphereJoinRequests.id });
  return row ?? null;
}

export async function listJoinRequestRows(
  db: DbOrTx,
  associationId: string,
  sphereId: string,
  page: { status: "pending" | "approved" | "refused" | "cancelled"; after: TimeCursor; limit: number },
) {
  return db
    .select(joinRequestColumns)
    .from(sphereJoinRequests)
    .innerJoin(requester, eq(requester.id, sphereJoinRequests.userId))
    .where(
      and(
        eq(sphereJoinRequests.associationId, associationId),
        eq(sphereJoinRequests.sphereId, sphereId),
        eq(sphereJoinRequests.status, page.status),
        olderThanCursor(sphereJoinRequests.createdAt, sphereJoinRequests.id, page.after),
      ),
    )
    .orderBy(desc(sphereJoinRequests.createdAt), desc(sphereJoinRequests.id))
    .limit(page.limit + 1);
}

export async function findJoinRequestRow(db: DbOrTx, associationId: string, sphereId: string, requestId: string) {
  const [row] = await db
    .select(joinRequestColumns)
    .from(sphereJoinRequests)
    .innerJoin(requester, eq(requester.id, sphereJoinRequests.userId))
    .where(
      and(
        eq(sphereJoinRequests.associationId, associationId),
        eq(sphereJoinRequests.sphereId, sphereId),
        eq(sphereJoinRequests.id, requestId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Decides a request only if it is still pending; returns false if someone decided it first. */
export async function decideJoinRequestRow(
  db: DbOrTx,
  requestId: string,
  decision: { status: "approved" | "refused"; reason: string | null; decidedBy: string },
): Promise<boolean> {
  const rows = await db
    .update(sphereJoinRequests)
    .set({ status: decision.status, decisionReason: decision.reason, decidedBy: decision.decidedBy, decidedAt: sql`now()` })
    .where(and(eq(sphereJoinRequests.id, requestId), eq(sphereJoinRequests.status, "pending")))
    .returning({ id: sphereJoinRequests.id });
  return rows.length > 0;
}

/** Its author withdraws a request, only while it is pending; false when it was decided (or withdrawn) first. */
export async function cancelJoinRequestRow(db: DbOrTx, associationId: string, requestId: string): Promise<boolean> {
  const rows = await db
    .update(sphereJoinRequests)
    .set({ status: "cancelled", decidedAt: sql`now()` })
    .where(
      and(
        eq(sphereJoinRequests.associationId, associationId),
        eq(sphereJoinRequests.id, requestId),
        eq(sphereJoinRequests.status, "pending"),
      ),
    )
    .returning({ id: sphereJoinRequests.id });
  return rows.length > 0;
}

/** A pending request ends when its author joins by another way or leaves the association. */
export async function cancelPendingJoinRequests(db: DbOrTx, associationId: string, userId: string, sphereId?: string): Promise<void> {
  await db
    .update(sphereJoinRequests)
    .set({ status: "cancelled", decidedAt: sql`now()` })
    .where(
      and(
        eq(sphereJoinRequests.associationId, associationId),
        eq(sphereJoinRequests.userId, userId),
        eq(sphereJoinRequests.status, "pending"),
        sphereId ? eq(sphereJoinRequests.sphereId, sphereId) : undefined,
      ),
    );
}

// ——— Creation requests ———

const creationRequestColumns = {
  id: sphereCreationRequests.id,
  requestedBy: sphereCreationRequests.requestedBy,
  requesterName: requester.displayName,
  name: sphereCreationRequests.name,
  description: sphereCreationRequests.description,
  visibility: sphereCreationRequests.visibility,
  parentId: sphereCreationRequests.parentId,
  reason: sphereCreationRequests.reason,
  status: sphereCreationRequests.status,
  decisionReason: sphereCreationRequests.decisionReason,
  existingSphereId: sphereCreationRequests.existingSphereId,
  createdSphereId: sphereCreationRequests.createdSphereId,
  createdAt: sphereCreationRequests.createdAt,
  cursorTime: exactTimestamp(sphereCreationRequests.createdAt),
};

export async function insertCreationRequest(
  db: DbOrTx,
  values: {
    associationId: string;
    requestedBy: string;
    name: string;
    description: string;
    visibility: SphereVisibility;
    parentId: string | null;
    reason: string;
  },
): Promise<string> {
  const [row] = await db.insert(sphereCreationRequests).values(values).returning({ id: sphereCreationRequests.id });
  return row!.id;
}

export async function listCreationRequestRows(
  db: DbOrTx,
  associationId: string,
  page: { requestedBy?: string; status?: "pending" | "approved" | "refused" | "redirected"; after: TimeCursor; limit: number },
) {
  return db
    .select(creationRequestColumns)
    .from(sphereCreationRequests)
    .innerJoin(requester, eq(requester.id, sphereCreationRequests.requestedBy))
    .where(
      and(
        eq(sphereCreationRequests.associationId, associationId),
        page.requestedBy ? eq(sphereCreationRequests.requestedBy, page.requestedBy) : undefined,
        page.status ? eq(sphereCreationRequests.status, page.status) : undefined,
        olderThanCursor(sphereCreationRequests.createdAt, sphereCreationRequests.id, page.after),
      ),
    )
    .orderBy(desc(sphereCreationRequests.createdAt), desc(sphereCreationRequests.id))
    .limit(page.limit + 1);
}

export async function findCreationRequestRow(db: DbOrTx, associationId: string, requestId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select(creationRequestColumns)
    .from(sphereCreationRequests)
    .innerJoin(requester, eq(requester.id, sphereCreationRequests.requestedBy))
    .where(and(eq(sphereCreationRequests.associationId, associationId), eq(sphereCreationRequests.id, requestId)))
    .limit(1);
  const [row] = options.lock ? await query.for("no key update", { of: sphereCreationRequests }) : await query;
  return row ?? null;
}

export async function decideCreationRequestRow(
  db: DbOrTx,
  requestId: string,
  decision: {
    status: "approved" | "refused" | "redirected";
    decisionReason: string | null;
    existingSphereId: string | null;
    createdSphereId: string | null;
    decidedBy: string;
  },
): Promise<void> {
  await db
    .update(sphereCreationRequests)
    .set({ ...decision, decidedAt: sql`now()` })
    .where(eq(sphereCreationRequests.id, requestId));
}
