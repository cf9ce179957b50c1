import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../http/app-error.js";
import { maxImageBytes, processAvatar, processLogo } from "./image-processing.js";

const png = (width: number, height: number, alpha = false) =>
  sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 200, g: 30, b: 30, alpha: 0.5 } : "#1d4ed8" } })
    .png()
    .toBuffer();

async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { code: (err as AppError).code, status: (err as AppError).status };
}

describe("image processing", () => {
  it("shrinks a logo to fit 512×512, keeping its proportions and transparency", async () => {
    const out = await processLogo(await png(2000, 1000, true));
    expect(out).toMatchObject({ contentType: "image/webp", width: 512, height: 256 });
    const meta = await sharp(out.data).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 512, height: 256, hasAlpha: true });
  });

  it("does not enlarge a small logo", async () => {
    const out = await processLogo(await png(120, 80));
    expect([out.width, out.height]).toEqual([120, 80]);
  });

  it("crops an avatar to exactly 256×256", async () => {
    const out = await processAvatar(await png(300, 900));
    expect(await sharp(out.data).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });
  });

  it("drops the metadata of the uploaded photo (EXIF, GPS) and applies its orientation", async () => {
    // A 200×100 JPEG tagged "rotate 90°" with EXIF fields: the result must be upright (portrait) and carry none of it.
    const photo = await sharp({ create: { width: 200, height: 100, channels: 3, background: "#888" } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: "Jeanne Dupont", Artist: "Jeanne" } } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const out = await processLogo(photo);
    const meta = await sharp(out.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([100, 200]);
  });

  it("refuses a file that is not an image with 415", async () => {
    expect(await refusal(processLogo(Buffer.from("%PDF-1.7 not an image at all")))).toEqual({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415 });
  });

  it("refuses an SVG with 415", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    expect(await refusal(processAvatar(svg))).toEqual({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415 });
  });

  it("refuses a file over 5 MB with 413", async () => {
    expect(await refusal(processLogo(Buffer.alloc(maxImageBytes + 1)))).toEqual({ code: "PAYLOAD_TOO_LARGE", status: 413 });
  });

  it("refuses an image over 40 megapixels with 413, before decoding it", async () => {
    // 8000×6000 of one colour compresses to a few kilobytes: small file, 48 million pixels.
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } }).png().toBuffer();
    expect(bomb.length).toBeLessThan(maxImageBytes);
    expect(await refusal(processLogo(bomb))).toEqual({ code: "PAYLOAD_TOO_LARGE", status: 413 });
  });

  it("refuses a damaged image with 400", async () => {
    const whole = await png(400, 400);
    expect(await refusal(processLogo(whole.subarray(0, 120)))).toEqual({ code: "VALIDATION_FAILED", status: 400 });
  });

  it("refuses an empty file with 400", async () => {
    expect(await refusal(processAvatar(Buffer.alloc(0)))).toEqual({ code: "VALIDATION_FAILED", status: 400 });
  });
});
