import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluatePassword } from "@trame/contracts";
import { loadConfig } from "../config/env.js";
import { closeContext, createContext } from "../app/create-context.js";
import { findUserByEmail, verifyPassword } from "../modules/accounts/accounts.public.js";

/**
 * The `trame` command as people run it: the bin launcher in a child process, on a throw-away data directory
 * (PGlite), or on a fresh PostgreSQL database when DATABASE_URL is set.
 */
const launcher = fileURLToPath(new URL("../../bin/trame.mjs", import.meta.url));
const serverUrl = process.env.DATABASE_URL;

let dataDir: string;
let databaseUrl: string | undefined;
let databaseName: string | undefined;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function trame(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const childEnv: Record<string, string | undefined> = { ...process.env, TRAME_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...env };
  // Keep the child's configuration exactly the one given here (vitest sets NODE_ENV=test, that is fine).
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  return new Promise((resolve) => {
    execFile(process.execPath, [launcher, ...args], { env: childEnv as NodeJS.ProcessEnv, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trame-cli-"));
  if (serverUrl) {
    databaseName = `trame_cli_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  }
});

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl && databaseName) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
});

// Each command starts a process, and on the embedded database a PGlite: slow on a busy machine.
describe("trame (the administration command)", { timeout: 120_000 }, () => {
  it("lists its commands with --help, and the options of one with <command> --help", async () => {
    const main = await trame(["--help"]);
    expect(main.code).toBe(0);
    for (const command of ["serve", "migrate", "setup", "demo", "association create", "association list", "user create", "user list", "user reset-password"]) {
      expect(main.stdout).toContain(command);
    }
    const one = await trame(["user", "create", "--help"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("Usage: trame user create");
    expect(one.stdout).toContain("--instance-admin");
  });

  it("rejects an unknown command or option in one line, with exit code 1", async () => {
    const command = await trame(["frobnicate"]);
    expect(command.code).toBe(1);
    expect(command.stderr.trim()).toBe('Error: Unknown command "frobnicate". Run `trame --help` for the list.');
    const option = await trame(["user", "list", "--colour"]);
    expect(option.code).toBe(1);
    expect(option.stderr.trim()).toBe("Error: Unknown option '--colour'. Run `trame user list --help`.");
  });

  it("applies the migrations with `migrate`", async () => {
    const run = await trame(["migrate"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("The database is up to date");
  });

  it("sets up the instance from flags, then refuses a second set-up", async () => {
    const run = await trame([
      "setup",
      "--email", "admin@example.org",
      "--name", "Camille Admin",
      "--password", "Vélo-Solidaire-2025",
      "--association-name", "Les Amis du Jardin",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("first association: Les Amis du Jardin (les-amis-du-jardin)");
    const again = await trame(["setup", "--email", "other@example.org", "--name", "X", "--password", "Vélo-Solidaire-2025", "--association-name", "Autre"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("This instance is already set up");
  });

  it("creates a user that `user list` then shows, and refuses the same address in another case", async () => {
    const created = await trame(["user", "create", "--email", "Jeanne.Dupre@example.org", "--name", "Jeanne Dupré", "--password", "Correct-Horse-Battery-9"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("Account created: Jeanne.Dupre@example.org (Jeanne Dupré).");
    const list = await trame(["user", "list"]);
    expect(list.code).toBe(0);
    const rows = list.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^EMAIL\s+NAME\s+LANG\s+ADMIN\s+CREATED$/);
    expect(rows.some((r) => /^Jeanne\.Dupre@example\.org\s+Jeanne Dupré\s+fr\s/.test(r))).toBe(true);
    expect(rows.some((r) => /^admin@example\.org\s+Camille Admin\s+fr\s+yes\s/.test(r))).toBe(true);

    const duplicate = await trame(["user", "create", "--email", "jeanne.dupre@EXAMPLE.org", "--name", "Autre Jeanne"]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe("Error: An account already uses this e-mail address.");
  });

  it("refuses a weak password and an invalid address, naming the problem", async () => {
    const weak = await trame(["user", "create", "--email", "paul@example.org", "--name", "Paul", "--password", "motdepasse"]);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("This password is too weak");
    const invalid = await trame(["user", "create", "--email", "not-an-address", "--name", "Paul"]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^Error: Invalid --email: /);
    expect(invalid.stderr).not.toContain("    at ");
  });

  it("creates associations (with an owner, with a parent) that `association list` then shows", async () => {
    const national = await trame(["association", "create", "--name", "Fédération des Jardins", "--slug", "federation-jardins", "--owner", "jeanne.dupre@example.org"]);
    expect(national.code).toBe(0);
    expect(national.stdout).toContain("Association created: Fédération des Jardins (slug federation-jardins");
    const local = await trame(["association", "create", "--name", "Jardins de Rennes", "--slug", "jardins-rennes", "--parent", "federation-jardins"]);
    expect(local.code).toBe(0);
    const list = await trame(["association", "list"]);
    expect(list.code).toBe(0);
    const rows = list.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^SLUG\s+NAME\s+MEMBERS\s+PARENT\s+CREATED$/);
    expect(rows.some((r) => /^federation-jardins\s+Fédération des Jardins\s+1\s+\d{4}-/.test(r))).toBe(true);
    expect(rows.some((r) => /^jardins-rennes\s+Jardins de Rennes\s+0\s+federation-jardins\s/.test(r))).toBe(true);
    expect(rows.some((r) => /^les-amis-du-jardin\s+Les Amis du Jardin\s+1\s/.test(r))).toBe(true);
  });

  it("refuses a slug already taken, and an unknown parent, with exit code 1 and one clear line", async () => {
    const taken = await trame(["association", "create", "--name", "Autres Jardins", "--slug", "jardins-rennes"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim()).toBe('Error: The slug "jardins-rennes" is already taken by another association.');
    const parent = await trame(["association", "create", "--name", "Jardins de Brest", "--slug", "jardins-brest", "--parent", "nulle-part"]);
    expect(parent.code).toBe(1);
    expect(parent.stderr.trim()).toBe('Error: No association has the slug "nulle-part" (--parent).');
  });

  it("resets a password to a generated strong one, printed once, that then signs in", async () => {
    const run = await trame(["user", "reset-password", "--email", "jeanne.dupre@example.org"]);
    expect(run.code).toBe(0);
    const password = /^Password: (.+)$/m.exec(run.stdout)?.[1];
    expect(password).toBeDefined();
    expect(evaluatePassword(password!).acceptable).toBe(true);
    const ctx = await createContext(
      loadConfig({ TRAME_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", JOBS_ENABLED: "false" }),
    );
    try {
      const user = await findUserByEmail(ctx.db, "jeanne.dupre@example.org");
      expect(await verifyPassword(user!.passwordHash!, password!)).toBe(true);
    } finally {
      await closeContext(ctx);
    }
    const unknown = await trame(["user", "reset-password", "--email", "personne@example.org"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("Error: No account has the address personne@example.org.");
  });

  it("says to stop the server or use DATABASE_URL when a running server holds the embedded database", async () => {
    const lockedDir = fs.mkdtempSync(path.join(os.tmpdir(), "trame-cli-locked-"));
    try {
      // This test process plays the running server: a live pid in the lock file.
      fs.writeFileSync(path.join(lockedDir, "trame.lock"), String(process.pid));
      const run = await trame(["user", "list"], { TRAME_DATA_DIR: lockedDir, DATABASE_URL: undefined });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `Error: The data directory ${lockedDir} is in use by a running Trame server: stop the server first or use DATABASE_URL (PostgreSQL) to share the database.`,
      );
    } finally {
      fs.rmSync(lockedDir, { recursive: true, force: true });
    }
  });
});
