/**
 * Burned-in subtitles end to end on generated clips: Chinese, two-line, bilingual, a fade-in in
 * yellow, a logo, and a hard cut under a subtitle. Cue boundaries must be within two frames.
 */
import { describe, expect, it } from 'vitest';
import { textSimilarity } from '../../src/pipeline/subtitles/text.js';
import type { BurnedCue } from '../fixtures/subtitled-video.js';
import { burnedDialogueOnce, expectTimed, expectWords } from '../helpers/burned-dialogue.js';

const FPS = 25;
const CUES: BurnedCue[] = [
  { start: 0.4, end: 1.8, lines: ['你们接着善后，我进去帮他'] },
  // The background cuts at 3.0 s while this one is on screen.
  { start: 2.2, end: 4.2, lines: ['今天的会议改到下午三点钟', 'The meeting moved to 3 pm.'] },
  { start: 4.6, end: 6.0, lines: ['I will never forgive you.'], fadeIn: 0.32, color: 'yellow' },
  { start: 6.4, end: 8.0, lines: ['这句话当时也是红遍网络', '被各种段子模仿'] },
];

describe('dialogue stage on burned-in subtitles', () => {
  const result = burnedDialogueOnce(
    (dir) => ({
      path: `${dir}/burned.mp4`,
      width: 480,
      height: 270,
      fps: FPS,
      segments: [3, 5.4],
      cues: CUES,
      logo: '好看视频',
    }),
    'zh',
  );

  it('reads every subtitle once, in order, from the picture', () => {
    expect(result().source).toBe('subtitle_ocr');
    expect(result().lines.map((l) => l.id)).toEqual([1, 2, 3, 4]);
    const texts = result().lines.map((l) => l.text);
    expect(textSimilarity(texts[0]!, CUES[0]!.lines[0]!)).toBeGreaterThanOrEqual(0.9);
    expect(textSimilarity(texts[1]!, CUES[1]!.lines[0]!)).toBeGreaterThanOrEqual(0.9);
    expectWords(texts[2], 'I will never forgive you.');
    expect(textSimilarity(texts[3]!, CUES[3]!.lines.join(''))).toBeGreaterThanOrEqual(0.9);
  });

  it('times cues within two frames, also across the cut and after a fade-in', () =>
    expectTimed(result().lines, CUES, FPS));

  it('keeps both languages of the bilingual subtitle, tagged', () => {
    const l = result().lines[1]!;
    expect(l.language).toBe('zh');
    expect(l.translations?.[0]?.language).toBe('en');
    // The reading before the cut shows the word gaps; the one after it, bars of the test chart
    // under the letters fill them: the merged line keeps the spaces.
    expectWords(l.translations?.[0]?.text, 'The meeting moved to 3 pm.');
    expect(result().lines[2]!.language).toBe('en');
  });

  it('reports the logo as on-screen text, not dialogue', () => {
    expect(result().onscreenText.some((t) => textSimilarity(t.text, '好看视频') >= 0.75)).toBe(true);
    expect(result().lines.some((l) => l.text.includes('好看'))).toBe(false);
  });
});
