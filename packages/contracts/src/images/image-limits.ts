/**
 * Logos and avatars are sent as multipart/form-data with the image in a field named `file`. The server re-encodes
 * them (WebP, logos ≤ 512×512, avatars 256×256) and answers the new address.
 */
export const imageUploadField = "file";
/** Largest image accepted (bytes): the web app checks it before sending. */
export const maxImageUploadBytes = 5 * 1024 * 1024;
/** Largest image accepted (pixels, width × height). */
export const maxImageUploadPixels = 40_000_000;
/** Types a file picker may offer (`accept` attribute). SVG is not accepted. */
export const acceptedImageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif", "image/heic", "image/heif", "image/tiff"] as const;
