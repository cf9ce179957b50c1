import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

/**
 * A pass-through that counts bytes and hashes them on the way, so a streamed upload yields its size and
 * checksum without a second read of the stored object. With an expected length, a body that turns out shorter
 * or longer fails the stream before the driver commits it (a truncated upload never becomes an object).
 */
export class ChecksumStream extends Transform {
  private readonly hash = createHash("sha256");
  // Not named `size`: the S3 uploader reads a body's `size` as its total length.
  byteCount = 0;

  constructor(private readonly expectedLength?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.byteCount += chunk.length;
    if (this.expectedLength !== undefined && this.byteCount > this.expectedLength) {
      callback(new Error(`The body is longer than its declared length (${this.expectedLength} bytes).`));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expectedLength !== undefined && this.byteCount !== this.expectedLength) {
      callback(new Error(`The body ended after ${this.byteCount} of ${this.expectedLength} declared bytes.`));
      return;
    }
    callback();
  }

  /** The sha-256 in hex; call once, after the stream has ended. */
  digest(): string {
    return this.hash.digest("hex");
  }
}
