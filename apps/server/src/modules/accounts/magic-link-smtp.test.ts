import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webRoutes } from "@trame/contracts";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { createUser } from "../../test/factories.js";
import { startTestSmtpServer, type TestSmtpServer } from "../../test/smtp-test-server.js";
import { CSRF_COOKIE } from "../../platform/http/request-actor.js";
import { findLastMailTo, tokenOfMail } from "./accounts.test-helpers.js";

describe("sign-in link delivered by a real SMTP server", () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestApp({ JOBS_ENABLED: "true", SMTP_URL: smtp.url, PUBLIC_URL: "https://asso.example.org" });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("receives the message over SMTP, in the user's language, and its link signs the user in", async () => {
    const user = await createUser(t.ctx, { displayName: "Hélène Moreau", language: "fr" });
    const c = t.client();
    c.forgetCookie(CSRF_COOKIE);
    await c.get("/api/v1/session");
    expect((await c.post("/api/v1/auth/magic-link", { email: user.email })).status).toBe(200);

    const deadline = Date.now() + 20_000;
    while (!smtp.received.some((m) => m.to.includes(user.email)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const mail = smtp.received.find((m) => m.to.includes(user.email));
    expect(mail).toBeDefined();
    expect(mail!.decoded).toContain("Bonjour Hélène Moreau,");
    const token = tokenOfMail(mail!.decoded);
    expect(mail!.decoded).toContain(`https://asso.example.org${webRoutes.signInLink(token)}`);

    // The outbox keeps a copy, marked sent.
    const deadlineSent = Date.now() + 10_000;
    let copy = await findLastMailTo(t.ctx, user.email);
    while (copy?.status !== "sent" && Date.now() < deadlineSent) {
      await new Promise((r) => setTimeout(r, 100));
      copy = await findLastMailTo(t.ctx, user.email);
    }
    expect(copy!.status).toBe("sent");

    const res = await c.post("/api/v1/auth/magic-link/consume", { token });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(user.id);
  });
});
