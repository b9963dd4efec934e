/**
 * Pure boundary decision on one difference signal: fades (through a flat picture) first, then
 * dissolves outside them, then hard cuts outside every gradual transition.
 */
import { detectCuts } from './cuts.js';
import { detectDissolves } from './dissolves.js';
import { detectFades } from './fades.js';
import type { ShotSignal } from './signal.js';
import type { Boundary } from './types.js';

const EDGE = 3;

export function detectBoundaries(signal: ShotSignal): Boundary[] {
  const fades = detectFades(signal);
  const spans = (bs: Boundary[]): Array<[number, number]> => bs.map((b) => [b.startFrame, b.endFrame]);
  const dissolves = detectDissolves(signal, spans(fades));
  const gradual = [...fades, ...dissolves];
  const taken = spans(gradual);
  const cuts: Boundary[] = detectCuts(signal)
    // A jump at the very edge of a gradual transition belongs to it (codecs and editors leave one).
    .filter((f) => !taken.some(([a, b]) => f >= a - EDGE && f <= b + EDGE))
    .map((f) => ({ kind: 'cut', startFrame: f, endFrame: f, shotStart: f }));
  return [...gradual, ...cuts].sort((x, y) => x.shotStart - y.shotStart);
}
