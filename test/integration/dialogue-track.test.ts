/** Subtitle tracks win over the picture: SRT, ASS, WebVTT (mkv) and mov_text (mp4) parsed exactly. */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDialogueStage } from '../../src/pipeline/dialogue/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { addSubtitleTrack, makeSubtitledVideo } from '../fixtures/subtitled-video.js';
import { tempDir } from '../helpers/tmp.js';

const TRACK = [
  { start: 0.5, end: 1.7, lines: ['你们接着善后'] },
  { start: 2.0, end: 3.25, lines: ['一个还是两个？', 'One quart or two?'] },
];

describe('dialogue stage on subtitle tracks', () => {
  const tmp = tempDir();
  let base = '';
  beforeAll(async () => {
    // The picture carries a different burned-in line: the track must win.
    base = (
      await makeSubtitledVideo({
        path: `${tmp.dir}/base.mp4`,
        segments: [4],
        cues: [{ start: 0.4, end: 3.6, lines: ['画面里的字幕'] }],
      })
    ).path;
  });
  afterAll(() => tmp.cleanup());

  for (const [codec, ext] of [
    ['srt', 'mkv'],
    ['ass', 'mkv'],
    ['webvtt', 'mkv'],
    ['mov_text', 'mp4'],
  ] as const) {
    it(`reads a ${codec} track`, async () => {
      const file = await addSubtitleTrack(base, `${tmp.dir}/with-${codec}.${ext}`, TRACK, codec);
      const media = await probeMedia(file);
      expect(media.subtitles[0]?.format).toBe('text');
      const r = await runDialogueStage(file, media, {
        ctx: noopStageContext(new AbortController().signal, tmp.dir),
        language: 'zh',
        useSubtitle: true,
        asr: null,
      });
      expect(r.source).toBe('subtitle_track');
      // Times are on the file's timeline: remuxing into Matroska shifts every stream by the AAC
      // priming delay, so cues sit that far after the first video frame's time.
      const v0 = Number(
        execFileSync('ffprobe', [
          '-v',
          'error',
          '-select_streams',
          'v:0',
          '-show_entries',
          'stream=start_time',
          '-of',
          'csv=p=0',
          file,
        ]).toString(),
      );
      expect(
        r.lines.map((l) => [
          Number((l.start - v0).toFixed(3)),
          Number((l.end - v0).toFixed(3)),
          l.text,
          l.source,
        ]),
      ).toEqual([
        [0.5, 1.7, '你们接着善后', 'subtitle_track'],
        [2, 3.25, '一个还是两个？', 'subtitle_track'],
      ]);
      expect(r.lines[1]!.translations).toEqual([{ language: 'en', text: 'One quart or two?' }]);
    });
  }
});
