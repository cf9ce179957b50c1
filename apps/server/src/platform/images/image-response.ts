import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../app-context.js";
import { notFound } from "../http/app-error.js";
import { versionOfKey } from "../storage/public-urls.js";

/**
 * Streams a stored image with caching headers. Addresses carry `?v=<version of the key>`: with the current
 * version the answer never changes, so browsers keep it for a year; otherwise they revalidate with the ETag.
 */
export async function sendStoredImage(
  ctx: Pick<AppContext, "storage">,
  request: FastifyRequest<{ Querystring: { v?: string | undefined } }>,
  reply: FastifyReply,
  key: string | null,
  options: { what: string; visibility: "public" | "private" },
): Promise<FastifyReply> {
  if (!key) throw notFound(options.what);
  const version = versionOfKey(key);
  const etag = `"${version}"`;
  const maxAge = request.query.v === version ? "max-age=31536000, immutable" : "no-cache";
  reply.header("cache-control", `${options.visibility}, ${maxAge}`).header("etag", etag);
  if (request.headers["if-none-match"] === etag) return reply.code(304).send();
  const object = await ctx.storage.get(key);
  if (!object) throw notFound(options.what);
  return reply.type(object.contentType).header("content-length", object.size).send(object.body);
}
