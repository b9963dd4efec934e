import { describe, expect, it } from 'vitest';
import { buildCharacters } from './build.js';
import { randomDirection, rng, similarIdentity, synthEpisode, type SynthShot } from './synthetic.js';
import { buildTracks } from './tracks.js';
import { clusterTracks } from './cluster.js';
import { centre, dot } from './vectors.js';

const r = rng(42);
const [A, B, C, D] = [randomDirection(r), randomDirection(r), randomDirection(r), randomDirection(r)];
const solo = (start: number, id: number[], track = 0): SynthShot => ({
  start,
  end: start + 2,
  faces: [{ identity: id, track }],
});

/** Cluster id per track key, for asserting who went with whom. */
function groups(shots: SynthShot[], noise: number, seed = 3) {
  const result = buildCharacters([{ episode: '1', faces: synthEpisode(shots, { noise, seed }), lines: [] }], {
    language: 'en',
  });
  return result.tracks.map((t) => t.character);
}

describe('series-wide clustering', () => {
  it('separates clearly different people and joins each one across shots', () => {
    const ids = groups([solo(0, A), solo(2, B), solo(4, A), solo(6, C), solo(8, B), solo(10, A)], 0.2);
    expect(ids).toEqual(['C1', 'C2', 'C1', 'C3', 'C2', 'C1']);
  });
  it('still groups correctly when views scatter more than real video frames do', () => {
    const single = synthEpisode([solo(0, A)], { noise: 0.55, seed: 9 }).shots[0]!.faces;
    // Two views of one person score ~0.4, below real frames of one actor across shots (0.50–0.76).
    expect(dot(centre(single[0]!.embedding!), centre(single[1]!.embedding!))).toBeGreaterThan(0.3);
    expect(dot(centre(single[0]!.embedding!), centre(single[1]!.embedding!))).toBeLessThan(0.8);
    const ids = groups([solo(0, A), solo(2, B), solo(4, A), solo(6, B), solo(8, A), solo(10, B)], 0.55);
    expect(new Set([ids[0], ids[2], ids[4]]).size).toBe(1);
    expect(new Set([ids[1], ids[3], ids[5]]).size).toBe(1);
    expect(ids[0]).not.toBe(ids[1]);
  });
  it('keeps look-alikes as close as the closest real pair (0.58) apart, and joins one person at 0.68', () => {
    const lookAlike = similarIdentity(A, 0.55, r);
    const sameInOtherLight = similarIdentity(A, 0.68, r);
    const ids = groups([solo(0, A), solo(2, lookAlike), solo(4, A), solo(6, lookAlike)], 0.1);
    expect(ids[0]).toBe(ids[2]);
    expect(ids[1]).toBe(ids[3]);
    expect(ids[0]).not.toBe(ids[1]);
    const joined = groups([solo(0, A), solo(2, sameInOtherLight), solo(4, B)], 0.1);
    expect(joined[0]).toBe(joined[1]);
    expect(joined[2]).not.toBe(joined[0]);
  });
  it('keeps a one-off outlier apart as an extra instead of merging it', () => {
    const shots = [
      solo(0, A),
      solo(2, A),
      solo(4, B),
      solo(6, B),
      { start: 8, end: 8.5, faces: [{ identity: D, track: 0 }] },
    ];
    const res = buildCharacters([{ episode: '1', faces: synthEpisode(shots, { noise: 0.3 }), lines: [] }], {
      language: 'en',
    });
    const outlier = res.tracks.at(-1)!.character!;
    expect(res.tracks.slice(0, 4).map((t) => t.character)).not.toContain(outlier);
    expect(res.characters.find((c) => c.id === outlier)).toMatchObject({ extra: true, shots: 1 });
    expect(res.characters.at(-1)!.id).toBe(outlier);
  });
  it('never merges two faces seen in the same frame, however alike', () => {
    const twins: SynthShot = {
      start: 0,
      end: 2,
      faces: [
        { identity: A, track: 0, box: [0, 0, 90, 120] },
        { identity: A, track: 1, box: [400, 0, 90, 120] },
      ],
    };
    const ids = groups([twins], 0.1);
    expect(ids[0]).not.toBe(ids[1]);
  });
  it('lets a small face join only a clear match and leaves an ambiguous one unassigned', () => {
    const AB = A.map((v, i) => v + B[i]!);
    const shots: SynthShot[] = [
      solo(0, A),
      solo(2, A),
      solo(4, B),
      solo(6, B),
      { start: 8, end: 10, faces: [{ identity: A, track: 0, size: 34 }] },
      { start: 10, end: 12, faces: [{ identity: AB, track: 0, size: 34 }] },
    ];
    const ids = groups(shots, 0.2);
    expect(ids[4]).toBe(ids[0]);
    expect(ids[5]).toBeNull();
  });
  it('orders ids by screen time and is deterministic', () => {
    const shots = [solo(0, B), solo(2, A), solo(4, A), solo(6, A)];
    const eps = [{ episode: '1', faces: synthEpisode(shots, { noise: 0.3 }), lines: [] }];
    const first = buildCharacters(eps, { language: 'zh-CN' });
    expect(first.characters.map((c) => [c.id, c.name, c.shots])).toEqual([
      ['C1', '角色1', 3],
      ['C2', '角色2', 1],
    ]);
    expect(buildCharacters(eps, { language: 'zh-CN' })).toEqual(first);
  });
  it('puts unembedded tracks in the unassigned list', () => {
    const tracks = buildTracks([
      {
        episode: '1',
        faces: synthEpisode([{ start: 0, end: 1, faces: [{ identity: null, track: 0 }] }]),
        lines: [],
      },
    ]);
    expect(clusterTracks(tracks).unassigned).toEqual([0]);
  });
});
