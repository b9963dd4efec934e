/**
 * Task and episode state machines.
 *
 * Task:    pending → running → completed | failed | cancelled;  pending → cancelled | failed
 * Episode: queued → running → done | failed | cancelled;  running → queued (lease lost / retry)
 *
 * Terminal states never change. Stores apply transitions with a guarded UPDATE (WHERE state IN
 * allowed sources) and report rows affected, so a late transition is a clean no-op.
 */
export const TASK_STATES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_TRANSITIONS = {
  pending: ['running', 'cancelled', 'failed'],
  running: ['completed', 'failed', 'cancelled'],
  completed: [],
  failed: [],
  cancelled: [],
} as const satisfies Record<TaskState, readonly TaskState[]>;

export const EPISODE_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type EpisodeState = (typeof EPISODE_STATES)[number];

export const EPISODE_TRANSITIONS = {
  queued: ['running', 'cancelled'],
  running: ['done', 'failed', 'cancelled', 'queued'],
  done: [],
  failed: [],
  cancelled: [],
} as const satisfies Record<EpisodeState, readonly EpisodeState[]>;

export function isTerminalTask(state: TaskState): boolean {
  return TASK_TRANSITIONS[state].length === 0;
}

export function canTransitionTask(from: TaskState, to: TaskState): boolean {
  return (TASK_TRANSITIONS[from] as readonly TaskState[]).includes(to);
}

export function canTransitionEpisode(from: EpisodeState, to: EpisodeState): boolean {
  return (EPISODE_TRANSITIONS[from] as readonly EpisodeState[]).includes(to);
}

/** Sources from which a target state may be entered, for guarded UPDATEs. */
export function taskSourcesFor(to: TaskState): TaskState[] {
  return TASK_STATES.filter((s) => canTransitionTask(s, to));
}

export function episodeSourcesFor(to: EpisodeState): EpisodeState[] {
  return EPISODE_STATES.filter((s) => canTransitionEpisode(s, to));
}
