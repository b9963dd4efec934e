/** Inputs and outputs of the series-wide character step (pure; see build.ts). */
import type { Box, EpisodeFaces } from '../faces/types.js';

export interface EpisodeInput {
  /** Episode key as in the output documents ("1", "2", …). */
  episode: string;
  faces: EpisodeFaces;
  /** Dialogue lines of the episode (transcript ids and times). */
  lines: ReadonlyArray<{ id: number; start: number; end: number }>;
}

/** A reference photo already embedded (see run.ts `embedReferencePhotos`). */
export interface ReferenceFace {
  name: string;
  /** L2-normalised embeddings, one per photo in which a face was found. */
  embeddings: number[][];
}

export interface FaceRef {
  episode: string;
  time: number;
  box: Box;
}

export interface Character {
  id: string;
  name: string;
  /** True when the name came from a reference photo. */
  named: boolean;
  /** Seen in one shot only, briefly, and never speaking: listed after the cast. */
  extra: boolean;
  episodes: string[];
  first_appearance: { episode: string; time: number };
  screen_time: number;
  shots: number;
  lines: number;
  /** Where to cut the representative face crop from. */
  best_face: FaceRef;
}

export interface ShotCharacters {
  episode: string;
  shot: number;
  characters: Array<{ id: string; box: Box }>;
}

export interface LineSpeaker {
  episode: string;
  line: number;
  speaker: string | null;
  confidence: number;
  /** How the speaker was chosen: `mouth`, `only_face`, `largest_face`, or why there is none. */
  reason: 'mouth' | 'only_face' | 'largest_face' | 'off_screen' | 'unclear' | 'unknown_face';
}

export interface CharacterResult {
  characters: Character[];
  shots: ShotCharacters[];
  lines: LineSpeaker[];
  /** Every face track and its character (null: matched nobody confidently, kept out rather than made into junk). */
  tracks: Array<{ episode: string; shot: number; track: number; character: string | null }>;
  unassigned_tracks: number;
}

export interface CharacterOptions {
  /** Task language; `zh*` gives 角色N generic names, anything else `Character N`. */
  language: string;
  references?: ReadonlyArray<ReferenceFace>;
}
