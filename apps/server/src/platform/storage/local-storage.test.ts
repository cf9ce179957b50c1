import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStorageDriver } from "./local-storage.js";
import { describeStorageDriver, generatedBody } from "./storage-driver.behaviour.js";

describeStorageDriver("local disk", async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "trame-files-"));
  const driver = new LocalStorageDriver(root);
  return {
    driver,
    async close() {
      await driver.close();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
});

async function listFiles(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(directory, path.join(e.parentPath, e.name)));
}

describe("local disk: crash safety", () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "trame-files-"));
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it("leaves neither the final file nor a temporary one after an upload is cut off", async () => {
    const driver = new LocalStorageDriver(root);
    const cut = generatedBody(4 * 1024 * 1024, { failAfter: 1024 * 1024 });
    await expect(driver.put("cut/off.pdf", cut.stream, { contentType: "application/pdf" })).rejects.toThrow();
    expect(await listFiles(root)).toEqual([]);
  });

  it("never shows a half-written file under its final name when the process is killed mid-write", async () => {
    const fixture = fileURLToPath(new URL("./local-storage.crash-fixture.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", fixture, root, "killed/upload.pdf"], { stdio: ["ignore", "pipe", "inherit"] });
    // The fixture says "writing" once a megabyte is on disk, then keeps the upload open forever.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("writing") && resolve());
      child.once("exit", (code) => reject(new Error(`fixture exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    const driver = new LocalStorageDriver(root);
    expect(await driver.exists("killed/upload.pdf")).toBe(false);
    const leftovers = await listFiles(path.join(root, "killed"));
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.upload\.pdf\.[0-9a-f]+\.tmp$/);
    // A fresh temporary file may belong to a live writer elsewhere: only stale ones are swept.
    expect(await driver.removeStaleTemporaryFiles(60 * 60 * 1000)).toBe(0);
    expect(await driver.removeStaleTemporaryFiles(0)).toBe(1);
    expect(await listFiles(path.join(root, "killed"))).toEqual([]);
  });

  it("never lists temporary files, nor files newer than asked", async () => {
    const driver = new LocalStorageDriver(root);
    await driver.put("listing/kept.webp", Buffer.from("x"), { contentType: "image/webp" });
    await fs.writeFile(path.join(root, "listing", ".kept.webp.0123abcd.tmp"), "partial");
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await fs.utimes(path.join(root, "listing", ".kept.webp.0123abcd.tmp"), old, old);
    const listed = async (olderThan: Date) => {
      const keys: string[] = [];
      for await (const o of driver.list("listing/", { olderThan })) keys.push(o.key);
      return keys;
    };
    expect(await listed(new Date(Date.now() - 60 * 60 * 1000))).toEqual([]);
    await fs.utimes(path.join(root, "listing", "kept.webp"), old, old);
    expect(await listed(new Date(Date.now() - 60 * 60 * 1000))).toEqual(["listing/kept.webp"]);
  });
});
