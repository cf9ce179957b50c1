import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../test/test-app.js";
import { createAssociation, createUser } from "../test/factories.js";
import { startStorageTestApp, type StorageDriverName } from "../test/storage-test-app.js";
import { swapAssociationLogoKey } from "../modules/associations/associations.test-helpers.js";
import { swapUserAvatarKey } from "../modules/accounts/accounts.test-helpers.js";
import { sweepUnreferencedFiles, type SweepOptions } from "../platform/storage/storage-sweep.js";

const hex = () => Math.random().toString(16).slice(2).padEnd(12, "0");

// The registered key spaces of the real modules (logos, avatars), against the real database, on both drivers.
describe.each(["local disk", "S3"])("storage sweep (%s)", (driver) => {
  let t: TestApp;
  let dataDir: string;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ t, dataDir, close } = await startStorageTestApp(driver as StorageDriverName, "trame-sweep-"));
  });
  afterAll(async () => {
    await close?.();
  });

  const store = async (key: string) => {
    await t.ctx.storage.put(key, Buffer.from(`image ${key}`), { contentType: "image/webp" });
    return key;
  };
  const logoKey = (associationId: string) => `associations/${associationId}/logo-${hex()}${hex()}.webp`;
  const avatarKey = (userId: string) => `users/${userId}/avatar-${hex()}${hex()}.webp`;

  /**
   * Makes files look two hours old. The local driver reads file times, which utimes sets; S3 sets LastModified
   * itself, so there the sweep is instead told that "old" ends a minute from now.
   */
  const age = async (...keys: string[]): Promise<SweepOptions> => {
    if (driver === "S3") return { olderThan: new Date(Date.now() + 60_000) };
    const past = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const key of keys) await fs.utimes(path.join(dataDir, "files", ...key.split("/")), past, past);
    return {};
  };

  it("deletes an old logo or avatar that no row references", async () => {
    const association = await createAssociation(t.ctx);
    const user = await createUser(t.ctx);
    const logo = await store(logoKey(association.id));
    const avatar = await store(avatarKey(user.id));
    expect(await sweepUnreferencedFiles(t.ctx, await age(logo, avatar))).toBeGreaterThanOrEqual(2);
    expect(await t.ctx.storage.exists(logo)).toBe(false);
    expect(await t.ctx.storage.exists(avatar)).toBe(false);
  });

  it("keeps old files that a row references", async () => {
    const association = await createAssociation(t.ctx);
    const user = await createUser(t.ctx);
    const logo = await store(logoKey(association.id));
    const avatar = await store(avatarKey(user.id));
    await swapAssociationLogoKey(t.ctx.db, association.id, logo);
    await swapUserAvatarKey(t.ctx.db, user.id, avatar);
    await sweepUnreferencedFiles(t.ctx, await age(logo, avatar));
    expect(await t.ctx.storage.exists(logo)).toBe(true);
    expect(await t.ctx.storage.exists(avatar)).toBe(true);
  });

  it("keeps an unreferenced file less than an hour old: its upload may still be committing", async () => {
    const association = await createAssociation(t.ctx);
    const logo = await store(logoKey(association.id));
    await sweepUnreferencedFiles(t.ctx);
    expect(await t.ctx.storage.exists(logo)).toBe(true);
  });

  it("never touches files of another kind under a swept prefix", async () => {
    const association = await createAssociation(t.ctx);
    const other = await store(`associations/${association.id}/documents/minutes-${hex()}.webp`);
    await sweepUnreferencedFiles(t.ctx, await age(other));
    expect(await t.ctx.storage.exists(other)).toBe(true);
  });

  it("cleans what a crash left, both before and after the row was updated", async () => {
    const association = await createAssociation(t.ctx);
    // Killed after the commit, before deleting the replaced logo: the row names the new one, the old one stays.
    const replaced = await store(logoKey(association.id));
    await swapAssociationLogoKey(t.ctx.db, association.id, replaced);
    const current = await store(logoKey(association.id));
    await swapAssociationLogoKey(t.ctx.db, association.id, current);
    // Killed between the write and the commit: a file that no row ever named.
    const neverCommitted = await store(logoKey(association.id));

    await sweepUnreferencedFiles(t.ctx, await age(replaced, current, neverCommitted));
    expect(await t.ctx.storage.exists(replaced)).toBe(false);
    expect(await t.ctx.storage.exists(neverCommitted)).toBe(false);
    expect(await t.ctx.storage.exists(current)).toBe(true);
  });

  it("goes through several listing pages and database batches", async () => {
    const users = await Promise.all(Array.from({ length: 7 }, () => createUser(t.ctx)));
    const keys = await Promise.all(users.map((u) => store(avatarKey(u.id))));
    const kept = [keys[0]!, keys[3]!, keys[6]!];
    for (const key of kept) await swapUserAvatarKey(t.ctx.db, key.split("/")[1]!, key);
    await sweepUnreferencedFiles(t.ctx, { ...(await age(...keys)), pageSize: 2, batchSize: 3 });
    for (const key of keys) expect(await t.ctx.storage.exists(key)).toBe(kept.includes(key));
  });
});
