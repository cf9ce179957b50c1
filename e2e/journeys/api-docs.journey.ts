import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openBrowser, type BrowserSession } from "../support/browser.js";
import { startServer, type RunningServer } from "../support/server.js";

describe("Documentation de l'API", () => {
  let server: RunningServer;
  let session: BrowserSession;
  beforeAll(async () => {
    server = await startServer();
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  test("/api/docs s'affiche avec ses styles sous la politique de sécurité du contenu, sans erreur dans la console", async () => {
    const { page } = session;
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on("requestfailed", (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(`${server.url}/api/docs`);
    await page.getByRole("heading", { name: /Trame API/ }).waitFor();
    // One operation opened: its panel renders too.
    await page.locator(".opblock-summary").filter({ hasText: "/api/v1/session" }).first().click();
    await page.getByRole("button", { name: "Try it out" }).first().waitFor();
    await page.waitForLoadState("networkidle");

    // Its stylesheets were applied: swagger-ui's own rules lay the page out (a GET operation has its blue frame).
    const sheets = await page.evaluate(() => [...document.styleSheets].map((sheet) => ({ href: sheet.href, rules: sheet.cssRules.length })));
    expect(sheets.filter((sheet) => sheet.href?.includes("/api/docs/static/") && sheet.rules > 0).length).toBeGreaterThan(0);
    const border = await page.locator(".opblock-get").first().evaluate((element) => getComputedStyle(element).borderTopStyle);
    expect(border).toBe("solid");
    expect(problems).toEqual([]);
  });
});
