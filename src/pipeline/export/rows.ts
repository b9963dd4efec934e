/** The storyboard table as plain values, one row per shot: what the XLSX writers lay out. */
import { linesByShot, onScreen, withSpeaker, type Names } from './dialogue.js';
import { shotAction } from './facts.js';
import type { EpisodeDocs } from './fountain.js';
import { movementLabel, shotSizeLabel, WORDS, type Lang, type StoryboardColumn } from './labels.js';
import { timecodeRange } from './timecode.js';

export interface StoryboardRow {
  cells: Record<StoryboardColumn, string | number>;
  /** Keyframe path relative to the asset root, e.g. "keyframes/1/0001.jpg". */
  keyframe: string;
  /** True when the description was written from facts rather than by a model. */
  generatedDescription: boolean;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function storyboardRows(doc: EpisodeDocs, names: Names, lang: Lang): StoryboardRow[] {
  const said = linesByShot(doc.storyboard, doc.transcript);
  const fps = doc.storyboard.fps;
  return doc.storyboard.shots.map((shot) => {
    const act = shotAction(shot, names, lang);
    return {
      keyframe: shot.keyframe,
      generatedDescription: act.generated,
      cells: {
        episode: doc.episode,
        shot: shot.index,
        scene: shot.scene ?? '',
        timecode: timecodeRange(shot.start, shot.end, fps),
        duration: round3(Math.max(0, shot.end - shot.start)),
        keyframe: '',
        shot_size: shotSizeLabel(lang, shot.shot_size),
        camera_movement: movementLabel(lang, shot.camera_movement),
        description: act.text,
        characters: onScreen(names, shot.characters).join(WORDS[lang].listSep),
        dialogue: (said.get(shot.index) ?? []).map((l) => withSpeaker(names, l, lang)).join('\n'),
        onscreen_text: shot.onscreen_text.join('\n'),
      },
    };
  });
}

/** Display width of text in "character widths": CJK and other wide glyphs count as two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** How many lines text wraps to in a column this many characters wide. */
export function wrappedLines(text: string, columnChars: number): number {
  const usable = Math.max(1, columnChars - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

export interface EpisodeStats {
  episode: string;
  duration: number;
  shots: number;
  scenes: number;
  lines: number;
  characters: number;
}

/** Per-episode counts for the Summary sheet. */
export function episodeStats(doc: EpisodeDocs): EpisodeStats {
  const ids = new Set(doc.storyboard.shots.flatMap((s) => s.characters.map((c) => c.id)));
  return {
    episode: doc.episode,
    duration: round3(doc.storyboard.duration),
    shots: doc.storyboard.shots.length,
    scenes: doc.storyboard.scenes.length,
    lines: doc.transcript?.lines.length ?? 0,
    characters: ids.size,
  };
}
