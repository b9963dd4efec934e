import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mouthMotion, talkingMotionFor } from '../../src/pipeline/characters/index.js';
import { runFaceStage, type EpisodeFaces } from '../../src/pipeline/faces/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { shotSizeFromFaces } from '../../src/pipeline/shotsize/index.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { liveChildPids } from '../../src/process/spawn.js';
import { makeFaceClip, type FaceClip } from '../fixtures/faces.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir('faces-stage-');
let clip: FaceClip;
let faces: EpisodeFaces;

beforeAll(async () => {
  clip = await makeFaceClip({
    path: `${tmp.dir}/clip.mp4`,
    shots: [
      {
        duration: 2,
        background: '0x303848',
        faces: [{ who: 'woman_a', x: 220, y: 40, size: 240, talking: true }],
      },
      {
        duration: 1.6,
        background: '0x484030',
        faces: [
          { who: 'man', x: 60, y: 140, size: 110 },
          { who: 'woman_b', x: 420, y: 140, size: 110 },
        ],
      },
      { duration: 1.2, background: '0x203020', faces: [] },
    ],
  });
  const media = await probeMedia(clip.path);
  const progress: number[] = [];
  faces = await runFaceStage(clip.path, media, clip.shots, {
    ctx: { ...noopStageContext(new AbortController().signal, tmp.dir), onProgress: (f) => progress.push(f) },
  });
  expect(progress.at(-1)).toBe(1);
}, 400_000); // the models run on one wasm thread; a busy 2-core CI needs the slack
afterAll(() => tmp.cleanup());

describe('face stage on a generated clip', () => {
  it('samples several frames per shot and finds the faces in display pixels', () => {
    expect(faces.shots.map((s) => s.shot)).toEqual([1, 2, 3]);
    const [one, two, three] = faces.shots;
    expect(one!.frames.length).toBeGreaterThanOrEqual(4);
    expect(one!.faces.length).toBeGreaterThanOrEqual(one!.frames.length - 1);
    for (const f of one!.faces) {
      const cx = f.box[0] + f.box[2] / 2;
      expect(cx).toBeGreaterThan(220);
      expect(cx).toBeLessThan(220 + 240 + 20);
      expect(f.box[3]).toBeGreaterThan(100);
      expect(f.time).toBeGreaterThanOrEqual(0);
      expect(f.time).toBeLessThanOrEqual(2);
    }
    expect(new Set(two!.faces.map((f) => f.track)).size).toBe(2);
    expect(three!.faces).toEqual([]);
    expect(JSON.parse(JSON.stringify(faces))).toEqual(faces);
  });
  it('embeds on some frames only, and every track gets at least one embedding', () => {
    const all = faces.shots.flatMap((s) => s.faces);
    const embedded = all.filter((f) => f.embedding);
    expect(embedded.length).toBeGreaterThan(0);
    expect(embedded[0]!.embedding).toHaveLength(128);
    for (const s of faces.shots)
      for (const t of new Set(s.faces.map((f) => f.track)))
        expect(s.faces.some((f) => f.track === t && f.embedding)).toBe(true);
    expect(faces.stats).toMatchObject({
      frames: faces.shots.reduce((n, s) => n + s.frames.length, 0),
      faces: all.length,
      embeddings: embedded.length,
    });
  });
  it('sees the talking mouth move and the silent ones keep still', () => {
    const track = (shot: number, id: number) => faces.shots[shot]!.faces.filter((f) => f.track === id);
    const motion = (shot: number, id: number) => mouthMotion(track(shot, id).map((f) => f.mouth ?? 0));
    const talking = motion(0, 0);
    expect(talking).toBeGreaterThan(talkingMotionFor(track(0, 0)[0]!.quality.size));
    for (const id of [0, 1]) {
      expect(motion(1, id)).toBeLessThan(talkingMotionFor(track(1, id)[0]!.quality.size));
      expect(talking).toBeGreaterThan(2 * motion(1, id));
    }
  });
  it('sizes shots from the faces and gives no size to the empty shot', () => {
    const sizes = faces.shots.map((s) => shotSizeFromFaces(s, faces.height));
    expect(sizes[0]!.size).toMatch(/close_up/);
    expect(sizes[1]!.size).toBe('medium_close_up');
    expect(sizes[2]).toMatchObject({ size: null, reason: 'nobody visible' });
  });
  it('stops ffmpeg when cancelled', async () => {
    const ac = new AbortController();
    const media = await probeMedia(clip.path);
    const run = runFaceStage(clip.path, media, clip.shots, {
      ctx: { ...noopStageContext(ac.signal, tmp.dir), onProgress: () => ac.abort() },
    });
    await expect(run).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 200));
    expect(liveChildPids()).toEqual([]);
  });
});
