import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { imageUploadField } from "@trame/contracts";
import { registerErrorHandler } from "./error-handler.js";
import { readWebAppPage, registerWebAppFiles } from "./web-app.js";
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
  const webAppPage = readWebAppPage(options.webDist);
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
    // Framing is forbidden by `frame-ancestors 'none'` above, which every supported browser honours.
    xFrameOptions: false,
    // HSTS over plain http means nothing (browsers ignore it there) and says the instance is meant for TLS when it
    // may not be: it is sent below, only on answers that travel over TLS.
    strictTransportSecurity: false,
  });
  // Behind TLS: the connection itself, or the X-Forwarded-Proto of a trusted proxy (request.protocol honours
  // TRUST_PROXY). Added before any route runs, so error answers carry it too.
  app.addHook("onRequest", async (request, reply) => {
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  });
  await app.register(cookie);
  // Limits are declared per route (sign-in, e-mail links, resets, invitations); none is global.
  await app.register(rateLimit, { global: false });
  // Uploads are read as streams by the routes that expect them (request.file()); each passes its own size limit.
  // These defaults bound what any other multipart request may cost.
  await app.register(multipart, { limits: { fileSize: 1_048_576, files: 1, fields: 10, parts: 11, fieldSize: 16_384, headerPairs: 100 } });
  // After the security headers (a refusal carries them too), before the session is read (build-app.ts).
  registerUrlGuard(app);

  // Client-side routes fall back to the app's page in the not-found handler (registerErrorHandler).
  if (options.webDist && webAppPage) await registerWebAppFiles(app, options.webDist);
  // Answers of the routes declared from here on (the API, its docs) are compressed when the client accepts it and
  // they exceed 1 KB; smaller ones would gain less than the headers cost. The built files above are compressed at
  // build time instead. Images are left alone (their types are not compressible), and so is the WebSocket
  // upgrade. Request bodies are never inflated: a small compressed body could expand past the body limit's intent.
  await app.register(compress, { threshold: 1024, encodings: ["br", "gzip"], globalDecompression: false });

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
    // The docs page lives under the instance's own policy (helmet, above): its scripts and stylesheets are files of
    // this origin. Not swagger-ui's `staticCSP`, whose `upgrade-insecure-requests` sends the stylesheet to https://
    // on an instance reached over plain http (a LAN address), where it is blocked. The base layout leaves out the
    // top bar, whose logo is an inline <style> the policy refuses (and whose box would load any URL's document).
    uiConfig: { layout: "BaseLayout" },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  return app;
}
