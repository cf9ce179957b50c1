import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../test/test-app.js";
import { createAssociation, createMember, createSphere, createUser } from "../../test/factories.js";
import { startStorageTestApp, type StorageDriverName } from "../../test/storage-test-app.js";
import { listAuditRecords } from "../../platform/audit/audit.repository.js";
import { imageFile, multipart, pngOf } from "../../platform/images/multipart.test-helpers.js";
import { findAssociationLogoKey } from "./associations.repository.js";

// The same behaviour on both storage drivers: the data directory, and a real in-process S3 server.
describe.each(["local disk", "S3"])("association logo routes (%s storage)", (driver) => {
  let t: TestApp;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ t, close } = await startStorageTestApp(driver as StorageDriverName, "trame-logo-"));
  });
  afterAll(async () => {
    await close?.();
  });

  const upload = (client: ReturnType<TestApp["client"]>, associationId: string, file: { body: Buffer; headers: Record<string, string> }) =>
    client.request<{ logoUrl: string }>("PUT", `/api/v1/associations/${associationId}/logo`, file.body, file.headers);

  it("asks for a session first (401)", async () => {
    const association = await createAssociation(t.ctx);
    const res = await upload(t.client(), association.id, imageFile(await pngOf(10, 10)));
    expect(res.status).toBe(401);
  });

  it("refuses a malformed id, a request that is not multipart, and a form without the file (400/415)", async () => {
    const association = await createAssociation(t.ctx);
    const owner = await t.client().signInAs(association.ownerId);
    expect((await upload(owner, "not-an-id", imageFile(await pngOf(10, 10)))).status).toBe(400);
    const json = await owner.put(`/api/v1/associations/${association.id}/logo`, { file: "logo.png" });
    expect(json.status).toBe(415);
    expect(json.body).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    const noFile = await upload(owner, association.id, multipart([{ field: "name", data: "logo" }]));
    expect(noFile.status).toBe(400);
    expect(noFile.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
  });

  it("answers 404 to outsiders and 403 to members who are not administrators", async () => {
    const association = await createAssociation(t.ctx);
    const outsider = await t.client().signInAs((await createUser(t.ctx)).id);
    const member = await t.client().signInAs((await createMember(t.ctx, association.id, "member")).id);
    const file = imageFile(await pngOf(10, 10));
    expect((await upload(outsider, association.id, file)).status).toBe(404);
    expect((await upload(member, association.id, file)).status).toBe(403);
    expect((await outsider.delete(`/api/v1/associations/${association.id}/logo`)).status).toBe(404);
    expect((await member.delete(`/api/v1/associations/${association.id}/logo`)).status).toBe(403);
    expect(await findAssociationLogoKey(t.ctx.db, association.id)).toBeNull();
  });

  it("lets an administrator set the logo, resized to WebP, shown by the association and served to anyone", async () => {
    const association = await createAssociation(t.ctx);
    // Shown publicly (a public sphere): its logo is anybody's to see.
    await createSphere(t.ctx, association.id, { visibility: "public" });
    const admin = await t.client().signInAs((await createMember(t.ctx, association.id, "admin")).id);
    const res = await upload(admin, association.id, imageFile(await pngOf(1600, 800)));
    expect(res.status).toBe(200);
    expect(res.body.logoUrl).toMatch(new RegExp(`^/api/v1/associations/${association.id}/logo\\?v=[\\w-]+$`));

    const key = await findAssociationLogoKey(t.ctx.db, association.id);
    expect(key).toMatch(new RegExp(`^associations/${association.id}/logo-[0-9a-f]+\\.webp$`));
    expect(await t.ctx.storage.exists(key!)).toBe(true);
    expect((await admin.get(`/api/v1/associations/${association.id}`)).body).toMatchObject({ logoUrl: res.body.logoUrl });

    const served = await t.app.inject({ method: "GET", url: res.body.logoUrl });
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/webp");
    expect(served.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: "webp", width: 512, height: 256 });

    const audit = await listAuditRecords(t.ctx.db, association.id, { limit: 10, after: null });
    expect(audit.map((a) => a.action)).toContain("association.logoChanged");
  });

  it("revalidates an address without the current version, and answers 304 to a matching ETag", async () => {
    const association = await createAssociation(t.ctx);
    await createSphere(t.ctx, association.id, { visibility: "public" });
    const owner = await t.client().signInAs(association.ownerId);
    await upload(owner, association.id, imageFile(await pngOf(40, 40)));
    const plain = await t.app.inject({ method: "GET", url: `/api/v1/associations/${association.id}/logo?v=old` });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["cache-control"]).toBe("public, no-cache");
    const again = await t.app.inject({
      method: "GET",
      url: `/api/v1/associations/${association.id}/logo`,
      headers: { "if-none-match": String(plain.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it("deletes the replaced file once the new logo is in place", async () => {
    const association = await createAssociation(t.ctx);
    const owner = await t.client().signInAs(association.ownerId);
    await upload(owner, association.id, imageFile(await pngOf(30, 30, "#000000")));
    const first = await findAssociationLogoKey(t.ctx.db, association.id);
    // The same picture again still gets its own file: the one in use is never the one deleted.
    await upload(owner, association.id, imageFile(await pngOf(30, 30, "#000000")));
    const second = await findAssociationLogoKey(t.ctx.db, association.id);
    expect(second).not.toBe(first);
    expect(await t.ctx.storage.exists(first!)).toBe(false);
    expect(await t.ctx.storage.exists(second!)).toBe(true);
  });

  it("refuses a file that is not an image (415) and one over 5 MB (413), keeping the current logo", async () => {
    const association = await createAssociation(t.ctx);
    const owner = await t.client().signInAs(association.ownerId);
    await upload(owner, association.id, imageFile(await pngOf(20, 20)));
    const before = await findAssociationLogoKey(t.ctx.db, association.id);

    const text = await upload(owner, association.id, multipart([{ field: "file", filename: "logo.png", contentType: "image/png", data: "<html>not a picture</html>" }]));
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    const huge = await upload(owner, association.id, imageFile(Buffer.alloc(5 * 1024 * 1024 + 10, 1)));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(await findAssociationLogoKey(t.ctx.db, association.id)).toBe(before);
  });

  it("removes the logo and its file", async () => {
    const association = await createAssociation(t.ctx);
    const owner = await t.client().signInAs(association.ownerId);
    await upload(owner, association.id, imageFile(await pngOf(20, 20)));
    const key = await findAssociationLogoKey(t.ctx.db, association.id);
    const res = await owner.delete(`/api/v1/associations/${association.id}/logo`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ logoUrl: null });
    expect(await t.ctx.storage.exists(key!)).toBe(false);
    expect((await t.client().get(`/api/v1/associations/${association.id}/logo`)).status).toBe(404);
    const audit = await listAuditRecords(t.ctx.db, association.id, { limit: 10, after: null });
    expect(audit.map((a) => a.action)).toContain("association.logoRemoved");
  });

  it("serves the logo of an association that shows nothing publicly only to those who may see the association", async () => {
    const association = await createAssociation(t.ctx);
    const owner = await t.client().signInAs(association.ownerId);
    const { body } = await upload(owner, association.id, imageFile(await pngOf(20, 20)));
    const status = async (client: ReturnType<TestApp["client"]>) => (await client.get(body.logoUrl)).status;
    const unknown = await t.client().get(`/api/v1/associations/00000000-0000-4000-8000-000000000000/logo`);

    // Signed out, or signed in elsewhere: exactly what an unknown association answers.
    for (const stranger of [t.client(), await t.client().signInAs((await createUser(t.ctx)).id)]) {
      const res = await stranger.get(body.logoUrl);
      expect([res.status, res.body]).toEqual([unknown.status, unknown.body]);
    }
    // A private sphere shows nothing publicly either.
    await createSphere(t.ctx, association.id, { visibility: "private" });
    expect(await status(t.client())).toBe(404);

    for (const insider of [
      owner,
      await t.client().signInAs((await createMember(t.ctx, association.id, "member")).id),
      await t.client().signInAs((await createMember(t.ctx, association.id, "guest")).id),
      await t.client().signInAs((await createUser(t.ctx, { isInstanceAdmin: true })).id),
    ]) {
      const res = await insider.get(body.logoUrl);
      expect(res.status).toBe(200);
      // Not for shared caches: a proxy must not hand it to someone else.
      expect(res.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    }

    // Once it shows a public sphere, its logo appears on public pages: anybody's to see, and cacheable as such.
    await createSphere(t.ctx, association.id, { visibility: "public" });
    const shown = await t.client().get(body.logoUrl);
    expect(shown.status).toBe(200);
    expect(shown.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("answers 404 for the logo of an association that has none, or does not exist", async () => {
    const association = await createAssociation(t.ctx);
    expect((await t.client().get(`/api/v1/associations/${association.id}/logo`)).status).toBe(404);
    expect((await t.client().get(`/api/v1/associations/00000000-0000-4000-8000-000000000000/logo`)).status).toBe(404);
  });
});
