import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runFaceStage } from '../../src/pipeline/faces/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeFaceClip } from '../fixtures/faces.js';
import { tempDir } from '../helpers/tmp.js';

const exec = promisify(execFile);
const tmp = tempDir('faces-rotated-');
afterAll(() => tmp.cleanup());

describe('face stage on a rotated (portrait by flag) clip', () => {
  it('reports boxes in display orientation', { timeout: 300_000 }, async () => {
    // An upright 360x640 portrait composition, stored turned a quarter clockwise (640x360)
    // with a 90° display flag, as phones write it. Face centre when displayed: about (185, 290).
    const clip = await makeFaceClip({
      path: `${tmp.dir}/upright.mp4`,
      width: 360,
      height: 640,
      shots: [
        { duration: 1.2, background: '0x404040', faces: [{ who: 'woman_a', x: 80, y: 200, size: 200 }] },
      ],
    });
    const stored = `${tmp.dir}/stored.mp4`;
    await exec('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      clip.path,
      '-vf',
      'transpose=1',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      stored,
    ]);
    const rotated = `${tmp.dir}/rotated.mp4`;
    await exec('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      stored,
      '-c',
      'copy',
      '-metadata:s:v:0',
      'rotate=90',
      rotated,
    ]);
    const media = await probeMedia(rotated);
    expect([media.video?.width, media.video?.height]).toEqual([360, 640]);
    const faces = await runFaceStage(rotated, media, clip.shots, {
      ctx: noopStageContext(new AbortController().signal, tmp.dir),
    });
    expect([faces.width, faces.height]).toEqual([360, 640]);
    const found = faces.shots[0]!.faces;
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const [x, y, w, h] = f.box;
      expect(x + w).toBeLessThanOrEqual(361);
      expect(Math.abs(x + w / 2 - 185)).toBeLessThan(40);
      expect(Math.abs(y + h / 2 - 290)).toBeLessThan(40);
      expect(h).toBeGreaterThan(100);
    }
  });
});
