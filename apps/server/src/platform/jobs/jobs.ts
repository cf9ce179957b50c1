import type { Database } from "../db/database.js";
import PgBoss from "pg-boss";
import type { FastifyBaseLogger } from "fastify";

/** What a handler knows about the run it is in: enough to decide whether a failure is final. */
export interface JobRun {
  id: string;
  /** 1 for the first run, 2 for the first retry… */
  attempt: number;
  /** No retry follows if this run fails: the handler should record the failure itself. */
  isLastAttempt: boolean;
}

export type JobHandler<T extends object> = (data: T, run: JobRun) => Promise<void>;

export interface JobQueueOptions {
  /** Retries after the first run (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); doubled at each retry when retryBackoff is on. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A run taking longer is considered crashed and retried (default 5 minutes). */
  expireInSeconds?: number;
}

export interface SendJobOptions {
  /**
   * A uuid naming the job: sending twice with the same id while the first is pending is a no-op. Used to make
   * "schedule this again in case it was lost" safe (e.g. the mail sweep sends with the outbox message id).
   */
  id?: string;
}

/**
 * Background jobs, shared by every module. Modules register their handlers and schedules while the context is
 * built (see app/job-modules.ts); the composition root then starts the workers when this node runs jobs.
 * A node that serves only HTTP (JOBS_ENABLED=false) can still send jobs: the workers of other nodes run them.
 */
export interface Jobs {
  register<T extends object>(name: string, handler: JobHandler<T>, options?: JobQueueOptions): void;
  /** A cron expression (UTC) that sends the job, with empty data, on a node that runs jobs. */
  schedule(name: string, cron: string): void;
  /**
   * Sends the job, with empty data, `delaySeconds` after this node starts working: a catch-up for work that a
   * crash may have left (e.g. the storage sweep), without waiting for the next scheduled run.
   */
  runAfterStart(name: string, delaySeconds: number): void;
  send<T extends object>(name: string, data: T, options?: SendJobOptions): Promise<void>;
  /** Starts the workers and the schedules of every registered job. */
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly isWorking: boolean;
}

interface Definition {
  handler: JobHandler<object>;
  options: JobQueueOptions;
}

/** pg-boss over the application's database: PostgreSQL, or the embedded PGlite through its socket. */
export class PgBossJobs implements Jobs {
  readonly #definitions = new Map<string, Definition>();
  readonly #schedules = new Map<string, string>();
  readonly #afterStart = new Map<string, number>();
  readonly #workerIds = new Map<string, string>();
  #boss: Promise<PgBoss> | null = null;
  #working = false;
  #stopped = false;

  constructor(
    private readonly database: Pick<Database, "kind" | "connectionString" | "pool">,
    private readonly logger: FastifyBaseLogger,
  ) {}

  get isWorking(): boolean {
    return this.#working;
  }

