import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../test/test-app.js";
import { createAssociation, createMember, createSphere, createUser, TEST_PASSWORD } from "../../test/factories.js";
import {
  fieldsOf,
  hostileFieldValues,
  hostileUrlValues,
  LONE_HIGH_SURROGATE,
  mapStrings,
  NUL,
  operationsOf,
  sample,
  variantsOf,
  withValueAt,
  type Hints,
  type OpenApiDocument,
  type Operation,
} from "../../test/openapi-inputs.js";
import { multipart, pngOf } from "../images/multipart.test-helpers.js";

/**
 * Walks every operation of the OpenAPI document with what a careless or hostile client sends — NUL characters and
 * lone surrogates in every path parameter, query parameter and string field, wrong types, overlong strings,
 * malformed JSON and multipart — signed out and as an association's owner (with real ids in the path, so requests
 * reach deep code), and asserts that no answer is a 5xx: a client's input is never our fault. The operations come
 * from the document, so the modules that land later are walked too.
 */

interface WalkRequest {
  label: string;
  method: Operation["method"];
  url: string;
  body?: string | Buffer;
  contentType?: string;
}

interface Finding {
  operationId: string;
  label: string;
  method: string;
  url: string;
  status: number;
  code: string | undefined;
}

/** Real ids of one actor's world, by path-parameter name; an unknown name gets a random uuid. */
type Ids = Record<string, string> & { joinRequestId: string; creationRequestId: string };

function pathFor(op: Operation, ids: Ids, override?: { name: string; value: string }): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (override?.name === name) return override.value;
    if (name === "requestId") return op.path.includes("/sphere-requests/") ? ids.creationRequestId : ids.joinRequestId;
    return encodeURIComponent(ids[name] ?? randomUUID());
  });
}

const hintsFor =
  (ids: Ids): Hints =>
  (name) => {
    if (/password/i.test(name)) return TEST_PASSWORD;
    if (/^emails$/i.test(name)) return "walk-a@example.org, walk-b@example.org";
    if (/email/i.test(name)) return `walk-${randomUUID().slice(0, 8)}@example.org`;
    if (/timezone/i.test(name)) return "Europe/Paris";
    if (name === "token") return ids.token;
    if (name === "existingSphereId" || name === "sphereId") return ids.sphereId;
    if (name === "userId") return ids.userId;
    return undefined;
  };

/**
 * Every hostile request for one operation. Those whose body is refused come first: the requests that may succeed
 * (a poisoned query next to a valid body) would otherwise change what the others meet (a set-up done, a request
 * decided).
 */
function requestsFor(op: Operation, ids: Ids, { fields }: { fields: boolean }): WalkRequest[] {
  const hints = hintsFor(ids);
  const basePath = pathFor(op, ids);
  const baseBody = op.jsonBody ? sample(variantsOf(op.jsonBody)[0]!, "body", hints) : undefined;
  const requests: WalkRequest[] = op.method === "GET" ? [] : bodyRequestsFor(op, hints, basePath, { fields });
  const withBase = (label: string, url: string): WalkRequest =>
    baseBody === undefined ? { label, method: op.method, url } : jsonRequest(op, label, url, baseBody);

  // Path parameters: each one poisoned in turn, the others real.
  for (const name of op.pathParams) {
    for (const poison of hostileUrlValues) {
      requests.push(withBase(`path ${name}: ${poison.label}`, pathFor(op, ids, { name, value: poison.value })));
    }
  }
  // Query parameters: each one poisoned in turn, repeated (an array where a string is expected), and one the
  // operation does not declare.
  for (const { name } of op.queryParams) {
    for (const poison of [...hostileUrlValues, { label: "not a number, an id or a choice", value: "walk" }]) {
      requests.push(withBase(`query ${name}: ${poison.label}`, `${basePath}?${encodeURIComponent(name)}=${poison.value}`));
    }
    requests.push(withBase(`query ${name}: repeated`, `${basePath}?${name}=a&${name}=b`));
  }
  for (const poison of hostileUrlValues.slice(0, 3)) {
    requests.push(withBase(`undeclared query: ${poison.label}`, `${basePath}?walk=${poison.value}`));
  }
  return requests;
}

function jsonRequest(op: Operation, label: string, url: string, value: unknown): WalkRequest {
  return { label, method: op.method, url, body: JSON.stringify(value), contentType: "application/json" };
}

