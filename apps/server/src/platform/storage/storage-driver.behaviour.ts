// Behaviour every StorageDriver must have, run by each driver's test file against a real backend.
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidStorageKeyError, type StorageDriver } from "./storage-driver.js";

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A deterministic body of `size` bytes produced chunk by chunk, never held whole in memory. */
export function generatedBody(size: number, options: { failAfter?: number } = {}): { stream: Readable; sha256: Promise<string> } {
  const hash = createHash("sha256");
  let sent = 0;
  let resolveHash!: (h: string) => void;
  const sha256 = new Promise<string>((resolve) => (resolveHash = resolve));
  const stream = new Readable({
    read() {
      if (options.failAfter !== undefined && sent >= options.failAfter) {
        this.destroy(new Error("client went away"));
        return;
      }
      if (sent >= size) {
        resolveHash(hash.digest("hex"));
        this.push(null);
        return;
      }
      const chunk = Buffer.alloc(Math.min(64 * 1024, size - sent), sent % 251);
      chunk.writeUInt32BE(sent, 0);
      hash.update(chunk);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, sha256 };
}

const sha256Of = (b: Buffer) => createHash("sha256").update(b).digest("hex");

export function describeStorageDriver(name: string, open: () => Promise<{ driver: StorageDriver; close(): Promise<void> }>): void {
  describe(`${name}: the storage driver contract`, () => {
    let driver: StorageDriver;
    let close: () => Promise<void>;
    const key = (suffix: string) => `tests/${randomBytes(6).toString("hex")}/${suffix}`;

    beforeAll(async () => {
      ({ driver, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });

    it("stores a buffer and gives it back with its type, size and checksum", async () => {
      const k = key("logo-1.webp");
      const bytes = randomBytes(1000);
      const put = await driver.put(k, bytes, { contentType: "image/webp" });
      expect(put).toEqual({ size: 1000, checksum: sha256Of(bytes) });
      const got = await driver.get(k);
      expect(got?.contentType).toBe("image/webp");
      expect(got?.size).toBe(1000);
      expect(await readAll(got!.body)).toEqual(bytes);
      expect(await driver.exists(k)).toBe(true);
    });

    it("streams a multi-megabyte body up (multipart on S3) and down", async () => {
      const k = key("big.zip");
      const size = 12 * 1024 * 1024 + 12345;
      const body = generatedBody(size);
      const put = await driver.put(k, body.stream, { contentType: "application/zip" });
      expect(put.size).toBe(size);
      expect(put.checksum).toBe(await body.sha256);
      const got = await driver.get(k);
      expect(got?.size).toBe(size);
      const hash = createHash("sha256");
      let read = 0;
      for await (const chunk of got!.body) {
        hash.update(chunk as Buffer);
        read += (chunk as Buffer).length;
      }
      expect(read).toBe(size);
      expect(hash.digest("hex")).toBe(put.checksum);
    });

    it("replaces an object put again under the same key", async () => {
      const k = key("avatar.webp");
      await driver.put(k, Buffer.from("first version"), { contentType: "image/webp" });
      await driver.put(k, Buffer.from("second"), { contentType: "image/webp" });
      const got = await driver.get(k);
      expect((await readAll(got!.body)).toString()).toBe("second");
      expect(got?.size).toBe(6);
    });

    it("deletes an object, and deleting it again is not an error", async () => {
      const k = key("gone.png");
      await driver.put(k, Buffer.from("x"), { contentType: "image/png" });
      await driver.delete(k);
      expect(await driver.get(k)).toBeNull();
      expect(await driver.exists(k)).toBe(false);
      await expect(driver.delete(k)).resolves.toBeUndefined();
    });

    it("answers null for a key that holds nothing", async () => {
      expect(await driver.get(key("never-written.webp"))).toBeNull();
      expect(await driver.exists(key("never-written.webp"))).toBe(false);
    });

    it("keeps the previous object when an upload is cut off midway", async () => {
      const k = key("report.pdf");
      await driver.put(k, Buffer.from("the good version"), { contentType: "application/pdf" });
      const cut = generatedBody(8 * 1024 * 1024, { failAfter: 6 * 1024 * 1024 });
      await expect(driver.put(k, cut.stream, { contentType: "application/pdf" })).rejects.toThrow("client went away");
      expect((await readAll((await driver.get(k))!.body)).toString()).toBe("the good version");
    });

    it("stores nothing when an upload is cut off before its end", async () => {
      const k = key("never.pdf");
      const cut = generatedBody(1024 * 1024, { failAfter: 128 * 1024 });
      await expect(driver.put(k, cut.stream, { contentType: "application/pdf" })).rejects.toThrow("client went away");
      expect(await driver.exists(k)).toBe(false);
    });

    it("refuses a body shorter than its declared length", async () => {
      const k = key("short.csv");
      const body = Readable.from([Buffer.from("only ten b")]);
      await expect(driver.put(k, body, { contentType: "text/csv", contentLength: 20 })).rejects.toThrow(/declared/);
      expect(await driver.exists(k)).toBe(false);
    });

    it("lists the objects under a prefix written before a date, page after page", async () => {
      const dir = key("listed");
      const keys = ["a.webp", "b.webp", "c.webp", "sub/d.webp", "sub/deeper/e.webp"].map((k) => `${dir}/${k}`);
      for (const k of keys) await driver.put(k, Buffer.from(k), { contentType: "image/webp" });
      await driver.put(`${dir}-sibling/f.webp`, Buffer.from("f"), { contentType: "image/webp" });
      const listed = async (prefix: string, olderThan: Date) => {
        const found: string[] = [];
        for await (const o of driver.list(prefix, { olderThan, pageSize: 2 })) {
          expect(o.lastModified).toBeInstanceOf(Date);
          found.push(o.key);
        }
        return found.sort();
      };
      const future = new Date(Date.now() + 60_000);
      expect(await listed(`${dir}/`, future)).toEqual(keys);
      expect(await listed(`${dir}/sub/`, future)).toEqual(keys.slice(3));
      expect(await listed(`${dir}/s`, future)).toEqual(keys.slice(3));
      expect(await listed(`${dir}/`, new Date(Date.now() - 60_000))).toEqual([]);
      expect(await listed(key("empty/"), future)).toEqual([]);
    });

    it.each(["", "../escape.txt", "/etc/passwd", "a/../../b.txt", "a//b.txt", "a/./b.txt", ".hidden", "a/.x.tmp", "a\\b.txt", "a/", "x".repeat(600)])(
      "rejects the key %j before touching the storage",
      async (bad) => {
        await expect(driver.put(bad, Buffer.from("x"), { contentType: "text/plain" })).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(driver.get(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(driver.exists(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(driver.delete(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      },
    );
  });
}
