import { describe, expect, it } from 'vitest';
import { buildCharacters } from './build.js';
import { chooseSpeaker, mouthMotion } from './speaker.js';
import { randomDirection, rng, synthEpisode } from './synthetic.js';

const r = rng(11);
const [A, B] = [randomDirection(r), randomDirection(r)];
const talking = (t: number): number => (Math.round(t / 0.4) % 2 ? 0.35 : 0.05);
const still = (): number => 0.05;

describe('speaker attribution', () => {
  it('measures mouth movement', () => {
    expect(mouthMotion([0.05, 0.05, 0.05])).toBe(0);
    expect(mouthMotion([0.05, 0.35, 0.05])).toBeCloseTo(0.6);
    expect(mouthMotion([0.3])).toBe(0);
  });
  it('picks the face whose mouth moves, with high confidence', () => {
    const ep = synthEpisode([
      {
        start: 0,
        end: 4,
        faces: [
          { identity: A, track: 0, mouth: still, size: 200 },
          { identity: B, track: 1, mouth: talking, box: [600, 100, 80, 100], size: 100 },
        ],
      },
    ]);
    const c = chooseSpeaker('1', ep.shots, { start: 0.5, end: 3 });
    expect(c).toMatchObject({ track: '1/1/1', reason: 'mouth' });
    expect(c.confidence).toBeGreaterThan(0.8);
  });
  it('falls back to the only face, then to a clearly larger face, with low confidence', () => {
    const one = synthEpisode([{ start: 0, end: 1, faces: [{ identity: A, track: 0 }] }]);
    expect(chooseSpeaker('1', one.shots, { start: 0.2, end: 0.6 })).toMatchObject({
      track: '1/1/0',
      reason: 'only_face',
      confidence: 0.5,
    });
    const two = synthEpisode([
      {
        start: 0,
        end: 1,
        faces: [
          { identity: A, track: 0, size: 300 },
          { identity: B, track: 1, size: 90, box: [700, 0, 70, 90] },
        ],
      },
    ]);
    expect(chooseSpeaker('1', two.shots, { start: 0.2, end: 0.6 })).toMatchObject({
      track: '1/1/0',
      reason: 'largest_face',
      confidence: 0.35,
    });
  });
  it('gives nobody when faces keep still, are alike, or nobody is on screen', () => {
    const shut = synthEpisode([{ start: 0, end: 4, faces: [{ identity: A, track: 0, mouth: still }] }]);
    expect(chooseSpeaker('1', shut.shots, { start: 0.5, end: 3 })).toMatchObject({
      track: null,
      reason: 'unclear',
    });
    const pair = synthEpisode([
      {
        start: 0,
        end: 1,
        faces: [
          { identity: A, track: 0 },
          { identity: B, track: 1, box: [700, 0, 96, 120] },
        ],
      },
    ]);
    expect(chooseSpeaker('1', pair.shots, { start: 0.2, end: 0.6 }).track).toBeNull();
    const empty = synthEpisode([{ start: 0, end: 2, faces: [] }]);
    expect(chooseSpeaker('1', empty.shots, { start: 0.5, end: 1.5 })).toMatchObject({
      track: null,
      confidence: 0,
      reason: 'off_screen',
    });
  });
  it('reports speakers as character ids and counts their lines', () => {
    const ep = synthEpisode([
      { start: 0, end: 4, faces: [{ identity: A, track: 0, mouth: talking }] },
      { start: 4, end: 8, faces: [{ identity: A, track: 0, mouth: still }] },
    ]);
    const res = buildCharacters(
      [
        {
          episode: '1',
          faces: ep,
          lines: [
            { id: 1, start: 0.5, end: 3 },
            { id: 2, start: 4.5, end: 7 },
          ],
        },
      ],
      { language: 'en' },
    );
    expect(res.lines).toEqual([
      { episode: '1', line: 1, speaker: 'C1', confidence: 0.95, reason: 'mouth' },
      { episode: '1', line: 2, speaker: null, confidence: 0, reason: 'unclear' },
    ]);
    expect(res.characters[0]!.lines).toBe(1);
  });
});
