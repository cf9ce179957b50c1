import { z } from "zod";
import { associationLogoSchema, idSchema, imageVersionQuerySchema } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { requireUser } from "../../platform/http/request-actor.js";
import { sendStoredImage } from "../../platform/images/image-response.js";
import { readUploadedImage } from "../../platform/images/image-upload.js";
import { getAssociationLogoKey, removeAssociationLogo, replaceAssociationLogo } from "./association-logo.service.js";
import { requireSignedIn, sessionSecurity } from "../../platform/http/route-guards.js";

const params = z.object({ associationId: idSchema });
const tags = ["associations"];
const path = "/associations/:associationId/logo";

/** The association's logo: replaced and removed by its administrators, readable by whoever may see its branding. */
export function registerAssociationLogoRoutes(app: HttpServer, ctx: AppContext): void {
  app.put(
    path,
    {
      preValidation: requireSignedIn,
      schema: {
        operationId: "uploadAssociationLogo",
        summary: "Replace the logo (multipart/form-data, field `file`; JPEG, PNG, WebP, GIF, AVIF, HEIF or TIFF, ≤ 5 MB)",
        tags,
        security: sessionSecurity,
        consumes: ["multipart/form-data"],
        params,
        response: { 200: associationLogoSchema },
      },
    },
    async (request) => replaceAssociationLogo(ctx, requireUser(request), request.params.associationId, () => readUploadedImage(request)),
  );

  app.delete(
    path,
    {
      preValidation: requireSignedIn,
      schema: { operationId: "removeAssociationLogo", tags, security: sessionSecurity, params, response: { 200: associationLogoSchema } },
    },
    async (request) => removeAssociationLogo(ctx, requireUser(request), request.params.associationId),
  );

  app.get(
    path,
    {
      schema: {
        operationId: "getAssociationLogo",
        summary:
          "The logo (WebP): for anyone when the association shows a public sphere (it appears on its public pages), otherwise for those who may see the association",
        tags,
        params,
        querystring: imageVersionQuerySchema,
        produces: ["image/webp"],
      },
    },
    async (request, reply) => {
      const { key, forAnyone } = await getAssociationLogoKey(ctx, request.actor, request.params.associationId);
      // Only a logo served because anybody may see it goes into shared caches.
      return sendStoredImage(ctx, request, reply, key, { what: "This logo", visibility: forAnyone ? "public" : "private" });
    },
  );
}
