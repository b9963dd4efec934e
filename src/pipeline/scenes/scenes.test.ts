import { describe, expect, it } from 'vitest';
import { groupScenes } from './group.js';
import { matchLocations, type SceneSignature } from './locations.js';
import { colourSignature, meanSignature, paletteSimilarity } from './signature.js';

/** A "keyframe" mixing a few colours in given proportions (e.g. wall, floor, a face). */
function frame(parts: Array<[[number, number, number], number]>, jitter = 0): number[] {
  const px: number[] = [];
  for (const [[r, g, b], share] of parts) {
    for (let i = 0; i < Math.round(share * 400); i++)
      px.push(r + ((i * 7) % (jitter + 1)), g, b + ((i * 3) % (jitter + 1)));
  }
  return colourSignature(Uint8Array.from(px));
}

const SKIN: [number, number, number] = [205, 150, 120];
const office = (face: number, j = 0) =>
  frame(
    [
      [[60, 90, 160], 0.5 - face / 2],
      [[200, 200, 190], 0.5 - face / 2],
      [SKIN, face],
    ],
    j,
  );
const street = (face: number, j = 0) =>
  frame(
    [
      [[20, 25, 40], 0.6 - face / 2],
      [[230, 160, 40], 0.4 - face / 2],
      [SKIN, face],
    ],
    j,
  );
const forest = (face: number, j = 0) =>
  frame(
    [
      [[40, 120, 40], 0.7 - face],
      [[140, 170, 60], 0.3],
      [SKIN, face],
    ],
    j,
  );

describe('palette signatures', () => {
  it('find the same place across set-ups and tell places apart', () => {
    expect(paletteSimilarity(office(0.1), office(0.4, 5))).toBeGreaterThan(0.6);
    expect(paletteSimilarity(office(0.1), street(0.1))).toBeLessThan(0.5);
    expect(paletteSimilarity(street(0.2), forest(0.2))).toBeLessThan(0.5);
  });
});

describe('groupScenes', () => {
  it('keeps a shot/reverse-shot dialogue together and opens a scene when the place changes', () => {
    const shots = [
      office(0.1),
      office(0.4),
      office(0.35, 3),
      office(0.1, 2),
      street(0.1),
      street(0.45),
      street(0.1, 4),
    ];
    expect(groupScenes(shots.map((signature) => ({ signature, transition: 'cut' })))).toEqual([
      1, 1, 1, 1, 2, 2, 2,
    ]);
  });
  it('opens a scene after a fade even in the same place', () => {
    const shots = [office(0.1), office(0.2), office(0.1)];
    const transitions = ['start', 'cut', 'fade'] as const;
    expect(groupScenes(shots.map((signature, i) => ({ signature, transition: transitions[i]! })))).toEqual([
      1, 1, 2,
    ]);
  });
});

describe('matchLocations', () => {
  const scene = (...shots: number[][]): SceneSignature => ({ palette: meanSignature(shots), shots });
  it('gives a place the same id when the series returns to it in a later episode', () => {
    const result = matchLocations([
      { episode: '1', scenes: [scene(office(0.1), office(0.4)), scene(street(0.1))] },
      {
        episode: '2',
        scenes: [scene(forest(0.2)), scene(street(0.3, 3), street(0.1)), scene(office(0.2, 2))],
      },
    ]);
    expect(result).toEqual([
      { episode: '1', locations: ['L1', 'L2'] },
      { episode: '2', locations: ['L3', 'L2', 'L1'] },
    ]);
  });
});
