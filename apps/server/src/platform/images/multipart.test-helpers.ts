// Builds multipart/form-data bodies as a browser would, for route tests.
import { randomBytes } from "node:crypto";
import sharp from "sharp";

export function multipart(parts: { field: string; filename?: string; contentType?: string; data: Buffer | string }[]): {
  body: Buffer;
  headers: Record<string, string>;
} {
  const boundary = `----trame${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.field}"${p.filename ? `; filename="${p.filename}"` : ""}`;
    const type = p.contentType ? `\r\nContent-Type: ${p.contentType}` : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(p.data), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export const imageFile = (data: Buffer, filename = "image.png") => multipart([{ field: "file", filename, contentType: "image/png", data }]);

export const pngOf = (width: number, height: number, background = "#b45309") =>
  sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
