import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { runShotStage } from '../../src/pipeline/shots/index.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { liveChildPids } from '../../src/process/spawn.js';
import { makeVideo } from '../fixtures/make-video.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir('reelscript-shots-');
afterAll(() => tmp.cleanup());

async function run(path: string, name: string) {
  const signal = new AbortController().signal;
  const media = await probeMedia(path, signal);
  const keyframeDir = join(tmp.dir, `${name}-kf`);
  const progress: number[] = [];
  const ctx = {
    ...noopStageContext(signal, join(tmp.dir, `${name}-work`)),
    onProgress: (f: number) => progress.push(f),
  };
  const result = await runShotStage(path, media, { ctx, keyframeDir });
  return { result, keyframeDir, progress };
}

describe('shot stage on generated clips', () => {
  it('finds known cuts within one frame, with timestamps and a keyframe per shot', async () => {
    const made = await makeVideo({
      path: join(tmp.dir, 'cuts.mp4'),
      segments: [1.6, 2, 1.2, 2.4],
      audio: 'tone',
    });
    const { result, keyframeDir, progress } = await run(made.path, 'cuts');
    expect(result.frameCount).toBe(made.frames);
    expect(result.shots.map((s) => s.start_frame).slice(1)).toHaveLength(made.cutFrames.length);
    result.shots.slice(1).forEach((s, i) => {
      expect(Math.abs(s.start_frame - made.cutFrames[i]!)).toBeLessThanOrEqual(1);
      expect(s.start).toBeCloseTo(made.cutTimes[i]!, 1);
      expect(s.transition_in.kind).toBe('cut');
    });
    expect(result.shots[0]!.transition_in.kind).toBe('start');
    expect(result.shots.at(-1)!.end).toBeCloseTo(made.duration, 2);
    for (const s of result.shots) {
      expect(s.keyframe_time).toBeGreaterThanOrEqual(s.start);
      expect(s.keyframe_time).toBeLessThan(s.end);
      expect(existsSync(join(keyframeDir, s.keyframe))).toBe(true);
    }
    expect(progress.at(-1)).toBe(1);
    expect(existsSync(join(tmp.dir, 'cuts-work', 'shot-candidates'))).toBe(false);
  });

  it('writes portrait keyframes for a rotated clip without audio', async () => {
    const made = await makeVideo({
      path: join(tmp.dir, 'rot.mp4'),
      segments: [1.2, 1.4],
      audio: 'none',
      rotate: 90,
      sourceOffset: 2,
    });
    const { result, keyframeDir } = await run(made.path, 'rot');
    expect([result.width, result.height]).toEqual([180, 320]);
    expect(result.shots).toHaveLength(2);
    expect(Math.abs(result.shots[1]!.start_frame - made.cutFrames[0]!)).toBeLessThanOrEqual(1);
    const meta = await sharp(join(keyframeDir, result.shots[0]!.keyframe)).metadata();
    expect(meta.height).toBeGreaterThan(meta.width);
  });

  it('reports a single take as one shot', async () => {
    const made = await makeVideo({ path: join(tmp.dir, 'one.mp4'), segments: [3], sourceOffset: 1 });
    const { result } = await run(made.path, 'one');
    expect(result.shots).toHaveLength(1);
    expect(result.shots[0]).toMatchObject({ start: 0, start_frame: 0, end_frame: made.frames - 1 });
  });

  it('stops ffmpeg when the signal aborts', async () => {
    const made = await makeVideo({ path: join(tmp.dir, 'long.mp4'), segments: [6, 6] });
    const ac = new AbortController();
    const media = await probeMedia(made.path, ac.signal);
    const ctx = { ...noopStageContext(ac.signal, join(tmp.dir, 'abort-work')), onProgress: () => ac.abort() };
    await expect(
      runShotStage(made.path, media, { ctx, keyframeDir: join(tmp.dir, 'abort-kf') }),
    ).rejects.toThrow();
    expect(liveChildPids()).toEqual([]);
  });
});
