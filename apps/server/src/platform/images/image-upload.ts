import type { FastifyRequest } from "fastify";
import { imageUploadField } from "@trame/contracts";
import { AppError } from "../http/app-error.js";
import { maxImageBytes } from "./image-processing.js";

/**
 * The image of a multipart upload, in memory (at most 5 MB: sharp needs the whole file anyway). Larger files are
 * cut off while streaming and answered 413, never read whole.
 */
export async function readUploadedImage(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the image as multipart/form-data, in a field named "${imageUploadField}".`);
  }
  const part = await request.file({ limits: { fileSize: maxImageBytes, files: 1, fields: 5, parts: 6 } });
  if (!part || part.fieldname !== imageUploadField) {
    throw new AppError("VALIDATION_FAILED", `No image was sent: put it in a field named "${imageUploadField}".`, [
      { path: imageUploadField, message: "required" },
    ]);
  }
  return part.toBuffer();
}
