/**
 * Pure scene grouping of consecutive shots. A shot continues the current scene when its palette
 * matches one of the scene's recent shots (dialogue cuts back and forth between two set-ups);
 * a fade always opens a new scene, a dissolve asks for a closer match.
 */
import type { TransitionKind } from '../../domain/documents.js';
import { paletteSimilarity } from './signature.js';

export interface SceneShotInput {
  signature: readonly number[];
  transition: TransitionKind;
}

export interface GroupParams {
  /** Palette similarity that keeps a shot in the current scene. */
  continueAt: number;
  /** Stricter threshold after a dissolve (often a jump in time or place). */
  continueAfterDissolve: number;
  /** How many of the scene's latest shots a new shot is compared with. */
  lookback: number;
}

export const DEFAULT_GROUP_PARAMS: GroupParams = {
  continueAt: 0.6,
  continueAfterDissolve: 0.75,
  lookback: 4,
};

/** 1-based scene number of every shot, in order. */
export function groupScenes(
  shots: readonly SceneShotInput[],
  p: GroupParams = DEFAULT_GROUP_PARAMS,
): number[] {
  const out: number[] = [];
  let scene = 0;
  let recent: Array<readonly number[]> = [];
  for (const shot of shots) {
    const best = Math.max(0, ...recent.map((r) => paletteSimilarity(r, shot.signature)));
    const need = shot.transition === 'dissolve' ? p.continueAfterDissolve : p.continueAt;
    const opens = scene === 0 || shot.transition === 'fade' || best < need;
    if (opens) {
      scene++;
      recent = [];
    }
    recent.push(shot.signature);
    if (recent.length > p.lookback) recent.shift();
    out.push(scene);
  }
  return out;
}
