import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { runShotStage } from '../../src/pipeline/shots/index.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeTransitionClip } from '../fixtures/transitions.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = tempDir('reelscript-shots-motion-');
afterAll(() => tmp.cleanup());

describe('camera movement per shot', () => {
  it('classifies static, pan, tilt, zoom and handheld shots of a generated clip', async () => {
    const path = join(tmp.dir, 'moves.mp4');
    await makeTransitionClip({
      path,
      segments: [
        { seconds: 2, source: 'bars' },
        { seconds: 2, source: 'mandelbrot', motion: 'pan' },
        { seconds: 2, source: 'mandelbrot', motion: 'tilt' },
        { seconds: 2, source: 'mandelbrot', motion: 'zoom' },
        { seconds: 2, source: 'mandelbrot', motion: 'shake' },
      ],
      transitions: [{ kind: 'cut' }, { kind: 'cut' }, { kind: 'cut' }, { kind: 'cut' }],
    });
    const signal = new AbortController().signal;
    const media = await probeMedia(path, signal);
    const result = await runShotStage(path, media, {
      ctx: noopStageContext(signal, join(tmp.dir, 'w')),
      keyframeDir: join(tmp.dir, 'kf'),
    });
    expect(result.shots.map((s) => s.camera_movement)).toEqual([
      'static',
      'pan_right',
      'tilt_down',
      'zoom_in',
      'handheld',
    ]);
  });
});
