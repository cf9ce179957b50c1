import sharp from "sharp";
import { maxImageUploadBytes, maxImageUploadPixels } from "@trame/contracts";
import { AppError } from "../http/app-error.js";

/** Largest upload accepted for a logo or an avatar. */
export const maxImageBytes = maxImageUploadBytes;
/** Decoding cost is proportional to pixels, not bytes: a small file can unpack into gigabytes (a "pixel bomb"). */
export const maxImagePixels = maxImageUploadPixels;

// Raster formats people actually have. SVG is refused: it is a document that can carry scripts and external
// references, and rendering untrusted ones server-side is not worth the risk for a logo.
const acceptedFormats = new Set(["jpeg", "png", "webp", "gif", "avif", "heif", "tiff"]);

export interface ProcessedImage {
  data: Buffer;
  contentType: "image/webp";
  extension: "webp";
  width: number;
  height: number;
}

/** An association's logo: at most 512×512, proportions kept, transparency kept, metadata dropped. */
export function processLogo(input: Buffer): Promise<ProcessedImage> {
  return processImage(input, (image) => image.resize(512, 512, { fit: "inside", withoutEnlargement: true }));
}

/** A member's avatar: exactly 256×256, cropped to fill, metadata dropped. */
export function processAvatar(input: Buffer): Promise<ProcessedImage> {
  return processImage(input, (image) => image.resize(256, 256, { fit: "cover", position: "attention" }));
}

/**
 * Checks an uploaded image before decoding it, then re-encodes it as WebP. Re-encoding drops EXIF (GPS positions
 * of phone photos included) and anything smuggled after the pixels. Every refusal is a 4xx the person can act on.
 */
async function processImage(input: Buffer, resize: (image: sharp.Sharp) => sharp.Sharp): Promise<ProcessedImage> {
  if (input.length > maxImageBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The image is larger than ${maxImageBytes / 1024 / 1024} MB.`);
  }
  if (input.length === 0) throw new AppError("VALIDATION_FAILED", "The file is empty.", [{ path: "file", message: "empty" }]);
  let metadata: sharp.Metadata;
  try {
    // Reads the header only; nothing is decoded yet.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage();
  }
  if (!metadata.format || !acceptedFormats.has(metadata.format)) throw notAnImage();
  if (!metadata.width || !metadata.height) throw notAnImage();
  if (metadata.width * metadata.height > maxImagePixels) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The image has more than ${maxImagePixels / 1_000_000} million pixels.`);
  }
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped; only the first frame of animations is kept.
    const image = resize(sharp(input, { limitInputPixels: maxImagePixels, pages: 1 }).rotate());
    const { data, info } = await image.webp({ quality: 86, alphaQuality: 90, effort: 4 }).toBuffer({ resolveWithObject: true });
    return { data, contentType: "image/webp", extension: "webp", width: info.width, height: info.height };
  } catch {
    throw new AppError("VALIDATION_FAILED", "The image could not be read: the file may be damaged.", [{ path: "file", message: "unreadable image" }]);
  }
}

function notAnImage(): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", "This file is not an image in a supported format (JPEG, PNG, WebP, GIF, AVIF, HEIF or TIFF).");
}
