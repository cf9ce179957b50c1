import path from "node:path";

// The local driver has nowhere to keep a content type beside the bytes without a second file (and a second
// file could disagree with the first after a crash), so it derives the type from the key's extension. Modules
// that store files of arbitrary types keep the type in their own rows, as they keep the original name.
const byExtension: Record<string, string> = {
  ".webp": "image/webp",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".ics": "text/calendar; charset=utf-8",
  ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function contentTypeOfKey(key: string): string {
  return byExtension[path.extname(key).toLowerCase()] ?? "application/octet-stream";
}
