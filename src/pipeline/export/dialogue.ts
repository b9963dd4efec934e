/**
 * Who says what in which shot. Shots reference their lines by id; a line no shot references (the
 * speaker stage did not run, or it fell between shots) is placed in the shot where it starts, so
 * no exported screenplay or sheet silently drops dialogue.
 */
import type { Namelist, Storyboard, Transcript, TranscriptLine } from '../../domain/documents.js';
import { WORDS, type Lang } from './labels.js';

export type Names = ReadonlyMap<string, string>;

/** Character id → display name; ids the namelist lacks are shown as themselves. */
export function namesOf(namelist: Namelist | null): Names {
  return new Map((namelist?.characters ?? []).map((c) => [c.id, c.name.trim() || c.id]));
}

export function nameOf(names: Names, id: string): string {
  return names.get(id) ?? id;
}

/** Speaker's display name, or null when nobody was attributed. */
export function speakerOf(names: Names, line: TranscriptLine): string | null {
  return line.speaker ? nameOf(names, line.speaker) : null;
}

/** "林婉：你来了。" / "Lin Wan: Hello." — the unattributed line is printed bare. */
export function withSpeaker(names: Names, line: TranscriptLine, lang: Lang): string {
  const who = speakerOf(names, line);
  return who ? `${who}${WORDS[lang].speakerSep}${line.text}` : line.text;
}

/** Distinct names of the characters on screen in a shot, in order of first appearance. */
export function onScreen(names: Names, ids: ReadonlyArray<{ id: string }>): string[] {
  return [...new Set(ids.map((c) => nameOf(names, c.id)))];
}

/** Index of the shot whose span holds time t (first shot before, last shot after). */
function shotAt(storyboard: Storyboard, t: number): number | null {
  const shots = storyboard.shots;
  if (shots.length === 0) return null;
  const hit = shots.find((s) => t >= s.start && t < s.end);
  if (hit) return hit.index;
  const first = shots[0];
  return first && t < first.start ? first.index : (shots[shots.length - 1]?.index ?? null);
}

/**
 * Shot index → its lines sorted by start time. A line referenced by several shots (it runs over a
 * cut) is listed under each of them; callers that must print it once keep their own seen-set.
 */
export function linesByShot(
  storyboard: Storyboard,
  transcript: Transcript | null,
): Map<number, TranscriptLine[]> {
  const out = new Map<number, TranscriptLine[]>(storyboard.shots.map((s) => [s.index, []]));
  if (!transcript) return out;
  const byId = new Map(transcript.lines.map((l) => [l.id, l]));
  const placed = new Set<number>();
  for (const shot of storyboard.shots) {
    for (const id of shot.lines) {
      const line = byId.get(id);
      if (!line) continue;
      out.get(shot.index)?.push(line);
      placed.add(id);
    }
  }
  for (const line of transcript.lines) {
    if (placed.has(line.id)) continue;
    const at = shotAt(storyboard, line.start);
    if (at !== null) out.get(at)?.push(line);
  }
  for (const lines of out.values()) lines.sort((a, b) => a.start - b.start || a.id - b.id);
  return out;
}
