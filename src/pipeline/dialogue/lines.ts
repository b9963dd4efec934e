/** Pure: cues or recognised speech → transcript lines (ids 1..n, speaker unknown). */
import type { LineSource, TranscriptLine } from '../../domain/documents.js';
import { baseLanguage } from '../subtitles/text.js';
import type { Cue } from '../subtitles/types.js';

const round = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * The line's text is the part in the episode's language (or the first line's language when the
 * episode language is 'auto' or absent); the other languages of a bilingual subtitle go to
 * `translations`.
 */
export function cuesToLines(cues: readonly Cue[], language: string, source: LineSource): TranscriptLine[] {
  return cues.map((c, i) => {
    // Line tags are primary subtags ('zh'); the task's language may carry a region ('zh-CN').
    const wanted = baseLanguage(language);
    const primaryLang = c.lines.some((l) => l.language === wanted)
      ? wanted
      : (c.lines[0]?.language ?? wanted);
    const primary = c.lines.filter((l) => l.language === primaryLang);
    const others = c.lines.filter((l) => l.language !== primaryLang);
    const line: TranscriptLine = {
      id: i + 1,
      start: round(c.start),
      end: round(c.end),
      text: primary.map((l) => l.text).join(' '),
      language: primaryLang,
      speaker: null,
      source,
      confidence: round(c.confidence),
    };
    if (others.length) line.translations = others.map((l) => ({ language: l.language, text: l.text }));
    return line;
  });
}
