import { describe, expect, it } from 'vitest';
import { buildCharacters } from './build.js';
import { genericName, nameClusters } from './naming.js';
import {
  embeddingFor,
  randomDirection,
  rng,
  similarIdentity,
  synthEpisode,
  type SynthShot,
} from './synthetic.js';
import { centre } from './vectors.js';

const r = rng(7);
const [A, B, C] = [randomDirection(r), randomDirection(r), randomDirection(r)];
const solo = (start: number, id: number[]): SynthShot => ({
  start,
  end: start + 2,
  faces: [{ identity: id, track: 0 }],
});
const photo = (id: number[]) => embeddingFor(id, 0.5, r);

describe('naming from reference photos', () => {
  const eps = [
    {
      episode: '1',
      faces: synthEpisode([solo(0, A), solo(2, B), solo(4, A), solo(6, B)], { noise: 0.4 }),
      lines: [],
    },
  ];
  it('names the clusters the photos match and leaves the rest generic', () => {
    const res = buildCharacters(eps, {
      language: 'en',
      references: [
        { name: 'Bob', embeddings: [photo(B)] },
        { name: 'Nobody', embeddings: [photo(C)] },
      ],
    });
    const bob = res.characters.find((c) => c.name === 'Bob');
    expect(bob?.named).toBe(true);
    expect(res.tracks.filter((t) => t.character === bob?.id).map((t) => t.shot)).toEqual([2, 4]);
    const other = res.characters.find((c) => c !== bob)!;
    expect(other).toMatchObject({ named: false, name: `Character ${other.id.slice(1)}` });
    expect(res.characters.some((c) => c.name === 'Nobody')).toBe(false);
  });
  it('uses the best of several photos of one person', () => {
    const res = buildCharacters(eps, {
      language: 'en',
      references: [{ name: 'Ann', embeddings: [photo(C), photo(A)] }],
    });
    const ann = res.characters.find((c) => c.name === 'Ann')!;
    expect(res.tracks.filter((t) => t.character === ann.id).map((t) => t.shot)).toEqual([1, 3]);
  });
  it('names from a photo 0.66 alike (real unlike photos: 0.60–0.74) but not from a stranger at 0.45', () => {
    // Noise-free photos so the cosine to the cluster is the one chosen here.
    const exact = (id: number[]) => embeddingFor(id, 0, r);
    const res = buildCharacters(eps, {
      language: 'en',
      references: [
        { name: 'Ann', embeddings: [exact(similarIdentity(A, 0.66, r))] },
        { name: 'Stranger', embeddings: [exact(similarIdentity(B, 0.45, r))] },
      ],
    });
    const ann = res.characters.find((c) => c.name === 'Ann')!;
    expect(res.tracks.filter((t) => t.character === ann.id).map((t) => t.shot)).toEqual([1, 3]);
    expect(res.characters.some((c) => c.name === 'Stranger')).toBe(false);
  });
  it('gives one name to one cluster only, and no name when two clusters tie', () => {
    const a = [centre(photo(A))];
    const names = nameClusters([a, a], [{ name: 'Ann', embeddings: [photo(A)] }]);
    expect(names).toEqual([null, null]);
  });
  it('writes generic names in the task language', () => {
    expect(genericName(3, 'zh')).toBe('角色3');
    expect(genericName(3, 'zh-Hant')).toBe('角色3');
    expect(genericName(3, 'en')).toBe('Character 3');
  });
});
