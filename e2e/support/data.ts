import type { BrowserContext } from "playwright-core";
import { ApiClient } from "./api.js";

/** A password the CNIL rule accepts (≥ 12 characters of 4 kinds), shared by every account of the journeys. */
export const PASSWORD = "Trame-Essai-2025!";

export interface Instance {
  /** Signed in as the instance administrator (also owner of the first association). */
  admin: ApiClient;
  adminEmail: string;
  association: { id: string; name: string; slug: string };
}

/** POST /api/v1/setup: the instance administrator and the first association, as the set-up page would. */
export async function setUpInstance(
  baseUrl: string,
  options: { adminEmail?: string; adminName?: string; associationName?: string; slug?: string } = {},
): Promise<Instance> {
  const admin = new ApiClient(baseUrl);
  const adminEmail = options.adminEmail ?? "mehdi.benali@exemple.fr";
  const result = await admin.post<{ association: Instance["association"] }>("/api/v1/setup", {
    admin: { email: adminEmail, displayName: options.adminName ?? "Mehdi Benali", password: PASSWORD, language: "fr" },
    association: {
      name: options.associationName ?? "Les Jardins Partagés de Belleville",
      slug: options.slug ?? "jardins-belleville",
      language: "fr",
      timeZone: "Europe/Paris",
    },
  });
  return { admin, adminEmail, association: result.association };
}

export interface Member {
  api: ApiClient;
  id: string;
  email: string;
  displayName: string;
}

/**
 * A new member of the association, created as a real person would join: an administrator makes an invitation
 * link, the person accepts it signed out with a name, an address and a password, and opens the link then mailed
 * to that address (read from the outbox: `inviter` must be an instance administrator).
 */
export async function createMember(
  baseUrl: string,
  inviter: ApiClient,
  associationId: string,
  person: { email: string; displayName: string; associationRole?: "member" | "admin" | "guest" },
): Promise<Member> {
  const link = await inviter.post<{ url: string }>(`/api/v1/associations/${associationId}/invitations/links`, {
    associationRole: person.associationRole ?? "member",
    expiresInDays: 1,
    maxUses: 1,
  });
  const token = tokenOfInvitationUrl(link.url);
  const api = new ApiClient(baseUrl);
  await api.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, {
    email: person.email,
    displayName: person.displayName,
    password: PASSWORD,
  });
  const confirmation = new URL(await linkFromOutbox(inviter, person.email, "/invitations/confirm")).searchParams.get("token");
  if (!confirmation) throw new Error(`No confirmation token in the mail to ${person.email}`);
  await api.post("/api/v1/invitations/confirm", { token: confirmation });
  const session = await api.get<{ user: { id: string } | null }>("/api/v1/session");
  if (!session.user) throw new Error(`Accepting the invitation did not sign ${person.email} in`);
  return { api, id: session.user.id, email: person.email, displayName: person.displayName };
}

export function tokenOfInvitationUrl(url: string): string {
  const match = /\/invitations\/([^/?#\s]+)/.exec(url);
  if (!match) throw new Error(`Not an invitation link: ${url}`);
  return decodeURIComponent(match[1]!);
}

/** Signs a browser context in through the public API (the journey is not about signing in). */
export async function signInContext(context: BrowserContext, baseUrl: string, email: string, password = PASSWORD): Promise<void> {
  const session = await context.request.get(`${baseUrl}/api/v1/session`);
  if (!session.ok()) throw new Error(`GET /api/v1/session → ${session.status()}`);
  const csrf = (await context.cookies(baseUrl)).find((cookie) => cookie.name === "trame_csrf")?.value;
  if (!csrf) throw new Error("No trame_csrf cookie after GET /api/v1/session");
  const res = await context.request.post(`${baseUrl}/api/v1/auth/sign-in`, {
    data: { email, password },
    headers: { "x-csrf-token": csrf },
  });
  if (!res.ok()) throw new Error(`Sign-in of ${email} → ${res.status()}: ${await res.text()}`);
}

interface OutboxSummary {
  id: string;
  to: string;
  subject: string;
}

/**
 * Waits for a message to `to` in the outbox (read by an instance administrator through the API) and returns the
 * first link of its text that contains `pathPart`. Polls: the message is written by the request that caused it,
 * but a job may still be moving it.
 */
export async function linkFromOutbox(admin: ApiClient, to: string, pathPart: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await admin.get<{ items: OutboxSummary[] }>("/api/v1/admin/outbox?limit=100");
    for (const summary of page.items.filter((item) => item.to.toLowerCase() === to.toLowerCase())) {
      const message = await admin.get<{ text: string }>(`/api/v1/admin/outbox/${summary.id}`);
      const link = firstLink(message.text, pathPart);
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`No message to ${to} with a link containing ${pathPart} in the outbox`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first http(s) link of a text that contains `pathPart`. */
export function firstLink(text: string, pathPart: string): string | undefined {
  return text.match(/https?:\/\/[^\s<>"')]+/g)?.find((url) => url.includes(pathPart));
}
