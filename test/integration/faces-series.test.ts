import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCharacters,
  embedReferencePhotos,
  writeFaceCrop,
  type CharacterResult,
} from '../../src/pipeline/characters/index.js';
import { runFaceStage } from '../../src/pipeline/faces/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeFaceClip, writePortrait, type FaceClip } from '../fixtures/faces.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir('faces-series-');
let ep1: FaceClip;
let result: CharacterResult;

/** The character on screen, alone, in a shot. */
const who = (episode: string, shot: number) =>
  result.tracks.filter((t) => t.episode === episode && t.shot === shot).map((t) => t.character);

beforeAll(async () => {
  ep1 = await makeFaceClip({
    path: `${tmp.dir}/e1.mp4`,
    shots: [
      {
        duration: 2,
        background: '0x303848',
        faces: [{ who: 'woman_a', x: 220, y: 50, size: 220, talking: true }],
      },
      { duration: 1.6, background: '0x484030', faces: [{ who: 'man', x: 240, y: 80, size: 180 }] },
      {
        duration: 1.6,
        background: '0x302030',
        faces: [
          { who: 'woman_a', x: 40, y: 120, size: 150 },
          { who: 'man', x: 420, y: 120, size: 150 },
        ],
      },
    ],
  });
  const ep2 = await makeFaceClip({
    path: `${tmp.dir}/e2.mp4`,
    width: 480,
    height: 640,
    shots: [
      {
        duration: 2,
        background: '0x202830',
        faces: [{ who: 'man', x: 100, y: 160, size: 240, talking: true }],
      },
      { duration: 1.6, background: '0x403828', faces: [{ who: 'woman_b', x: 120, y: 200, size: 200 }] },
    ],
  });
  const signal = new AbortController().signal;
  const inputs = [];
  for (const [episode, clip, lines] of [
    [
      '1',
      ep1,
      [
        { id: 1, start: 0.3, end: 1.8 },
        { id: 2, start: 3.8, end: 5 },
      ],
    ],
    ['2', ep2, [{ id: 1, start: 0.3, end: 1.8 }]],
  ] as const) {
    const faces = await runFaceStage(clip.path, await probeMedia(clip.path), clip.shots, {
      ctx: noopStageContext(signal, tmp.dir),
    });
    inputs.push({ episode, faces, lines });
  }
  // The cast photo is a different picture of him (a webcam still: other day, light and
  // expression), cut from another image than the one the clip is rendered from.
  const photo = `${tmp.dir}/cast/vlad.jpg`;
  await sharp((await writePortrait(`${tmp.dir}/cast`, 'man_photo2')).closed)
    .extend({ top: 30, bottom: 60, left: 40, right: 40, background: '#d8d0c8' })
    .resize(460)
    .jpeg()
    .toFile(photo);
  const { references } = await embedReferencePhotos(
    [
      { name: 'Vlad', images: [photo] },
      { name: 'Nobody', images: [(await writePortrait(`${tmp.dir}/cast`, 'woman_c')).closed] },
    ],
    signal,
  );
  result = buildCharacters(inputs, { language: 'en', references });
}, 400_000); // the models run on one wasm thread; a busy 2-core CI needs the slack
afterAll(() => tmp.cleanup());

describe('characters across generated episodes', () => {
  it('gives each person one id across shots and episodes, and never merges two people', () => {
    const [womanA, man, womanB] = [who('1', 1)[0], who('1', 2)[0], who('2', 2)[0]];
    expect(new Set([womanA, man, womanB]).size).toBe(3);
    expect(womanA).toMatch(/^C\d+$/);
    expect(who('1', 3).sort()).toEqual([womanA, man].sort());
    expect(who('2', 1)).toEqual([man]);
    expect(result.characters.find((c) => c.id === man)!.episodes).toEqual(['1', '2']);
  });
  it('names the man from his cast photo and no one else', () => {
    const man = result.characters.find((c) => c.id === who('1', 2)[0])!;
    expect(man).toMatchObject({ name: 'Vlad', named: true });
    expect(result.characters.filter((c) => c.named)).toHaveLength(1);
  });
  it('attributes lines to the moving mouth and leaves a silent two-shot unattributed', () => {
    const line = (episode: string, id: number) =>
      result.lines.find((l) => l.episode === episode && l.line === id)!;
    expect(line('1', 1)).toMatchObject({ speaker: who('1', 1)[0], reason: 'mouth' });
    expect(line('2', 1)).toMatchObject({ speaker: who('2', 1)[0], reason: 'mouth' });
    expect(line('1', 2).speaker).toBeNull();
  });
  it('lists shots with boxes and writes a face crop', async () => {
    const shot3 = result.shots.find((s) => s.episode === '1' && s.shot === 3)!;
    expect(shot3.characters).toHaveLength(2);
    for (const c of shot3.characters) expect(c.box[3]).toBeGreaterThan(60);
    const c1 = result.characters[0]!;
    const file = `${tmp.dir}/characters/${c1.id}.jpg`;
    const src = c1.best_face.episode === '1' ? ep1.path : `${tmp.dir}/e2.mp4`;
    await writeFaceCrop(src, c1.best_face.time, c1.best_face.box, file);
    expect(existsSync(file)).toBe(true);
    expect(await sharp(file).metadata()).toMatchObject({ format: 'jpeg', width: 256, height: 256 });
  });
});
