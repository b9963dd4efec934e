/**
 * A VobSub (DVD bitmap) track end to end: the file is built here (SPU bitmaps written by the
 * fixture), read through the dialogue stage with the track's own start and stop times, a
 * subtitle shown again right away merged into one line, the same words after a pause kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDialogueStage, type DialogueResult } from '../../src/pipeline/dialogue/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeSubtitledVideo } from '../fixtures/subtitled-video.js';
import { addVobSubTrack, type BitmapCue } from '../fixtures/vobsub.js';
import { tempDir } from '../helpers/tmp.js';

const CUES: BitmapCue[] = [
  { start: 0.5, end: 1.7, lines: ['Let me go!'] },
  { start: 2.0, end: 3.25, lines: ['I want you to stay with me.', 'Right here, right now.'] },
  // The same picture again at once (a DVD refresh): still one line.
  { start: 3.25, end: 4.0, lines: ['I want you to stay with me.', 'Right here, right now.'] },
  { start: 4.6, end: 5.5, lines: ['Let me go!'] },
];

describe('dialogue stage on a VobSub track', () => {
  const tmp = tempDir();
  let result: DialogueResult;
  beforeAll(async () => {
    // The picture carries a burned-in line of its own: the track must win.
    const base = await makeSubtitledVideo({
      path: `${tmp.dir}/base.mp4`,
      width: 640,
      height: 360,
      segments: [6],
      cues: [{ start: 0.4, end: 5.6, lines: ['Not this one'] }],
    });
    const file = await addVobSubTrack(base.path, `${tmp.dir}/vobsub.mkv`, CUES);
    const media = await probeMedia(file);
    expect(media.subtitles.map((s) => [s.codec, s.format])).toEqual([['dvd_subtitle', 'bitmap']]);
    result = await runDialogueStage(file, media, {
      ctx: noopStageContext(new AbortController().signal, tmp.dir),
      language: 'en',
      useSubtitle: true,
      asr: null,
    });
  }, 180_000);
  afterAll(() => tmp.cleanup());

  it('reads every cue once, with its words spaced', () => {
    expect(result.source).toBe('subtitle_track');
    expect(result.lines.map((l) => l.text)).toEqual([
      'Let me go!',
      'I want you to stay with me. Right here, right now.',
      'Let me go!',
    ]);
    expect(result.lines.every((l) => l.source === 'subtitle_track' && l.language === 'en')).toBe(true);
  });

  it("times each line by the track's own start and stop commands", () => {
    // SPU stop delays count 1024/90000 s, so ends land within 6 ms of the authored time.
    const got = result.lines.map((l) => [l.start, l.end]);
    const want = [
      [0.5, 1.7],
      [2.0, 4.0],
      [4.6, 5.5],
    ];
    got.forEach(([s, e], i) => {
      expect(Math.abs(s! - want[i]![0]!)).toBeLessThan(0.01);
      expect(Math.abs(e! - want[i]![1]!)).toBeLessThan(0.01);
    });
  });
});
