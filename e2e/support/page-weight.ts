import type { BrowserContext, Page } from "playwright-core";

/**
 * EcoIndex (GreenIT / cnumr's published method): a page is placed, for each of three measures, between the 21
 * quantiles of the HTTP Archive sites the method was calibrated on (linear interpolation between two quantiles:
 * position 0 to 20), and the positions are weighted 3 (DOM elements), 2 (requests) and 1 (page size in KB):
 *   score = 100 − 5 × (3·q_dom + 2·q_req + q_size) / 6
 * so 100 is a page with nothing, 0 a page past every quantile. Grades: A above 80, B above 70, C above 55,
 * D above 40, E above 25, F above 10, G below.
 */
const quantiles = {
  dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  requests: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  sizeKb: [0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26],
} as const;

/** Where `value` falls among the quantiles: i − 1 plus the fraction of the way from quantile i − 1 to quantile i. */
export function quantilePosition(table: readonly number[], value: number): number {
  for (let i = 1; i < table.length; i++) {
    if (value < table[i]!) return i - 1 + (value - table[i - 1]!) / (table[i]! - table[i - 1]!);
  }
  return table.length - 1;
}

export function ecoIndex(domElements: number, requests: number, sizeKb: number): number {
  const dom = quantilePosition(quantiles.dom, domElements);
  const req = quantilePosition(quantiles.requests, requests);
  const size = quantilePosition(quantiles.sizeKb, sizeKb);
  return 100 - (5 * (3 * dom + 2 * req + size)) / 6;
}

export function ecoIndexGrade(score: number): string {
  const limits: [string, number][] = [["A", 80], ["B", 70], ["C", 55], ["D", 40], ["E", 25], ["F", 10]];
  return limits.find(([, limit]) => score > limit)?.[0] ?? "G";
}

export interface PageWeight {
  /** Bytes received for scripts (compressed as sent, headers included). */
  scriptBytes: number;
  /** Bytes received for everything (documents, scripts, styles, API answers, icons), as sent. */
  totalBytes: number;
  /** HTTP requests, the WebSocket's opening included. */
  requests: number;
  /** Elements of the document, those inside an <svg> left out (as the EcoIndex counts). */
  domElements: number;
  ecoIndex: number;
  grade: string;
  /** Each script received: its address, encoding, bytes received and bytes once decoded. */
  scripts: { url: string; encoding: string; bytes: number; decodedBytes: number }[];
}

/**
 * Opens `url` in a new page of `context` (a context of its own: an empty cache, as a first visit) and measures what
 * crossed the network through Chromium's DevTools protocol, until `ready` resolves and the network is quiet.
 */
export async function measurePage(context: BrowserContext, url: string, ready: (page: Page) => Promise<void>): Promise<PageWeight> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, { url: string; type: string; encoding: string; bytes: number; decodedBytes: number }>();
  let sockets = 0;
  cdp.on("Network.requestWillBeSent", (event) => {
    if (/^(?:data|blob):/.test(event.request.url)) return;
    requests.set(event.requestId, { url: event.request.url, type: event.type ?? "Other", encoding: "", bytes: 0, decodedBytes: 0 });
  });
  cdp.on("Network.responseReceived", (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.type = event.type;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    request.encoding = headers["content-encoding"] ?? "identity";
  });
  cdp.on("Network.dataReceived", (event) => {
    const request = requests.get(event.requestId);
    if (request) request.decodedBytes += event.dataLength;
  });
  cdp.on("Network.loadingFinished", (event) => {
    const request = requests.get(event.requestId);
    if (request) request.bytes = event.encodedDataLength;
  });
  cdp.on("Network.webSocketCreated", () => {
    sockets++;
  });
  await cdp.send("Network.enable");
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState("networkidle");
  const domElements = await page.evaluate(
    () => [...document.getElementsByTagName("*")].filter((element) => element.tagName.toLowerCase() === "svg" || !element.closest("svg")).length,
  );
  await cdp.detach();
  await page.close();

  const all = [...requests.values()];
  const scripts = all.filter((r) => r.type === "Script").map(({ url, encoding, bytes, decodedBytes }) => ({ url: new URL(url).pathname, encoding, bytes, decodedBytes }));
  const scriptBytes = scripts.reduce((sum, s) => sum + s.bytes, 0);
  const totalBytes = all.reduce((sum, r) => sum + r.bytes, 0);
  const requestCount = all.length + sockets;
  const score = ecoIndex(domElements, requestCount, totalBytes / 1024);
  return { scriptBytes, totalBytes, requests: requestCount, domElements, ecoIndex: score, grade: ecoIndexGrade(score), scripts };
}
