/**
 * Pure fade decision: a fade passes through a flat black or white picture. Its frames are the
 * flat run plus the ramps on either side where contrast or brightness moves steadily away from
 * the flat picture; the new shot starts on the first frame after the flat run.
 */
import { FLAT_STD } from './features.js';
import { DENSE_GAP_MAX, structureAt, type ShotSignal } from './signal.js';
import type { Boundary } from './types.js';

const DARK = 45;
const LIGHT = 210;
/** Longest ramp followed, frames. */
const MAX_RAMP = 90;
/** A ramp must change brightness or contrast by at least this much to count as a fade. */
const MIN_RAMP_CHANGE = 12;
/** Across a short blank with no ramps, pictures this similar are the same shot (a blink). */
const SAME_SHOT = 0.3;

/** Whether frame j is a flat black or white picture. */
export const flatKind = (s: ShotSignal, j: number): 'dark' | 'light' | null => {
  if (j < 0 || j >= s.frameCount || s.std[j]! >= FLAT_STD) return null;
  if (s.mean[j]! < DARK) return 'dark';
  if (s.mean[j]! > LIGHT) return 'light';
  return null;
};

/** Walk away from the flat run while the picture keeps moving away from flat. Returns the ramp's far end. */
function ramp(s: ShotSignal, from: number, dir: 1 | -1, kind: 'dark' | 'light'): number {
  let end = from;
  let misses = 0;
  let moved = 0;
  for (let k = from + dir, steps = 0; k >= 0 && k < s.frameCount && steps < MAX_RAMP; k += dir, steps++) {
    const inner = k - dir;
    const brighter = s.mean[k]! - s.mean[inner]!;
    const away = kind === 'dark' ? brighter : -brighter;
    // Steady change towards the blank: brightness or contrast moves, and the whole picture moves together.
    const moving = (away > 0.5 || s.std[k]! - s.std[inner]! > 0.25) && s.align[dir > 0 ? k : inner]! >= 0.5;
    if (moving) {
      end = k;
      misses = 0;
      moved++;
    } else if (++misses > 1) break;
  }
  // One moving frame is a jump (a cut to or from the blank), not a ramp. The outer frame of the
  // last moving step is already the untouched picture, so the ramp stops one short of it.
  return moved >= 2 ? end - dir : from;
}

const change = (s: ShotSignal, a: number, b: number): number =>
  Math.max(Math.abs(s.mean[a]! - s.mean[b]!), Math.abs(s.std[a]! - s.std[b]!));

export function detectFades(s: ShotSignal): Boundary[] {
  const out: Boundary[] = [];
  let j = 0;
  while (j < s.frameCount) {
    const kind = flatKind(s, j);
    if (!kind) {
      j++;
      continue;
    }
    const f0 = j;
    while (j + 1 < s.frameCount && flatKind(s, j + 1) === kind) j++;
    const f1 = j;
    j++;
    // A blank at either end of the video opens or closes it; it separates nothing.
    if (f0 === 0 || f1 === s.frameCount - 1) continue;
    const start = ramp(s, f0, -1, kind);
    const end = ramp(s, f1, 1, kind);
    const contentBefore = s.std[start - 1] !== undefined && s.std[start - 1]! >= FLAT_STD;
    const contentAfter = s.std[end + 1] !== undefined && s.std[end + 1]! >= FLAT_STD;
    const rampOut = change(s, start, f0) >= MIN_RAMP_CHANGE;
    const rampIn = change(s, f1, end) >= MIN_RAMP_CHANGE;
    // White needs a picture fading into it; a pulsing blank card is not a transition.
    if (kind === 'light' && !(rampOut && s.std[start]! >= FLAT_STD) && !(rampIn && s.std[end]! >= FLAT_STD))
      continue;
    if (!rampOut && !rampIn) {
      // Cut to a blank and cut back: a transition only if the pictures either side differ.
      const gap = f1 - f0 + 2;
      const across = gap <= DENSE_GAP_MAX ? structureAt(s, gap, f1 + 1) : undefined;
      if (!contentBefore || !contentAfter || (across !== undefined && across < SAME_SHOT)) continue;
    }
    out.push({ kind: 'fade', startFrame: start, endFrame: end, shotStart: f1 + 1 });
  }
  return out;
}
