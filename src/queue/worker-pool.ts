/**
 * The worker pool: claims jobs with leases, runs them with one AbortController each, renews the
 * lease on a heartbeat (which is also how a cancel made by another process is noticed), and shuts
 * down in two phases (stop claiming and drain; then abort and give jobs back). Never throws.
 */
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { toError } from '../domain/errors.js';
import type { Store } from '../store/index.js';
import type { JobRecord } from '../store/ports.js';
import { TASK_EVENTS } from '../services/deps.js';
import type { JobHandlers, JobContext } from './job-types.js';
import { classifyFailure } from './failures.js';
import { withStoreRetry } from './store-retry.js';

export interface PoolOptions {
  store: Store;
  events: EventEmitter;
  handlers: JobHandlers;
  size: number;
  leaseMs: number;
  heartbeatMs: number;
  pollMs: number;
  maxAttempts: number;
  log: (msg: string) => void;
  /** Called after a job finishes and its task reached a terminal state. */
  onTaskTerminal?: (taskId: string) => void;
}

type AbortReason = 'cancelled' | 'lease-lost' | 'shutdown';

/** Waits before re-recording a finished job after a store error: 7.5 s in all, inside a lease. */
const COMPLETE_RETRY_MS = [500, 1000, 2000, 4000] as const;

interface Running {
  job: JobRecord;
  controller: AbortController;
  done: Promise<void>;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export class WorkerPool {
  readonly workerId = newWorkerId();
  private readonly running = new Map<number, Running>();
  private stopping = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;
  private readonly onEnqueued = (): void => this.wake?.();
  private readonly onCancelled = (taskId: string): void => {
    for (const r of this.running.values())
      if (r.job.taskId === taskId) r.controller.abort('cancelled' satisfies AbortReason);
  };

  constructor(private readonly o: PoolOptions) {}

  start(): void {
    if (this.loopDone || this.o.size <= 0) return;
    this.o.events.on(TASK_EVENTS.enqueued, this.onEnqueued);
    this.o.events.on(TASK_EVENTS.cancelled, this.onCancelled);
    this.loopDone = this.reclaimFromDeadLocalWorkers().then(() => this.loop());
  }

  /**
   * After a crash and restart on the same host, the old process's leases would block its jobs
   * until they expire; a worker id names its host and pid, so dead local holders are detected.
   */
  private async reclaimFromDeadLocalWorkers(): Promise<void> {
    try {
      for (const job of await this.o.store.listLeasedJobs()) {
        const [host, pid] = (job.workerId ?? '').split(':');
        if (host !== hostname() || !pid || Number(pid) === process.pid || isAlive(Number(pid))) continue;
        if (await this.o.store.expireLease(job.id, job.workerId!))
          this.o.log(`reclaimed job ${job.id} from dead worker ${job.workerId!}`);
      }
    } catch (err) {
      this.o.log(`could not check for dead local workers: ${toError(err).message}`);
    }
  }

  get activeJobs(): number {
    return this.running.size;
  }

  /** Phase 1: stop claiming and wait up to drainMs; phase 2: abort the rest and release them. */
  async shutdown(drainMs: number): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
    const all = (): Promise<unknown> => Promise.all([...this.running.values()].map((r) => r.done));
    if (this.running.size > 0 && drainMs > 0) await Promise.race([all(), sleep(drainMs)]);
    for (const r of this.running.values()) r.controller.abort('shutdown' satisfies AbortReason);
    await all();
    this.o.events.off(TASK_EVENTS.enqueued, this.onEnqueued);
    this.o.events.off(TASK_EVENTS.cancelled, this.onCancelled);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      if (this.running.size >= this.o.size) {
        await this.idle(this.o.pollMs);
        continue;
      }
      let job: JobRecord | null = null;
      try {
        job = await this.o.store.claimNext(this.workerId, this.o.leaseMs);
      } catch (err) {
        this.o.log(`claim failed: ${toError(err).message}`);
      }
      if (!job) {
        await this.idle(this.o.pollMs);
        continue;
      }
      this.o.events.emit(TASK_EVENTS.changed, job.taskId);
      this.launch(job);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private launch(job: JobRecord): void {
    const controller = new AbortController();
    const entry: Running = { job, controller, done: Promise.resolve() };
    entry.done = this.execute(job, controller).finally(() => {
      this.running.delete(job.id);
      this.wake?.();
    });
    this.running.set(job.id, entry);
  }

  private async execute(job: JobRecord, controller: AbortController): Promise<void> {
    const { store, events } = this.o;
    const beat = setInterval(() => {
      store
        .heartbeat(job.id, this.workerId, this.o.leaseMs)
        .then((mine) => {
          if (!mine && !controller.signal.aborted) {
            void store
              .getTask(job.taskId)
              .then((t) =>
                controller.abort(
                  (t?.status === 'cancelled' ? 'cancelled' : 'lease-lost') satisfies AbortReason,
                ),
              );
          }
        })
        .catch((err: unknown) => this.o.log(`heartbeat failed for job ${job.id}: ${toError(err).message}`));
    }, this.o.heartbeatMs);
    let lastProgress = 0;
    const ctx: JobContext = {
      job,
      signal: controller.signal,
      workerId: this.workerId,
      reportProgress: (stage, fraction) => {
        const now = Date.now();
        if (now - lastProgress < 250 && fraction < 1) return;
        lastProgress = now;
        void store
          .recordProgress(job.id, this.workerId, stage, fraction)
          .then(() => events.emit(TASK_EVENTS.changed, job.taskId))
          .catch(() => undefined);
      },
      log: (m) => this.o.log(`[${job.taskId} ${job.kind} ${job.episode}] ${m}`),
    };
    try {
      await (job.kind === 'episode' ? this.o.handlers.episode(ctx) : this.o.handlers.series(ctx));
      if (controller.signal.aborted) throw new Error('aborted');
      const out = await withStoreRetry(() => store.completeJob({ jobId: job.id, workerId: this.workerId }), {
        delaysMs: COMPLETE_RETRY_MS,
        signal: controller.signal,
        onRetry: (e, n) => ctx.log(`recording completion failed (try ${n}), retrying: ${toError(e).message}`),
      });
      this.afterFinish(job, out.taskStatus);
    } catch (err) {
      const reason = controller.signal.reason as AbortReason | undefined;
      if (controller.signal.aborted) {
        if (reason === 'shutdown')
          await store.releaseJob({ jobId: job.id, workerId: this.workerId }).catch(() => false);
        ctx.log(`stopped: ${String(reason)}`);
      } else {
        const f = classifyFailure(err);
        ctx.log(`failed (${f.code}${f.retryable ? ', will retry' : ''}): ${f.message}`);
        const out = await store
          .failJob({
            jobId: job.id,
            workerId: this.workerId,
            ...f,
            maxAttempts: this.o.maxAttempts,
            backoffMs: 1000 * 2 ** job.attempts,
          })
          .catch((e: unknown) => {
            this.o.log(`could not record failure of job ${job.id}: ${toError(e).message}`);
            return null;
          });
        if (out) this.afterFinish(job, out.taskStatus);
      }
    } finally {
      clearInterval(beat);
    }
  }

  private afterFinish(job: JobRecord, status: string | null): void {
    this.o.events.emit(TASK_EVENTS.changed, job.taskId);
    this.o.events.emit(TASK_EVENTS.enqueued, job.taskId);
    if (status === 'completed' || status === 'failed' || status === 'cancelled')
      this.o.onTaskTerminal?.(job.taskId);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
