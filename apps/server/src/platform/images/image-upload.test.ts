import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createAssociation, createUser } from "../../test/factories.js";
import { multipart, pngOf } from "./multipart.test-helpers.js";

type ErrorBody = { error: { code: string; fields?: unknown } };

/** What every upload route (avatars, logos) answers to a form that cannot be read: 400, never a 500. */
describe("reading an uploaded image", () => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "trame-upload-"));
    t = await createTestApp({ TRAME_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const malformedForms: [label: string, body: string, contentType: string][] = [
    ["no boundary", "walk", "multipart/form-data"],
    ["a form cut short", '--walk\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc', "multipart/form-data; boundary=walk"],
  ];

  it("refuses a malformed form with 400, on the avatar and the logo routes", async () => {
    const owner = await createUser(t.ctx);
    const association = await createAssociation(t.ctx, { ownerId: owner.id });
    const me = await t.client().signInAs(owner.id);
    for (const url of ["/api/v1/me/avatar", `/api/v1/associations/${association.id}/logo`]) {
      for (const [label, body, contentType] of malformedForms) {
        const res = await me.request<ErrorBody>("PUT", url, body, { "content-type": contentType });
        expect(res.status, `${url}: ${label}`).toBe(400);
        expect(res.body.error.code).toBe("VALIDATION_FAILED");
      }
    }
  });

  it("refuses a NUL in the name or the value of a text field, naming it", async () => {
    // (An unpaired surrogate cannot travel in a form: its UTF-8 bytes decode to U+FFFD.)
    const me = await t.client().signInAs((await createUser(t.ctx)).id);
    const png = await pngOf(8, 8);
    const file = { field: "file", filename: "a.png", contentType: "image/png", data: png };
    for (const [caption, path] of [[{ field: "caption", data: "a\u0000b" }, "body.caption"], [{ field: "cap\u0000tion", data: "a" }, "body.cap\uFFFDtion"]] as const) {
      const form = multipart([caption, file]);
      const res = await me.request<ErrorBody>("PUT", "/api/v1/me/avatar", form.body, form.headers);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.fields).toEqual([{ path, message: expect.stringContaining("NUL") }]);
    }
    const fine = multipart([{ field: "caption", data: "Île 😀" }, { field: "file", filename: "a.png", contentType: "image/png", data: png }]);
    expect((await me.request("PUT", "/api/v1/me/avatar", fine.body, fine.headers)).status).toBe(200);
  });
});
