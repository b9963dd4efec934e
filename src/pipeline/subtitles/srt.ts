/** Pure SRT parsing (ffmpeg converts SRT, ASS, WebVTT and mov_text tracks to SRT for us). */
import type { Cue } from './types.js';
import { lineLanguage } from './text.js';

const TIME = /(\d+):(\d{2}):(\d{2})[,.](\d{1,3})\s*-->\s*(\d+):(\d{2}):(\d{2})[,.](\d{1,3})/;

const seconds = (h: string, m: string, s: string, ms: string): number =>
  Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;

/** Removes HTML-like tags (<i>, <font …>) and ASS override blocks ({\an8}); turns \N into a break. */
export function stripMarkup(text: string): string {
  return text
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\\N/gi, '\n')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

export interface SrtCue {
  start: number;
  end: number;
  lines: string[];
}

export function parseSrt(text: string): SrtCue[] {
  const out: SrtCue[] = [];
  for (const block of text.replace(/\r/g, '').split(/\n{2,}/)) {
    const rows = block.split('\n');
    const i = rows.findIndex((r) => TIME.test(r));
    if (i < 0) continue;
    const m = TIME.exec(rows[i]!)!;
    const body = stripMarkup(rows.slice(i + 1).join('\n'));
    const lines = body
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    out.push({ start: seconds(m[1]!, m[2]!, m[3]!, m[4]!), end: seconds(m[5]!, m[6]!, m[7]!, m[8]!), lines });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Track cues → tagged cues; rows in the same language join, a language change splits. */
export function srtToCues(cues: readonly SrtCue[], episodeLanguage: string): Cue[] {
  return cues.map((c) => {
    const lines: Cue['lines'] = [];
    for (const row of c.lines) {
      const language = lineLanguage(row, episodeLanguage);
      const last = lines[lines.length - 1];
      if (last && last.language === language) last.text = `${last.text} ${row}`;
      else lines.push({ text: row, language });
    }
    return { start: c.start, end: c.end, lines, confidence: 1 };
  });
}
