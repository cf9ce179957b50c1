import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { AppContext } from "../platform/app-context.js";
import { insertUser, type UserRow } from "../modules/accounts/accounts.repository.js";

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
