/**
 * SRT and WebVTT from a transcript. SRT has no speaker markup, so the name is printed in front
 * of the text the way fansubs do; WebVTT carries it in a voice span that players can style.
 */
import type { Transcript, TranscriptLine } from '../../domain/documents.js';
import { speakerOf, withSpeaker, type Names } from './dialogue.js';
import type { Lang } from './labels.js';
import { srtTime, vttTime } from './timecode.js';

/** A blank line ends a cue in both formats, so text keeps only its non-empty lines. */
function cueText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/** Lines with text in playing order, each lasting at least a millisecond so players keep it. */
function cues(transcript: Transcript): TranscriptLine[] {
  return transcript.lines
    .filter((l) => cueText(l.text).length > 0)
    .map((l) => ({ ...l, text: cueText(l.text), end: Math.max(l.end, l.start + 0.001) }))
    .sort((a, b) => a.start - b.start || a.id - b.id);
}

/** True when there is at least one line to put in a subtitle file. */
export function hasCues(transcript: Transcript | null): transcript is Transcript {
  return transcript !== null && cues(transcript).length > 0;
}

export function toSrt(transcript: Transcript, names: Names, lang: Lang): string {
  return cues(transcript)
    .map((l, i) => `${i + 1}\n${srtTime(l.start)} --> ${srtTime(l.end)}\n${withSpeaker(names, l, lang)}\n`)
    .join('\n');
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toVtt(transcript: Transcript, names: Names): string {
  const body = cues(transcript).map((l) => {
    const who = speakerOf(names, l);
    const text = escapeVtt(l.text);
    // A voice span's annotation ends at ">", and must not be empty.
    const voiced = who ? `<v ${escapeVtt(who).replace(/\s+/g, ' ')}>${text}` : text;
    return `${l.id}\n${vttTime(l.start)} --> ${vttTime(l.end)}\n${voiced}\n`;
  });
  return ['WEBVTT\n', ...body].join('\n');
}
