/** Pure assembly of an episode's storyboard document from the stage results. */
import { STORYBOARD_SCHEMA, type Storyboard, type StoryboardShot } from '../../domain/documents.js';
import type { ShotStageResult } from '../shots/index.js';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function keyframeZipPath(episode: string, shotIndex: number): string {
  return `keyframes/${episode}/${String(shotIndex).padStart(4, '0')}.jpg`;
}

export function assembleStoryboard(episode: string, shots: ShotStageResult): Storyboard {
  const out: StoryboardShot[] = shots.shots.map((s) => ({
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
    shot_size: null,
    shot_size_reason: 'face stage did not run',
    camera_movement: s.camera_movement,
    characters: [],
    lines: [],
    onscreen_text: [],
    description: null,
    scene: null,
  }));
  return {
    schema: STORYBOARD_SCHEMA,
    episode,
    duration: round3(shots.duration),
    fps: Math.round(shots.fps * 1000) / 1000,
    width: shots.width,
    height: shots.height,
    shots: out,
    scenes: [],
  };
}
