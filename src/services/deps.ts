/** What every use case receives: explicit dependencies, no globals (STYLE §11). */
import type { EventEmitter } from 'node:events';
import type { Config } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { RateLimiter } from './rate-limit.js';

export interface ServiceDeps {
  readonly store: Store;
  readonly config: Readonly<Config>;
  /** In-process notifications: 'job-enqueued', 'task-cancelled' (taskId), 'task-changed' (taskId). */
  readonly events: EventEmitter;
  readonly now: () => number;
  /** Per-account request limiter (API processes). */
  readonly limiter?: RateLimiter | undefined;
}

export const TASK_EVENTS = {
  enqueued: 'job-enqueued',
  cancelled: 'task-cancelled',
  changed: 'task-changed',
} as const;
