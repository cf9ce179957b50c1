// Test fixture (run as a child process by local-storage.test.ts): starts an upload that never ends, so the test
// can kill this process in the middle of a write.
import { Readable } from "node:stream";
import { LocalStorageDriver } from "./local-storage.js";

const [root, key] = process.argv.slice(2) as [string, string];
let sent = 0;
const body = new Readable({
  read() {
    if (sent >= 1024 * 1024) {
      process.stdout.write("writing\n");
      return; // never push again: the upload stays open until the process is killed
    }
    sent += 64 * 1024;
    this.push(Buffer.alloc(64 * 1024, 7));
  },
});
await new LocalStorageDriver(root).put(key, body, { contentType: "application/pdf" });
