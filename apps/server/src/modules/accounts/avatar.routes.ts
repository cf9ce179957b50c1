import { z } from "zod";
import { avatarSchema, idSchema, imageVersionQuerySchema } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { HttpServer } from "../../platform/http/http-server.js";
import { requireUser } from "../../platform/http/request-actor.js";
import { sendStoredImage } from "../../platform/images/image-response.js";
import { readUploadedImage } from "../../platform/images/image-upload.js";
import { getAvatarKey, removeAvatar, replaceAvatar } from "./avatar.service.js";

const tags = ["accounts"];
const sessionSecurity = [{ session: [] }];
// 401 before the input is looked at (401 → 400 → 404 → 200).
const signedIn = { preValidation: async (request: Parameters<typeof requireUser>[0]) => void requireUser(request) };

/** One's own avatar, and everyone's avatar for signed-in people (members' faces are not public). */
export function registerAvatarRoutes(app: HttpServer, ctx: AppContext): void {
  app.put(
    "/me/avatar",
    {
      ...signedIn,
      schema: {
        operationId: "uploadMyAvatar",
        summary: "Replace my avatar (multipart/form-data, field `file`; JPEG, PNG, WebP, GIF, AVIF, HEIF or TIFF, ≤ 5 MB)",
        tags,
        security: sessionSecurity,
        consumes: ["multipart/form-data"],
        response: { 200: avatarSchema },
      },
    },
    async (request) => {
      const { userId } = requireUser(request);
      return replaceAvatar(ctx, userId, await readUploadedImage(request));
    },
  );

  app.delete(
    "/me/avatar",
    { ...signedIn, schema: { operationId: "removeMyAvatar", tags, security: sessionSecurity, response: { 200: avatarSchema } } },
    async (request) => removeAvatar(ctx, requireUser(request).userId),
  );

  app.get(
    "/users/:userId/avatar",
    {
      ...signedIn,
      schema: {
        operationId: "getUserAvatar",
        summary: "A member's avatar (WebP), for signed-in people",
        tags,
        security: sessionSecurity,
        params: z.object({ userId: idSchema }),
        querystring: imageVersionQuerySchema,
        produces: ["image/webp"],
      },
    },
    async (request, reply) => {
      const key = await getAvatarKey(ctx, request.params.userId);
      return sendStoredImage(ctx, request, reply, key, { what: "This avatar", visibility: "private" });
    },
  );
}
