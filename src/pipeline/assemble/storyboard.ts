/** Pure assembly of an episode's storyboard document from the stage results. */
import {
  STORYBOARD_SCHEMA,
  type ShotCharacter,
  type Storyboard,
  type StoryboardScene,
  type StoryboardShot,
  type TranscriptLine,
} from '../../domain/documents.js';
import type { EpisodeFaces } from '../faces/types.js';
import type { EpisodeScenesResult } from '../scenes/index.js';
import type { ShotStageResult } from '../shots/index.js';
import { shotSizeFromFaces } from '../shotsize/index.js';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function keyframeZipPath(episode: string, shotIndex: number): string {
  return `keyframes/${episode}/${String(shotIndex).padStart(4, '0')}.jpg`;
}

export interface StoryboardExtras {
  faces: EpisodeFaces | null;
  lines: readonly TranscriptLine[];
  onscreenText: ReadonlyArray<{ start: number; end: number; text: string }>;
  /** Characters on screen per shot index (from the series-wide character step). */
  characters: ReadonlyMap<number, ShotCharacter[]>;
  /** Scene grouping of the episode and the series-wide location id of each scene. */
  scenes: EpisodeScenesResult | null;
  locations: readonly string[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

export function assembleStoryboard(
  episode: string,
  shots: ShotStageResult,
  extras?: StoryboardExtras,
): Storyboard {
  const out: StoryboardShot[] = shots.shots.map((s) => {
    const facesOfShot = extras?.faces?.shots.find((f) => f.shot === s.index) ?? null;
    const size = facesOfShot && extras?.faces ? shotSizeFromFaces(facesOfShot, extras.faces.height) : null;
    const span = { start: s.start, end: s.end };
    return {
      index: s.index,
      start: round3(s.start),
      end: round3(s.end),
      start_frame: s.start_frame,
      end_frame: s.end_frame,
      transition_in: {
        kind: s.transition_in.kind,
        start: round3(s.transition_in.start),
        end: round3(s.transition_in.end),
      },
      keyframe: keyframeZipPath(episode, s.index),
      keyframe_time: round3(s.keyframe_time),
      shot_size: size?.size ?? null,
      shot_size_reason: size ? size.reason : 'face stage did not run',
      camera_movement: s.camera_movement,
      characters: extras?.characters.get(s.index) ?? [],
      lines: (extras?.lines ?? []).filter((l) => overlaps(l, span)).map((l) => l.id),
      onscreen_text: [
        ...new Set((extras?.onscreenText ?? []).filter((t) => overlaps(t, span)).map((t) => t.text)),
      ],
      description: null,
      scene: extras?.scenes?.sceneOfShot[shots.shots.indexOf(s)] ?? null,
    };
  });
  const scenes: StoryboardScene[] = (extras?.scenes?.scenes ?? []).map((sc, i) => ({
    index: sc.index,
    first_shot: sc.first_shot,
    last_shot: sc.last_shot,
    start: round3(sc.start),
    end: round3(sc.end),
    location: extras?.locations[i] ?? `L${sc.index}`,
    characters: [
      ...new Set(out.filter((x) => x.scene === sc.index).flatMap((x) => x.characters.map((c) => c.id))),
    ].sort(),
    heading: null,
  }));
  return {
    schema: STORYBOARD_SCHEMA,
    episode,
    duration: round3(shots.duration),
    fps: Math.round(shots.fps * 1000) / 1000,
    width: shots.width,
    height: shots.height,
    shots: out,
    scenes,
  };
}
