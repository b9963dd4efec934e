/**
 * What the API benchmark seeds: a deterministic mix of tasks in every state, mostly short series
 * with an occasional long one, and the files a completed task's zip root holds (DESIGN §4), so
 * status and listing responses have their real size and cost.
 */
import { rng } from '../../src/pipeline/characters/synthetic.js';
import type { TaskState } from '../../src/domain/task-state.js';

export interface PlannedTask {
  target: TaskState;
  episodes: number;
  /** Episodes already done (running tasks); the next two are running. */
  doneEpisodes: number;
}

/** Shares of each state among the seeded tasks. */
const MIX: Array<[TaskState, number]> = [
  ['completed', 0.5],
  ['failed', 0.12],
  ['cancelled', 0.1],
  ['running', 0.14],
  ['pending', 0.14],
];

/** `count` tasks: 1–12 episodes each, one in 30 a 60-episode series. */
export function taskPlan(count: number, seed = 7): PlannedTask[] {
  const rand = rng(seed);
  const out: PlannedTask[] = [];
  for (const [target, share] of MIX) {
    const n = Math.round(count * share);
    for (let i = 0; i < n; i++) {
      const episodes = rand() < 1 / 30 ? 60 : 1 + Math.floor(rand() * 12);
      const doneEpisodes = target === 'running' ? Math.floor(rand() * Math.max(0, episodes - 2)) : 0;
      out.push({ target, episodes, doneEpisodes });
    }
  }
  return out;
}

/** Relative paths of a completed task's zip root: per-episode documents, keyframes, series files. */
export function completedFiles(episodes: number, shotsPerEpisode: number, characters: number): string[] {
  const files = ['manifest.json', 'namelist.json', 'screenplay.fountain', 'merged.xlsx'];
  for (let e = 1; e <= episodes; e++) {
    for (const ext of ['_storyboard.json', '_transcript.json', '.xlsx', '.fountain', '.srt'])
      files.push(`${e}${ext}`);
    for (let s = 1; s <= shotsPerEpisode; s++) files.push(`keyframes/${e}/${String(s).padStart(4, '0')}.jpg`);
  }
  for (let c = 1; c <= characters; c++) files.push(`characters/C${c}.jpg`);
  return files;
}
