import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * A server under test, in its own process: the load generator (autocannon, in the parent) and the server do not
 * share an event loop, and the application and its baseline run the same way, one at a time.
 */
export interface ChildServer {
  url: string;
  /** Sends a control message (e.g. read the query counter) and waits for the child's answer. */
  call<T>(type: string): Promise<T>;
  stop(): Promise<void>;
}

interface ChildMessage {
  type: string;
  id?: number;
  port?: number;
  result?: unknown;
  error?: string;
}

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** Forks `modulePath` (TypeScript, run through tsx) and waits until it listens. */
export async function startChildServer(modulePath: string, args: string[]): Promise<ChildServer> {
  const child: ChildProcess = fork(modulePath, args, { execArgv: ["--import", tsxLoader], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${modulePath} exited (${code}) before listening`));
    child.once("exit", onExit);
    child.on("message", (raw) => {
      const msg = raw as ChildMessage;
      if (msg.type === "ready" && msg.port) {
        child.off("exit", onExit);
        resolve(msg.port);
      } else if (msg.type === "reply" && msg.id) {
        const waiter = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) waiter?.reject(new Error(msg.error));
        else waiter?.resolve(msg.result);
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    call<T>(type: string) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ type, id });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.send({ type: "stop" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side: announce the port, answer control messages, stop on request. */
export function serveParent(port: number, handlers: Record<string, () => unknown>, stop: () => Promise<void>): void {
  process.on("message", (raw) => {
    const msg = raw as ChildMessage;
    if (msg.type === "stop") {
      void stop().finally(() => process.exit(0));
      return;
    }
    const handler = handlers[msg.type];
    try {
      if (!handler) throw new Error(`unknown control message ${msg.type}`);
      process.send?.({ type: "reply", id: msg.id, result: handler() });
    } catch (err) {
      process.send?.({ type: "reply", id: msg.id, error: (err as Error).message });
    }
  });
  // The parent died (Ctrl-C): do not linger.
  process.on("disconnect", () => void stop().finally(() => process.exit(0)));
  process.on("SIGINT", () => void stop().finally(() => process.exit(0)));
  if (process.send) process.send({ type: "ready", port });
  // Started by hand (profiling): say where it listens.
  else console.log(`listening on http://127.0.0.1:${port}`);
}