  register<T extends object>(name: string, handler: JobHandler<T>, options: JobQueueOptions = {}): void {
    if (this.#boss) throw new Error(`Job ${name} registered after the job system started: register while building the context.`);
    if (this.#definitions.has(name)) throw new Error(`Job ${name} is registered twice.`);
    this.#definitions.set(name, { handler: handler as JobHandler<object>, options });
  }

  schedule(name: string, cron: string): void {
    if (!this.#definitions.has(name)) throw new Error(`Cannot schedule ${name}: no handler is registered for it.`);
    this.#schedules.set(name, cron);
  }

  runAfterStart(name: string, delaySeconds: number): void {
    if (!this.#definitions.has(name)) throw new Error(`Cannot run ${name} after start: no handler is registered for it.`);
    this.#afterStart.set(name, delaySeconds);
  }

  async send<T extends object>(name: string, data: T, options: SendJobOptions = {}): Promise<void> {
    if (!this.#definitions.has(name)) throw new Error(`Cannot send ${name}: no handler is registered for it.`);
    if (this.#stopped) throw new Error(`Cannot send ${name}: the job system is stopped.`);
    const boss = await this.#sender();
    await boss.send(name, data, options.id ? { id: options.id } : {});
    const workerId = this.#workerIds.get(name);
    // The local worker would otherwise wait for its next poll.
    if (workerId) boss.notifyWorker(workerId);
  }

  async start(): Promise<void> {
    if (this.#boss) throw new Error("The job system is already open: start it before anything is sent.");
    this.#boss = this.#open(true);
    const boss = await this.#boss;
    for (const [name, definition] of this.#definitions) {
      const workerId = await boss.work<object>(name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        if (job) await this.#run(name, definition, job);
      });
      this.#workerIds.set(name, workerId);
    }
    for (const [name, cron] of this.#schedules) await boss.schedule(name, cron, {}, { tz: "UTC" });
    for (const [name, delaySeconds] of this.#afterStart) await boss.send(name, {}, { startAfter: delaySeconds });
    this.#working = true;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const opening = this.#boss;
    this.#boss = null;
    this.#working = false;
    this.#workerIds.clear();
    if (!opening) return;
    const boss = await opening.catch(() => null);
    // Graceful: a running handler may finish (mail being sent); past the timeout it is failed and retried later.
    await boss?.stop({ graceful: true, wait: true, close: true, timeout: 10_000 });
  }

  /**
   * A node that does not work still sends: it opens pg-boss lazily, without supervision nor schedules. A failed
   * opening (database unreachable) is forgotten, so that the next send tries again.
   */
  #sender(): Promise<PgBoss> {
    if (!this.#boss) {
      const opening = this.#open(false);
      this.#boss = opening;
      opening.catch(() => {
        if (this.#boss === opening) this.#boss = null;
      });
    }
    return this.#boss;
  }

  async #open(work: boolean): Promise<PgBoss> {
    const boss = new PgBoss({
      ...connectionOptions(this.database),
      application_name: work ? "trame-jobs" : "trame-jobs-sender",
      supervise: work,
      schedule: work,
      migrate: true,
    });
    boss.on("error", (err) => this.logger.error({ err }, "job system error"));
    try {
      await boss.start();
      await this.#createQueues(boss, work);
    } catch (err) {
      await boss.stop({ graceful: false, close: true }).catch(() => {});
      throw err;
    }
    return boss;
  }

  /** Queues must exist before anything is sent or worked; creating them is idempotent. */
  async #createQueues(boss: PgBoss, work: boolean): Promise<void> {
    for (const [name, { options }] of this.#definitions) {
      const queue = {
        name,
        retryLimit: options.retryLimit ?? 3,
        retryDelay: options.retryDelaySeconds ?? 30,
        retryBackoff: options.retryBackoff ?? true,
        expireInSeconds: options.expireInSeconds ?? 300,
      };
      await boss.createQueue(name, queue);
      // An existing queue keeps its old options otherwise (after an upgrade that changed them).
      if (work) await boss.updateQueue(name, queue);
    }
  }

  async #run(name: string, definition: Definition, job: PgBoss.JobWithMetadata<object>): Promise<void> {
    const run: JobRun = { id: job.id, attempt: job.retryCount + 1, isLastAttempt: job.retryCount >= job.retryLimit };
    try {
      await definition.handler(job.data ?? {}, run);
    } catch (err) {
      this.logger.warn({ err, job: name, jobId: job.id, attempt: run.attempt }, "job failed");
      throw err;
    }
  }
}

/**
 * On PostgreSQL pg-boss keeps a small pool of its own. On the embedded database it must share the application's
 * single connection: pglite-socket multiplexes connections onto one PGlite session and interleaves the
 * extended-protocol messages (Parse/Bind) of concurrent connections, which breaks their unnamed statements.
 */
function connectionOptions(database: Pick<Database, "kind" | "connectionString" | "pool">) {
  if (database.kind === "pglite") {
    return { db: { executeSql: (text: string, values?: unknown[]) => database.pool.query(text, values) } };
  }
  return { connectionString: database.connectionString, max: 3 };
}
