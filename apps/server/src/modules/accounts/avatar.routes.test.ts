import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createUser } from "../../test/factories.js";
import { imageFile, multipart, pngOf } from "../../platform/images/multipart.test-helpers.js";
import { SESSION_COOKIE } from "../../platform/http/request-actor.js";
import { findUserAvatarKey } from "./accounts.repository.js";
import { openSession } from "./sessions.service.js";

describe("avatar routes", () => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "trame-avatar-"));
    t = await createTestApp({ TRAME_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const upload = (client: ReturnType<TestApp["client"]>, file: { body: Buffer; headers: Record<string, string> }) =>
    client.request<{ avatarUrl: string }>("PUT", "/api/v1/me/avatar", file.body, file.headers);

  it("asks for a session first (401), for one's own avatar and for others'", async () => {
    const user = await createUser(t.ctx);
    expect((await upload(t.client(), imageFile(await pngOf(10, 10)))).status).toBe(401);
    expect((await t.client().delete("/api/v1/me/avatar")).status).toBe(401);
    expect((await t.client().get(`/api/v1/users/${user.id}/avatar`)).status).toBe(401);
  });

  it("refuses a request that is not multipart (415), a form without the file and a malformed id (400)", async () => {
    const me = await t.client().signInAs((await createUser(t.ctx)).id);
    expect((await me.put("/api/v1/me/avatar", { file: "x" })).status).toBe(415);
    expect((await upload(me, multipart([{ field: "photo", filename: "a.png", data: await pngOf(5, 5) }]))).status).toBe(400);
    expect((await me.get("/api/v1/users/not-an-id/avatar")).status).toBe(400);
  });

  it("answers the same 404 for someone without an avatar and for an id nobody has: it does not tell who exists", async () => {
    const me = await t.client().signInAs((await createUser(t.ctx)).id);
    const other = await createUser(t.ctx);
    const existing = await me.get(`/api/v1/users/${other.id}/avatar`);
    const unknown = await me.get("/api/v1/users/00000000-0000-4000-8000-000000000000/avatar");
    expect(existing.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(existing.body);
  });

  it("sets one's avatar, cropped to 256×256, shown on one's account and to other signed-in people", async () => {
    const user = await createUser(t.ctx);
    const me = await t.client().signInAs(user.id);
    const res = await upload(me, imageFile(await pngOf(600, 300)));
    expect(res.status).toBe(200);
    expect(res.body.avatarUrl).toMatch(new RegExp(`^/api/v1/users/${user.id}/avatar\\?v=[\\w-]+$`));
    expect((await me.get("/api/v1/session")).body).toMatchObject({ user: { avatarUrl: res.body.avatarUrl } });

    // Read as raw bytes (the test client decodes bodies as text), with another member's session.
    const { token } = await openSession(t.ctx, (await createUser(t.ctx)).id, { userAgent: "vitest", ip: "127.0.0.1" });
    const served = await t.app.inject({ method: "GET", url: res.body.avatarUrl, headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/webp");
    expect(served.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });
  });

  it("replaces and removes one's avatar, deleting the files", async () => {
    const user = await createUser(t.ctx);
    const me = await t.client().signInAs(user.id);
    await upload(me, imageFile(await pngOf(50, 50)));
    const first = await findUserAvatarKey(t.ctx.db, user.id);
    await upload(me, imageFile(await pngOf(60, 60)));
    const second = await findUserAvatarKey(t.ctx.db, user.id);
    expect(await t.ctx.storage.exists(first!)).toBe(false);
    expect(await t.ctx.storage.exists(second!)).toBe(true);

    const removed = await me.delete("/api/v1/me/avatar");
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ avatarUrl: null });
    expect(await t.ctx.storage.exists(second!)).toBe(false);
    expect((await me.get(`/api/v1/users/${user.id}/avatar`)).status).toBe(404);
  });

  it("refuses a file that is not an image (415)", async () => {
    const me = await t.client().signInAs((await createUser(t.ctx)).id);
    const res = await upload(me, multipart([{ field: "file", filename: "a.jpg", contentType: "image/jpeg", data: "plain text" }]));
    expect(res.status).toBe(415);
  });
});
