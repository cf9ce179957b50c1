import type { FastifyRequest } from "fastify";
import type { Multipart, MultipartFile } from "@fastify/multipart";
import { imageUploadField } from "@trame/contracts";
import { AppError } from "../http/app-error.js";
import { assertSafeFields } from "../http/input-guard.js";
import { maxImageBytes } from "./image-processing.js";

/**
 * The image of a multipart upload, in memory (at most 5 MB: sharp needs the whole file anyway). Larger files are
 * cut off while streaming and answered 413, never read whole. A form that cannot be read (no boundary, cut short,
 * garbage) is the client's fault: 400, whatever the parser threw.
 */
export async function readUploadedImage(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the image as multipart/form-data, in a field named "${imageUploadField}".`);
  }
  const part = await readingForm(() => request.file({ limits: { fileSize: maxImageBytes, files: 1, fields: 5, parts: 6 } }));
  if (part) assertSafeFields(textFieldsOf(part));
  if (!part || part.fieldname !== imageUploadField) {
    throw new AppError("VALIDATION_FAILED", `No image was sent: put it in a field named "${imageUploadField}".`, [
      { path: imageUploadField, message: "required" },
    ]);
  }
  return readingForm(() => part.toBuffer());
}

/** Runs a step of reading the form; the parser's own errors (busboy's carry no status) become a 400. */
async function readingForm<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const status = (err as { statusCode?: unknown }).statusCode;
    if (err instanceof AppError || (typeof status === "number" && status < 500)) throw err;
    throw new AppError("VALIDATION_FAILED", `The form could not be read (${(err as Error).message}). Send the image as multipart/form-data.`);
  }
}

/** The text fields sent before the file (the only ones read), as name → value. */
function* textFieldsOf(part: MultipartFile): Generator<[string, string]> {
  for (const [name, entry] of Object.entries(part.fields)) {
    for (const value of ([] as (Multipart | undefined)[]).concat(entry)) {
      if (value?.type === "field") yield [name, String(value.value)];
      else if (value?.type === "file") yield [name, value.filename];
    }
  }
}
