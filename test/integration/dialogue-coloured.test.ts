/**
 * Burned-in subtitles in colours darker than white or yellow (blue, green; a second speaker in
 * white), also over a white part of the picture: the stage measures the letters' fill in the
 * sampled frames and scans and isolates them with thresholds for it. Red letters (as dark as
 * their picture in luma) are scanned in a gray brightened where the picture is red.
 */
import { describe, expect, it } from 'vitest';
import type { DialogueResult } from '../../src/pipeline/dialogue/index.js';
import { textSimilarity } from '../../src/pipeline/subtitles/text.js';
import type { BurnedCue, SubtitledVideoOptions } from '../fixtures/subtitled-video.js';
import { burnedDialogueOnce, expectTimed, expectWords } from '../helpers/burned-dialogue.js';

const FPS = 25;
const CUES: BurnedCue[] = [
  { start: 0.4, end: 2.4, lines: ['我一直在等你回来'], color: '0x3399ff' },
  // The background cuts at 3.0 s (to a test chart with a white bar) under this one.
  { start: 2.8, end: 4.6, lines: ['可是你从来没有回头'], color: '0x33cc33' },
  { start: 5.0, end: 6.6, lines: ['今晚我们把话说清楚'] },
];

/** Each line read once, its first row like the cue's. */
function expectRead(result: DialogueResult, cues: readonly BurnedCue[]): void {
  expect(result.lines).toHaveLength(cues.length);
  result.lines.forEach((l, i) =>
    expect(textSimilarity(l.text, cues[i]!.lines[0]!), l.text).toBeGreaterThanOrEqual(0.9),
  );
}

/** The blue, green and white lines over a gradient cut to a test chart at 3 s, at this size. */
const colouredClip =
  (width: number, height: number, seed?: number) =>
  (dir: string): SubtitledVideoOptions => ({
    path: `${dir}/coloured-${width}x${height}.mp4`,
    width,
    height,
    fps: FPS,
    segments: [3, 4],
    cues: CUES,
    seed,
  });

describe('dialogue stage on blue and green burned-in subtitles', () => {
  // A gradient whose picture the cut under the green line takes away: the frames before the
  // cut make two short runs, and the line must still start where it appears.
  const result = burnedDialogueOnce(colouredClip(640, 360, 7), 'zh');

  it('reads every line once, whatever its colour', () => {
    expect(result().source).toBe('subtitle_ocr');
    expectRead(result(), CUES);
  });

  it('times them within two frames', () => expectTimed(result().lines, CUES, FPS));
});

describe('dialogue stage on blue and green burned-in subtitles in a small frame', () => {
  // At 480x270 the green line's crop across the cut isolates only a few strokes, which once
  // measured the fill far too dark and lost the blue line.
  const result = burnedDialogueOnce(colouredClip(480, 270), 'zh');

  it('reads every line once and times it within two frames', () => {
    expectRead(result(), CUES);
    expectTimed(result().lines, CUES, FPS);
  });
});

const RED_CUES: BurnedCue[] = [
  { start: 0.4, end: 2.4, lines: ['我一直在等你回来'], color: 'red' },
  // The background cuts at 3.0 s under this one.
  { start: 2.8, end: 4.6, lines: ['可是你从来没有回头', 'But you never looked back.'], color: 'red' },
  { start: 5.0, end: 6.6, lines: ['今晚我们把话说清楚'] },
  { start: 6.8, end: 8.2, lines: ['那我也要知道'], color: 'red' },
];

/**
 * Text of the picture in the subtitle band between two lines, off the frame's axis (the
 * detector joins text on a subtitle's row into the subtitle's box: that is left as read).
 */
const SIGNS: BurnedCue[] = [{ start: 4.64, end: 4.96, lines: ['SALE'], centre: 0.2 }];

describe('dialogue stage on red burned-in subtitles', () => {
  const result = burnedDialogueOnce(
    (dir) => ({
      path: `${dir}/red.mp4`,
      width: 640,
      height: 360,
      fps: FPS,
      segments: [3, 5.4],
      cues: [...RED_CUES, ...SIGNS],
    }),
    'zh',
  );

  it('reads every line once, red or white, with its translation', () => {
    expectRead(result(), RED_CUES);
    expect(result().lines[1]!.translations?.[0]?.language).toBe('en');
    expectWords(result().lines[1]!.translations?.[0]?.text, RED_CUES[1]!.lines[1]!);
  });

  it('keeps text of the picture off the axis out of the dialogue, as on-screen text', () => {
    const { lines, onscreenText } = result();
    const spoken = lines.map((l) => [l.text, ...(l.translations ?? []).map((t) => t.text)].join(' '));
    // Its text as read (the recogniser may space a word), without spaces.
    const onscreen = onscreenText.map((t) => t.text.replace(/\s/g, ''));
    expect(spoken.join(' | ')).not.toMatch(/SAL/);
    expect(onscreen, JSON.stringify(onscreenText)).toContain('SALE');
    // Only while it shows: the same picture without it (between the next two lines) is not it.
    const sign = SIGNS[0]!;
    for (const t of onscreenText.filter((t) => /SAL/.test(t.text))) {
      expect(t.start, JSON.stringify(t)).toBeGreaterThanOrEqual(sign.start - 2 / FPS);
      expect(t.end, JSON.stringify(t)).toBeLessThanOrEqual(sign.end + 2 / FPS);
    }
  });

  it('times them within two frames', () => expectTimed(result().lines, RED_CUES, FPS));
});
