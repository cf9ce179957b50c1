import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation, createSphere } from "../test/factories.js";
import { startStorageTestApp, type StorageTestApp } from "../test/storage-test-app.js";
import { imageFile, pngOf } from "../platform/images/multipart.test-helpers.js";
import { openSession } from "../modules/accounts/accounts.public.js";
import { listenForSockets, TestSocket } from "../platform/realtime/realtime.test-helpers.js";
import { SESSION_COOKIE } from "../platform/http/request-actor.js";

describe("compression of API answers", () => {
  let s: StorageTestApp;
  beforeAll(async () => {
    s = await startStorageTestApp("local disk", "trame-compression-");
  });
  afterAll(async () => {
    await s?.close();
  });

  /** An association whose sphere directory is well above 1 KB of JSON, and its owner signed in. */
  async function largeDirectory() {
    const association = await createAssociation(s.t.ctx);
    for (let i = 0; i < 12; i++) {
      await createSphere(s.t.ctx, association.id, { name: `Groupe local n° ${i}`, description: "Maraudes, collectes et permanences du quartier.", visibility: "open" });
    }
    const owner = await s.t.client().signInAs(association.ownerId);
    // The same person from a client that reads raw bytes (the test client parses JSON, which a compressed body is not).
    const { token } = await openSession(s.t.ctx, association.ownerId, { userAgent: "vitest", ip: "127.0.0.1" });
    return { association, owner, cookie: `${SESSION_COOKIE}=${token}`, url: `/api/v1/associations/${association.id}/spheres` };
  }

  it("compresses a large answer with brotli or gzip, as the client accepts, into the same JSON", async () => {
    const { owner, cookie, url } = await largeDirectory();
    const plain = await owner.request<{ items: unknown[] }>("GET", url);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const json = JSON.stringify(plain.body);
    expect(Buffer.byteLength(json)).toBeGreaterThan(1024);

    const br = await s.t.app.inject({ method: "GET", url, headers: { cookie, "accept-encoding": "gzip, deflate, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(json) / 2);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.body);

    const gzip = await s.t.app.inject({ method: "GET", url, headers: { cookie, "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString())).toEqual(plain.body);
  });

  it("leaves answers under 1 KB as they are", async () => {
    const res = await s.t.app.inject({ method: "GET", url: "/api/v1/session", headers: { "accept-encoding": "br, gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(1024);
    expect(res.headers["content-encoding"]).toBeUndefined();
  });

  it("streams a stored image as it is, never re-compressed", async () => {
    const { association, owner, cookie } = await largeDirectory();
    const uploaded = await owner.request<{ logoUrl: string }>("PUT", `/api/v1/associations/${association.id}/logo`, ...imageBody(await pngOf(600, 300)));
    expect(uploaded.status).toBe(200);
    // Read by a member: the logo of an association that shows nothing publicly is theirs alone.
    const res = await s.t.app.inject({ method: "GET", url: uploaded.body.logoUrl, headers: { cookie, "accept-encoding": "br, gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/webp");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(res.rawPayload.length);
    expect(res.rawPayload.subarray(8, 12).toString()).toBe("WEBP");
  });

  it("keeps the real-time endpoint working for a browser that accepts compressed answers", async () => {
    const association = await createAssociation(s.t.ctx);
    const { token } = await openSession(s.t.ctx, association.ownerId, { userAgent: "vitest", ip: "127.0.0.1" });
    const url = await listenForSockets(s.t.app);
    const socket = await TestSocket.open(url, { cookie: `${SESSION_COOKIE}=${token}`, "accept-encoding": "gzip, deflate, br" });
    await socket.next((m) => m.type === "subscribed" && m.room === `user:${association.ownerId}`);
    expect(await socket.request({ type: "subscribe", room: `association:${association.id}` })).toBe("subscribed");
    socket.close();
  });
});

function imageBody(png: Buffer): [Buffer, Record<string, string>] {
  const file = imageFile(png);
  return [file.body, file.headers];
}
