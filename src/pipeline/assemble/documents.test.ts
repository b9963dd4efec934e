import { describe, expect, it } from 'vitest';
import { buildCharacters } from '../characters/build.js';
import { randomDirection, rng, synthEpisode } from '../characters/synthetic.js';
import { assembleNamelist } from './documents.js';

describe('namelist document', () => {
  it('lists characters with the fixed field names and crop paths', () => {
    const A = randomDirection(rng(5));
    const faces = synthEpisode([{ start: 0, end: 3, faces: [{ identity: A, track: 0 }] }]);
    const res = buildCharacters([{ episode: '7', faces, lines: [] }], { language: 'en' });
    const doc = assembleNamelist(res, new Set(['C1']));
    expect(doc.schema).toBe('reelscript.namelist/1');
    expect(doc.characters).toMatchObject([
      {
        id: 'C1',
        name: 'Character 1',
        episodes: ['7'],
        first_appearance: { episode: '7', time: 0.1 },
        screen_time: expect.any(Number) as number,
        shots: 1,
        lines: 0,
        image: 'characters/C1.jpg',
      },
    ]);
    expect(doc.characters[0]!.screen_time).toBeGreaterThan(2.5);
    expect(assembleNamelist(res, new Set()).characters[0]!.image).toBeNull();
  });
});
