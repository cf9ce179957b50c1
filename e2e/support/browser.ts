import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's chromium, headless, with the flags this machine needs (no background network, fresh profile). */
export async function openBrowser(): Promise<BrowserSession> {
  // Playwright gives each launch a fresh temporary profile (it refuses a --user-data-dir argument).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await browser.close();
    },
  };
}

/**
 * A fresh context (its own cookies: another person) in a phone-sized window — the journeys run as Jeanne would,
 * on a 360-px screen, in French. Errors thrown in its pages, missing files and server faults are written to stderr,
 * to explain a failing journey.
 */
export async function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "fr-FR" });
  context.on("page", (page) => {
    page.on("pageerror", (error) => console.error(`[page error] ${page.url()}: ${error.message}`));
    // A missing asset (e.g. the app rebuilt under a running journey) or a server fault, said where it happened.
    page.on("response", (response) => {
      const status = response.status();
      if (status >= 500 || (status === 404 && !new URL(response.url()).pathname.startsWith("/api/"))) {
        console.error(`[http ${status}] ${response.request().method()} ${response.url()} (page ${page.url()})`);
      }
    });
  });
  return context;
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now; fails with the list of violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  expect(violations, `axe violations on ${label}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Also checks there is no horizontal scroll at the current (phone) width. */
export async function expectFitsWidth(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls horizontally by ${overflow}px`).toBeLessThanOrEqual(0);
}
