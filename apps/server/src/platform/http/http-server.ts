import fs from "node:fs";
import path from "node:path";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fastifyStatic from "@fastify/static";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { imageUploadField } from "@trame/contracts";
import { registerErrorHandler } from "./error-handler.js";
import { guardValidatorCompiler, registerUrlGuard } from "./input-guard.js";

export type HttpServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpServerOptions {
  logger: FastifyBaseLogger;
  trustProxy: boolean;
  /** Built web app to serve; absent in API-only tests. */
  webDist?: string;
  version: string;
}

/**
 * The routes' schemas as OpenAPI operations. An upload (`consumes: ["multipart/form-data"]`, read as a stream by the
 * route, so without a body schema) is documented with its form: one file, in the field uploads use.
 */
const documentUploads: typeof jsonSchemaTransform = (input) => {
  const transformed = jsonSchemaTransform(input);
  if (!input.schema?.consumes?.includes("multipart/form-data") || input.schema.body !== undefined) return transformed;
  const form = { type: "object", properties: { [imageUploadField]: { type: "string", format: "binary" } }, required: [imageUploadField] };
  return { ...transformed, schema: { ...transformed.schema, body: form } };
};

/** Fastify with the shared HTTP concerns: security headers, cookies, contracts, OpenAPI, errors, static web app. */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: options.trustProxy,
    bodyLimit: 1_048_576,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  // Every request part is walked for text no person writes before its schema runs (input-guard.ts).
  app.setValidatorCompiler(guardValidatorCompiler(validatorCompiler));
  app.setSerializerCompiler(serializerCompiler);
  const webAppPage =
    options.webDist && fs.existsSync(path.join(options.webDist, "index.html"))
      ? fs.readFileSync(path.join(options.webDist, "index.html"))
      : undefined;
  registerErrorHandler(app, webAppPage);

  await app.register(helmet, {
    // Everything is served by the instance itself: no third-party origin is ever needed.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Limits are declared per route (sign-in, e-mail links, resets, invitations); none is global.
  await app.register(rateLimit, { global: false });
  // Uploads are read as streams by the routes that expect them (request.file()); each passes its own size limit.
  // These defaults bound what any other multipart request may cost.
  await app.register(multipart, { limits: { fileSize: 1_048_576, files: 1, fields: 10, parts: 11, fieldSize: 16_384, headerPairs: 100 } });
  // After the security headers (a refusal carries them too), before the session is read (build-app.ts).
  registerUrlGuard(app);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Trame API", version: options.version, description: "REST API of Trame. Errors: { error: { code, message, fields? } }." },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "trame_session" } } },
    },
    transform: documentUploads,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // The docs page runs inline scripts of its own; loosen the policy for it alone.
    staticCSP: true,
    transformStaticCSP: (header) => header,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  // Client-side routes fall back to the app's page in the not-found handler (registerErrorHandler).
  if (options.webDist && webAppPage) {
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false, maxAge: "1h" });
  }
  return app;
}