function bodyRequestsFor(op: Operation, hints: Hints, url: string, { fields }: { fields: boolean }): WalkRequest[] {
  const requests: WalkRequest[] = [];
  // JSON bodies: each field poisoned in turn (with the required fields around it), then every string at once.
  if (op.jsonBody && fields) {
    for (const [index, variant] of variantsOf(op.jsonBody).entries()) {
      const base = sample(variant, "body", hints);
      const full = sample(variant, "body", hints, true);
      for (const field of fieldsOf(variant)) {
        for (const poison of hostileFieldValues) {
          const body = withValueAt(base, variant, field.path, poison.value, hints);
          requests.push(jsonRequest(op, `body#${index} ${field.path.join(".")}: ${poison.label}`, url, body));
        }
        // The same text among every optional field too: some fields are only read next to others (an account
        // created from a name, an e-mail address and a password).
        for (const poison of hostileFieldValues.filter((p) => typeof p.value === "string" && p.value.length < 100)) {
          const body = withValueAt(full, variant, field.path, poison.value, hints);
          requests.push(jsonRequest(op, `body#${index} ${field.path.join(".")}, every field set: ${poison.label}`, url, body));
        }
      }
      requests.push(
        jsonRequest(op, `body#${index}: every string with NUL`, url, mapStrings(full, (s) => `${s}${NUL}`)),
        jsonRequest(op, `body#${index}: every string with a lone surrogate`, url, mapStrings(full, (s) => `${s}${LONE_HIGH_SURROGATE}`)),
        jsonRequest(op, `body#${index}: unknown key with NUL`, url, { ...(base as object), [`wa${NUL}lk`]: NUL }),
      );
    }
  }
  // Whatever the operation expects, the body as a whole can be wrong.
  const raw = (label: string, body: string | Buffer, contentType: string): WalkRequest => ({ label, method: op.method, url, body, contentType });
  requests.push(
    raw("body: malformed JSON", '{"name": "walk", ', "application/json"),
    raw("body: JSON array", "[]", "application/json"),
    raw("body: JSON string", '"walk"', "application/json"),
    raw("body: JSON null", "null", "application/json"),
    raw("body: empty JSON", "", "application/json"),
    raw("body: escaped NUL", '{"walk": "\\u0000"}', "application/json"),
    raw("body: escaped lone surrogate", '{"walk": "\\ud800"}', "application/json"),
    raw("body: deeply nested", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "application/json"),
    raw("body: prototype pollution", '{"__proto__": {"walk": 1}}', "application/json"),
    raw("body: invalid UTF-8", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), "application/json"),
    raw("body: text/plain", "walk", "text/plain"),
    // Malformed multipart, sent to every operation: uploads must refuse it, the others ignore it.
    raw("multipart: no boundary", "walk", "multipart/form-data"),
    raw("multipart: garbage", "walk walk walk", "multipart/form-data; boundary=walk"),
    raw("multipart: empty boundary", "--\r\n\r\n----\r\n", "multipart/form-data; boundary="),
    raw("multipart: unterminated", '--walk\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc', "multipart/form-data; boundary=walk"),
  );
  return requests;
}

/** Uploads: text fields and file names with NUL or lone surrogates, and a file that is not an image. */
async function multipartRequestsFor(op: Operation, ids: Ids): Promise<WalkRequest[]> {
  const png = await pngOf(8, 8);
  const url = pathFor(op, ids);
  const forms: { label: string; form: ReturnType<typeof multipart> }[] = [
    { label: "text field with NUL", form: multipart([{ field: "walk", data: `wa${NUL}lk` }, { field: "file", filename: "a.png", contentType: "image/png", data: png }]) },
    { label: "text field with a lone surrogate", form: multipart([{ field: "walk", data: `wa${LONE_HIGH_SURROGATE}lk` }, { field: "file", filename: "a.png", data: png }]) },
    { label: "field name with NUL", form: multipart([{ field: `fi${NUL}le`, filename: "a.png", data: png }]) },
    { label: "file name with NUL", form: multipart([{ field: "file", filename: `a${NUL}.png`, contentType: "image/png", data: png }]) },
    { label: "file that is not an image", form: multipart([{ field: "file", filename: "a.png", contentType: "image/png", data: "walk" }]) },
    { label: "text instead of the file", form: multipart([{ field: "file", data: "walk" }]) },
  ];
  return forms.map(({ label, form }) => ({
    label: `multipart: ${label}`,
    method: op.method,
    url,
    body: form.body,
    contentType: form.headers["content-type"],
  }));
}

async function walk(t: TestApp, operations: Operation[], ids: Ids, actor: { signedOut: true } | { signedInAs: string }) {
  const findings: Finding[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  // Deletions last, so that the other operations still find what they act on.
  const ordered = [...operations].sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));
  for (const op of ordered) {
    // A fresh session per operation: one operation's request (signing out…) never blinds the next ones.
    const client = "signedInAs" in actor ? await t.client().signInAs(actor.signedInAs) : t.client();
    // Signed out, an operation that asks for a session before it reads its input (401 to an empty request) gets
    // only what is read before the session: the URL and the body as a whole. The owner's walk sends it everything.
    let fields = true;
    if ("signedOut" in actor) {
      const probe: WalkRequest = { label: "empty request", method: op.method, url: pathFor(op, ids) };
      if (op.method !== "GET") Object.assign(probe, { body: "{}", contentType: "application/json" });
      const first = await send(client, op, probe);
      fields = !(first.status === 401 && first.code === "UNAUTHENTICATED");
    }
    const requests = [...requestsFor(op, ids, { fields }), ...(op.multipart && fields ? await multipartRequestsFor(op, ids) : [])];
    for (const r of requests) await send(client, op, r);
  }
  return { findings, statuses, sent };

  async function send(client: TestClient, op: Operation, r: WalkRequest) {
    const res = await client.request(r.method, r.url, r.body, r.contentType ? { "content-type": r.contentType } : {});
    sent++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
    if (res.status >= 500) {
      findings.push({ operationId: op.operationId, label: r.label, method: r.method, url: r.url.slice(0, 160), status: res.status, code });
    }
    return { status: res.status, code };
  }
}

