/** Pure assembly of transcripts and the namelist from stage results and the character step. */
import {
  NAMELIST_SCHEMA,
  TRANSCRIPT_SCHEMA,
  type Namelist,
  type ShotCharacter,
  type Transcript,
  type TranscriptLine,
} from '../../domain/documents.js';
import type { CharacterResult } from '../characters/index.js';

export function assembleTranscript(
  episode: string,
  language: string,
  lines: readonly TranscriptLine[],
  result: CharacterResult | null,
): Transcript {
  const speakers = new Map(
    (result?.lines ?? []).filter((l) => l.episode === episode).map((l) => [l.line, l]),
  );
  return {
    schema: TRANSCRIPT_SCHEMA,
    episode,
    language,
    lines: lines.map((l) => {
      const s = speakers.get(l.id);
      return {
        ...l,
        speaker: s?.speaker ?? null,
        ...(s ? { speaker_confidence: s.confidence, speaker_reason: s.reason } : {}),
      };
    }),
  };
}

export function charactersByShot(
  result: CharacterResult | null,
  episode: string,
): Map<number, ShotCharacter[]> {
  const map = new Map<number, ShotCharacter[]>();
  for (const s of result?.shots ?? [])
    if (s.episode === episode)
      map.set(
        s.shot,
        s.characters.map((c) => ({ id: c.id, box: c.box })),
      );
  return map;
}

export function characterImagePath(id: string): string {
  return `characters/${id}.jpg`;
}

export function assembleNamelist(result: CharacterResult, withImages: ReadonlySet<string>): Namelist {
  return {
    schema: NAMELIST_SCHEMA,
    characters: result.characters.map((c) => ({
      id: c.id,
      name: c.name,
      episodes: c.episodes,
      first_appearance: c.first_appearance,
      screen_time: Math.round(c.screen_time * 100) / 100,
      shots: c.shots,
      lines: c.lines,
      image: withImages.has(c.id) ? characterImagePath(c.id) : null,
      ...(c.extra ? { extra: true } : {}),
      ...(c.named ? { named_from_reference: true } : {}),
    })),
  };
}
