import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { matchLocations, runSceneStage } from '../../src/pipeline/scenes/index.js';
import { runShotStage } from '../../src/pipeline/shots/index.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeTransitionClip, type SegmentSpec } from '../fixtures/transitions.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir('reelscript-scenes-');
afterAll(() => tmp.cleanup());

async function episode(name: string, segments: SegmentSpec[]) {
  const path = join(tmp.dir, `${name}.mp4`);
  await makeTransitionClip({
    path,
    segments,
    transitions: segments.slice(1).map(() => ({ kind: 'cut' as const })),
  });
  const signal = new AbortController().signal;
  const keyframeDir = join(tmp.dir, `${name}-kf`);
  const shots = await runShotStage(path, await probeMedia(path, signal), {
    ctx: noopStageContext(signal, join(tmp.dir, name)),
    keyframeDir,
  });
  const input = shots.shots.map((s) => ({
    keyframePath: join(keyframeDir, s.keyframe),
    transition: s.transition_in.kind,
    start: s.start,
    end: s.end,
  }));
  return { shots: shots.shots, scenes: await runSceneStage(input, signal) };
}

describe('scenes from keyframes', () => {
  it('groups shots of one setting, and gives a returning setting the same location id', async () => {
    const a = await episode('ep1', [
      { seconds: 1.2, source: 'gradients', seed: 5 },
      { seconds: 1.2, source: 'gradients', seed: 5, motion: 'shake' },
      { seconds: 1.2, source: 'mandelbrot', seed: 1 },
      { seconds: 1.2, source: 'mandelbrot', seed: 1, motion: 'zoom' },
    ]);
    expect(a.shots).toHaveLength(4);
    expect(a.scenes.sceneOfShot).toEqual([1, 1, 2, 2]);
    expect(a.scenes.scenes.map((s) => [s.first_shot, s.last_shot])).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const b = await episode('ep2', [
      { seconds: 1.2, source: 'mandelbrot', seed: 1 },
      { seconds: 1.2, source: 'testsrc2' },
    ]);
    const locations = matchLocations([
      { episode: '1', scenes: a.scenes.scenes.map((s) => s.signature) },
      { episode: '2', scenes: b.scenes.scenes.map((s) => s.signature) },
    ]);
    expect(locations[0]!.locations).toEqual(['L1', 'L2']);
    expect(locations[1]!.locations[0]).toBe('L2');
    expect(locations[1]!.locations.at(-1)).toBe('L3');
  });
});
