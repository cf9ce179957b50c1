import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { AppContext } from "../platform/app-context.js";
import { insertUser, type UserRow } from "../modules/accounts/accounts.public.js";
import { addAssociationMember, createAssociation as createAssociationAsInstance } from "../modules/associations/associations.public.js";
import { updateAssociationRow } from "../modules/associations/associations.test-helpers.js";
import { runInTransaction } from "../platform/db/transaction.js";
import { addSphereMemberInTx, changeSphere, createSphereInTx, lockSphere } from "../modules/spheres/spheres.public.js";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

export const TEST_PASSWORD = "Correct-Horse-Battery-9";

/** A user; with `password`, hashed for real (argon2id) so sign-in tests exercise the real path. */
export async function createUser(
  ctx: AppContext,
  values: { email?: string; displayName?: string; password?: string; isInstanceAdmin?: boolean; language?: "fr" | "en" } = {},
): Promise<UserRow> {
  const id = unique();
  return insertUser(ctx.db, {
    email: values.email ?? `user-${id}@example.org`,
    displayName: values.displayName ?? `Membre ${id}`,
    language: values.language ?? "fr",
    passwordHash: values.password ? await hash(values.password, { algorithm: 2 }) : null,
    isInstanceAdmin: values.isInstanceAdmin ?? false,
  });
}

// ——— Associations and spheres (through their services, so that counts, audit and invariants hold) ———

export interface TestAssociation {
  id: string;
  slug: string;
  name: string;
  ownerId: string;
}

/** An association with an owner (created unless given), through the same service as the CLI. */
export async function createAssociation(
  ctx: AppContext,
  values: {
    name?: string;
    slug?: string;
    ownerId?: string;
    parentId?: string;
    sphereCreationPolicy?: "admins" | "request" | "members";
    language?: "fr" | "en";
  } = {},
): Promise<TestAssociation> {
  const id = unique();
  const ownerId = values.ownerId ?? (await createUser(ctx, { displayName: `Propriétaire ${id}` })).id;
  const association = await createAssociationAsInstance(
    ctx,
    { name: values.name ?? `Association ${id}`, slug: values.slug ?? `asso-${id}`, parentId: values.parentId, language: values.language ?? "fr" },
    ownerId,
  );
  if (values.sphereCreationPolicy) {
    await updateAssociationRow(ctx.db, association.id, { sphereCreationPolicy: values.sphereCreationPolicy });
  }
  return { id: association.id, slug: association.slug, name: association.name, ownerId };
}

/** A user who is a member of the association with this role. */
export async function createMember(
  ctx: AppContext,
  associationId: string,
  role: "owner" | "admin" | "member" | "guest" = "member",
  values: Parameters<typeof createUser>[1] = {},
): Promise<UserRow> {
  const user = await createUser(ctx, values);
  await addAssociationMember(ctx, associationId, user.id, role, null);
  return user;
}

/** A sphere with its first manager (a new member of the association unless given). */
export async function createSphere(
  ctx: AppContext,
  associationId: string,
  values: { name?: string; visibility?: "secret" | "private" | "open" | "public"; managerId?: string; parentId?: string; description?: string } = {},
) {
  const managerId = values.managerId ?? (await createMember(ctx, associationId, "member")).id;
  const sphere = await runInTransaction(ctx, (tx, events) =>
    createSphereInTx(
      tx,
      associationId,
      {
        name: values.name ?? `Sphère ${unique()}`,
        description: values.description ?? "",
        visibility: values.visibility ?? "open",
        parentId: values.parentId,
      },
      managerId,
      null,
      events,
    ),
  );
  return { ...sphere, managerId };
}

/** Adds an association member to a sphere with a role (as a manager adding them would). */
export async function addToSphere(
  ctx: AppContext,
  associationId: string,
  sphereId: string,
  userId: string,
  role: "manager" | "moderator" | "member" | "guest" = "member",
): Promise<void> {
  await changeSphere(ctx, associationId, sphereId, (tx, events) => addSphereMemberInTx(tx, { associationId, sphereId }, userId, role, events));
}
