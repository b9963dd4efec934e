import { describe, expect, it } from 'vitest';
import type { Transcript, TranscriptLine } from '../../domain/documents.js';
import { hasCues, toSrt, toVtt } from './subtitles.js';

const names = new Map([['C1', 'Lin <Wan>']]);
const line = (
  id: number,
  start: number,
  end: number,
  text: string,
  speaker: string | null,
): TranscriptLine => ({
  id,
  start,
  end,
  text,
  language: 'en',
  speaker,
  source: 'subtitle_ocr',
  confidence: 0.9,
});
const transcript = (lines: TranscriptLine[]): Transcript => ({
  schema: 'reelscript.transcript/1',
  episode: '1',
  language: 'en',
  lines,
});

describe('subtitles', () => {
  const t = transcript([
    line(7, 2, 3.5, 'Second\n\n  line', null),
    line(3, 0.5, 0.5, 'A -> B & C', 'C1'),
    line(9, 4, 5, '   ', 'C1'),
  ]);

  it('numbers SRT cues from 1 in time order, drops empty text and blank lines inside a cue', () => {
    expect(toSrt(t, names, 'en')).toBe(
      '1\n00:00:00,500 --> 00:00:00,501\nLin <Wan>: A -> B & C\n\n2\n00:00:02,000 --> 00:00:03,500\nSecond\nline\n',
    );
  });

  it('puts speakers in WebVTT voice spans and escapes markup', () => {
    expect(toVtt(t, names)).toBe(
      'WEBVTT\n\n3\n00:00:00.500 --> 00:00:00.501\n<v Lin &lt;Wan&gt;>A -&gt; B &amp; C\n\n7\n00:00:02.000 --> 00:00:03.500\nSecond\nline\n',
    );
  });

  it('knows when there is nothing to write', () => {
    expect(hasCues(null)).toBe(false);
    expect(hasCues(transcript([line(1, 0, 1, ' ', null)]))).toBe(false);
    expect(hasCues(t)).toBe(true);
  });
});
