/**
 * Output documents (DESIGN §4). Field names are fixed per schema version; more fields may be
 * added, none may change without bumping the version string.
 */
export const STORYBOARD_SCHEMA = 'reelscript.storyboard/1';
export const TRANSCRIPT_SCHEMA = 'reelscript.transcript/1';
export const NAMELIST_SCHEMA = 'reelscript.namelist/1';
export const MANIFEST_SCHEMA = 'reelscript.manifest/1';

export type TransitionKind = 'start' | 'cut' | 'fade' | 'dissolve';
export type ShotSize = 'extreme_close_up' | 'close_up' | 'medium_close_up' | 'medium' | 'full' | 'wide';
export type CameraMovement =
  'static' | 'pan_left' | 'pan_right' | 'tilt_up' | 'tilt_down' | 'zoom_in' | 'zoom_out' | 'handheld';

export interface Transition {
  kind: TransitionKind;
  /** Seconds on the player's timeline. */
  start: number;
  end: number;
}

export interface ShotCharacter {
  id: string;
  box: [number, number, number, number];
}

export interface StoryboardShot {
  index: number;
  start: number;
  end: number;
  start_frame: number;
  end_frame: number;
  transition_in: Transition;
  keyframe: string;
  keyframe_time: number;
  shot_size: ShotSize | null;
  shot_size_reason?: string;
  camera_movement: CameraMovement | null;
  characters: ShotCharacter[];
  lines: number[];
  onscreen_text: string[];
  description: string | null;
  scene: number | null;
}

export interface StoryboardScene {
  index: number;
  first_shot: number;
  last_shot: number;
  start: number;
  end: number;
  location: string;
  characters: string[];
  /** Null when no description model ran: exports write headings from location and cast. */
  heading: string | null;
}

export interface Storyboard {
  schema: typeof STORYBOARD_SCHEMA;
  episode: string;
  duration: number;
  fps: number;
  width: number;
  height: number;
  shots: StoryboardShot[];
  scenes: StoryboardScene[];
}

export type LineSource = 'subtitle_ocr' | 'subtitle_track' | 'asr';

export interface TranscriptLine {
  id: number;
  start: number;
  end: number;
  text: string;
  language: string;
  speaker: string | null;
  source: LineSource;
  confidence: number;
  /** The other languages of a bilingual subtitle (e.g. the English line under the Chinese one). */
  translations?: Array<{ language: string; text: string }>;
}

export interface Transcript {
  schema: typeof TRANSCRIPT_SCHEMA;
  episode: string;
  language: string;
  lines: TranscriptLine[];
}

export interface NamelistCharacter {
  id: string;
  name: string;
  episodes: string[];
  first_appearance: { episode: string; time: number } | null;
  screen_time: number;
  shots: number;
  lines: number;
  image: string | null;
}

export interface Namelist {
  schema: typeof NAMELIST_SCHEMA;
  characters: NamelistCharacter[];
}

export const STAGE_NAMES = [
  'probe',
  'shots',
  'keyframes',
  'dialogue',
  'faces',
  'characters',
  'scenes',
  'exports',
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  task_id: string | null;
  generator: { name: 'reelscript'; version: string };
  created_at: string;
  config: Record<string, unknown>;
  episodes: Array<{
    episode: string;
    source: string;
    duration: number;
    stages: Record<string, { version: number; seconds: number }>;
  }>;
  stages_run: string[];
  stages_not_run: Array<{ stage: string; reason: string }>;
  warnings: string[];
  tools: Record<string, string>;
  files: string[];
}
