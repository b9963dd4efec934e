/** Job definitions: what a handler receives. Handlers themselves load lazily (handlers.ts). */
import type { JobRecord } from '../store/ports.js';

export interface JobContext {
  readonly job: JobRecord;
  /** Aborted on cancel, shutdown or lease loss. */
  readonly signal: AbortSignal;
  readonly workerId: string;
  reportProgress: (stage: string, fraction: number) => void;
  log: (message: string) => void;
}

export interface JobHandlers {
  episode(ctx: JobContext): Promise<void>;
  series(ctx: JobContext): Promise<void>;
}
