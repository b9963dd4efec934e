import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { runShotStage } from '../../src/pipeline/shots/index.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeTransitionClip } from '../fixtures/transitions.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir('reelscript-shots-tr-');
afterAll(() => tmp.cleanup());

describe('shot stage on gradual transitions, flashes and motion', () => {
  it('reports a dissolve, a fade through black and a cut, and ignores a flash and a fast pan', async () => {
    const path = join(tmp.dir, 'mixed.mp4');
    const truth = await makeTransitionClip({
      path,
      segments: [
        { seconds: 2.5, source: 'bars', flashes: [30] },
        { seconds: 3, source: 'mandelbrot' },
        { seconds: 2.5, source: 'testsrc2' },
        { seconds: 3, source: 'testsrc2', motion: 'fastpan' },
      ],
      transitions: [{ kind: 'dissolve', seconds: 1 }, { kind: 'fadeblack', seconds: 1 }, { kind: 'cut' }],
    });
    const signal = new AbortController().signal;
    const media = await probeMedia(path, signal);
    const ctx = noopStageContext(signal, join(tmp.dir, 'work'));
    const result = await runShotStage(path, media, { ctx, keyframeDir: join(tmp.dir, 'kf') });
    expect(result.frameCount).toBe(truth.frames);
    const [s1, s2, s3, s4, ...more] = result.shots;
    expect(more).toEqual([]);
    const frameOf = (t: number) => Math.round(t * truth.fps);
    const [dissolve, fade] = truth.gradual;
    expect(s2!.transition_in.kind).toBe('dissolve');
    expect(Math.abs(frameOf(s2!.transition_in.start) - dissolve!.start)).toBeLessThanOrEqual(2);
    expect(Math.abs(frameOf(s2!.transition_in.end) - (dissolve!.end + 1))).toBeLessThanOrEqual(2);
    expect(s3!.transition_in.kind).toBe('fade');
    expect(Math.abs(frameOf(s3!.transition_in.start) - fade!.start)).toBeLessThanOrEqual(2);
    expect(Math.abs(frameOf(s3!.transition_in.end) - (fade!.end + 1))).toBeLessThanOrEqual(2);
    expect(s4!.transition_in.kind).toBe('cut');
    expect(Math.abs(s4!.start_frame - truth.cuts[0]!)).toBeLessThanOrEqual(1);
    // Keyframes sit inside their shot and outside its transitions.
    for (const s of [s1!, s2!, s3!, s4!]) {
      expect(s.keyframe_time).toBeGreaterThanOrEqual(s.transition_in.end);
      expect(s.keyframe_time).toBeLessThan(s.end);
    }
    expect(s1!.keyframe_time).toBeLessThan(dissolve!.start / truth.fps);
  });
});
