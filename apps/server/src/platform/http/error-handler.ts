import type { FastifyError, FastifyInstance } from "fastify";
import { isResponseSerializationError } from "fastify-type-provider-zod";
import type { ApiErrorBody, FieldError } from "@trame/contracts";
import { AppError } from "./app-error.js";
import { webAppPageResponder } from "./web-app.js";

/**
 * Every failure leaves as `{ error: { code, message, fields? } }`. A person's mistake is a 4xx with a message they
 * can act on; only our own faults are 500, and they never carry a stack trace.
 */
export function registerErrorHandler(app: FastifyInstance, webAppPage?: Buffer): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.message, err.fields));
    }
    // The schema's errors (zod's, and the input guard's: see input-guard.ts), named by where they are.
    if (Array.isArray(err.validation) && err.validation.length > 0) {
      const fields: FieldError[] = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split("/").filter(Boolean)].join("."),
        message: v.message ?? "invalid value",
      }));
      return reply.status(400).send(body("VALIDATION_FAILED", "Some fields are missing or invalid.", fields));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, cause: err.cause }, "response did not match its contract");
      return reply.status(500).send(body("INTERNAL", "Something went wrong on our side. Please try again."));
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === "FST_REQ_FILE_TOO_LARGE") {
      return reply.status(413).send(body("PAYLOAD_TOO_LARGE", "This is too large to be sent."));
    }
    if (status === 415 || err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply.status(415).send(body("UNSUPPORTED_MEDIA_TYPE", "This content type is not accepted here."));
    }
    if (status === 429) {
      return reply.status(429).send(body("RATE_LIMITED", "Too many attempts. Please wait a few minutes and try again."));
    }
    if (status >= 400 && status < 500) {
      // Malformed JSON, empty bodies with a JSON content type, bad headers…: the client's fault, said plainly.
      return reply.status(400).send(body("VALIDATION_FAILED", "The request could not be read: " + err.message));
    }
    request.log.error({ err }, "unhandled error");
    return reply.status(500).send(body("INTERNAL", "Something went wrong on our side. Please try again."));
  });
  // Fastify allows one not-found handler per instance: it also serves the web app's client-side routes (any GET
  // outside /api that is not a file answers the app's page) when the built app is served.
  const sendWebAppPage = webAppPage ? webAppPageResponder(webAppPage) : undefined;
  app.setNotFoundHandler((request, reply) => {
    if (sendWebAppPage && (request.method === "GET" || request.method === "HEAD") && !request.url.startsWith("/api/")) {
      return sendWebAppPage(request, reply);
    }
    return reply.status(404).send(body("NOT_FOUND", `No such address: ${request.method} ${request.url.split("?")[0]}`));
  });
}

function body(code: ApiErrorBody["error"]["code"], message: string, fields?: FieldError[]): ApiErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}
