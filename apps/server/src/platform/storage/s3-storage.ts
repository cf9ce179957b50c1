import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { ChecksumStream } from "./checksum-stream.js";
import {
  assertValidStorageKey,
  type ListedObject,
  type ListOptions,
  type PutOptions,
  type StorageDriver,
  type StoredObject,
} from "./storage-driver.js";

export interface S3StorageSettings {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
}

// 5 MiB is S3's smallest part; two parts in flight bound the memory of one upload to ~10 MiB whatever its size.
const partSize = 5 * 1024 * 1024;
const queueSize = 2;

/**
 * Objects in an S3-compatible bucket (AWS, Scaleway, OVH, MinIO, Garage…). Large bodies go up as multipart
 * uploads, which S3 makes visible only when completed, and aborts on failure: a reader never sees half an object.
 */
export class S3StorageDriver implements StorageDriver {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3StorageSettings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // Many S3-compatible servers reject the CRC32 trailers newer SDKs add by default; send and check them only
      // when an operation requires it. Our own sha-256 (returned by put) is what the application keeps.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions): Promise<{ size: number; checksum: string }> {
    assertValidStorageKey(key);
    const counter = new ChecksumStream(Buffer.isBuffer(body) ? undefined : options.contentLength);
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counter, ContentType: options.contentType },
      partSize,
      queueSize,
      leavePartsOnError: false,
    });
    // A failing source fails the counter, which fails (and aborts) the upload; a failing upload stops the source,
    // which would otherwise wait forever for a reader. Both settle before we answer.
    const feeding = pipeline(source, counter);
    const uploading = upload.done().catch((err: unknown) => {
      counter.destroy(err instanceof Error ? err : new Error(String(err)));
      throw err;
    });
    const [fed, uploaded] = await Promise.allSettled([feeding, uploading]);
    // The source's failure is the cause; the upload's is often only its consequence.
    if (fed.status === "rejected") throw fed.reason;
    if (uploaded.status === "rejected") throw uploaded.reason;
    return { size: counter.byteCount, checksum: counter.digest() };
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidStorageKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(res.Body instanceof Readable)) throw new Error("The S3 client returned a body that is not a Node.js stream.");
      return { body: res.Body, contentType: res.ContentType ?? "application/octet-stream", size: res.ContentLength ?? 0 };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertValidStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  /** ListObjectsV2, one page at a time: only the current page (at most `pageSize` keys) is held in memory. */
  async *list(prefix: string, options: ListOptions): AsyncIterable<ListedObject> {
    const limit = options.olderThan.getTime();
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: options.pageSize ?? 1000, ContinuationToken: continuationToken }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && object.LastModified.getTime() < limit) {
          yield { key: object.Key, lastModified: object.LastModified };
        }
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function isMissing(err: unknown): boolean {
  if (err instanceof NoSuchKey || err instanceof NotFound) return true;
  return err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404;
}