const tokenOf = (invitationUrl: unknown) => decodeURIComponent(String(invitationUrl).split("/invitations/")[1]!);

function report(findings: Finding[]): string[] {
  return findings.map((f) => `${f.operationId} (${f.method} ${f.url}) — ${f.label} → ${f.status} ${f.code ?? ""}`);
}

describe("the OpenAPI walk: no input from a client is answered with a 5xx", () => {
  let t: TestApp;
  let operations: Operation[];

  beforeAll(async () => {
    // Rate limits raised so that the walk's requests reach validation and the code behind it, not a 429.
    t = await createTestApp({ AUTH_RATE_LIMIT: "10000" });
    const doc = await t.client().get<OpenApiDocument>("/api/openapi.json");
    operations = operationsOf(doc.body);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reads every operation from the document", () => {
    expect(operations.length).toBeGreaterThan(50);
    // Uploads declare their multipart body, so the walk sends them forms.
    expect(operations.filter((o) => o.multipart).map((o) => o.operationId)).toEqual(expect.arrayContaining(["uploadMyAvatar", "uploadAssociationLogo"]));
  });

  it("answers no 5xx to a signed-out visitor", async () => {
    // Before any instance administrator exists: the set-up operation is open and walked in depth.
    const association = await createAssociation(t.ctx);
    const publicSphere = await createSphere(t.ctx, association.id, { visibility: "public" });
    // A real invitation link: accepting it signed out creates an account from the body.
    const owner = await t.client().signInAs(association.ownerId);
    const link = await owner.post(`/api/v1/associations/${association.id}/invitations/links`, {});
    expect(link.status).toBe(200);
    const ids: Ids = {
      associationId: association.id,
      slug: association.slug,
      sphereId: publicSphere.id,
      userId: association.ownerId,
      token: tokenOf(link.body.url),
      joinRequestId: randomUUID(),
      creationRequestId: randomUUID(),
    };
    const { findings, statuses, sent } = await walk(t, operations, ids, { signedOut: true });
    expect(report(findings)).toEqual([]);
    expect(statuses.get(429) ?? 0).toBeLessThan(sent / 20);
  }, 120_000);

  it("answers no 5xx to the owner of an association, who is also the instance administrator", async () => {
    const owner = await createUser(t.ctx, { isInstanceAdmin: true, password: TEST_PASSWORD });
    const association = await createAssociation(t.ctx, { ownerId: owner.id, sphereCreationPolicy: "request" });
    const sphere = await createSphere(t.ctx, association.id, { visibility: "private" });
    const member = await createMember(t.ctx, association.id, "member");
    const requester = await createMember(t.ctx, association.id, "member");
    const ownerClient = await t.client().signInAs(owner.id);
    const requesterClient = await t.client().signInAs(requester.id);
    const base = `/api/v1/associations/${association.id}`;

    const joinRequest = await requesterClient.post(`${base}/spheres/${sphere.id}/join-requests`, { message: "Bonjour" });
    expect(joinRequest.status).toBe(200);
    const creationRequest = await requesterClient.post(`${base}/sphere-requests`, { name: "Sphère demandée" });
    expect(creationRequest.status).toBe(200);
    const link = await ownerClient.post(`${base}/invitations/links`, {});
    expect(link.status).toBe(200);
    const emails = await ownerClient.post(`${base}/invitations/emails`, { emails: "walk-invitee@example.org" });
    expect(emails.status).toBe(200);
    const outbox = await ownerClient.get(`/api/v1/admin/outbox`);
    const sessions = await ownerClient.get(`/api/v1/me/sessions`);
    const otherSession = (sessions.body.items as { id: string; isCurrent: boolean }[]).find((s) => !s.isCurrent);

    const ids: Ids = {
      associationId: association.id,
      slug: association.slug,
      sphereId: sphere.id,
      userId: member.id,
      invitationId: link.body.id,
      token: tokenOf(link.body.url),
      messageId: outbox.body.items[0].id,
      sessionId: otherSession?.id ?? randomUUID(),
      joinRequestId: joinRequest.body.id,
      creationRequestId: creationRequest.body.id,
    };
    const { findings, statuses, sent } = await walk(t, operations, ids, { signedInAs: owner.id });
    expect(report(findings)).toEqual([]);
    expect(statuses.get(429) ?? 0).toBeLessThan(sent / 20);
  }, 180_000);
});
