import { afterAll, beforeAll } from "vitest";
import { openBrowser, type BrowserSession } from "./browser.js";
import { setUpInstance, type Instance } from "./data.js";
import { startServer, type RunningServer } from "./server.js";

export interface InstanceFixture {
  server: RunningServer;
  session: BrowserSession;
  instance: Instance;
}

/**
 * The usual start of a journey: a fresh server, a phone-sized browser and an instance already set up (through the
 * API), all stopped after the file. Read the fields inside tests: they are filled by beforeAll.
 */
export function withInstance(env: Record<string, string> = {}): InstanceFixture {
  const fixture = {} as InstanceFixture;
  beforeAll(async () => {
    fixture.server = await startServer(env);
    fixture.session = await openBrowser();
    fixture.instance = await setUpInstance(fixture.server.url);
  });
  afterAll(async () => {
    await fixture.session?.close();
    await fixture.server?.stop();
  });
  return fixture;
}
