/** Public API of the shot stage (used by the episode orchestrator). */
import type { CameraMovement, Transition } from '../../domain/documents.js';

export interface DetectedShot {
  index: number;
  start: number;
  end: number;
  start_frame: number;
  end_frame: number;
  transition_in: Transition;
  /** File name inside keyframeDir, e.g. "0001.jpg". */
  keyframe: string;
  keyframe_time: number;
  camera_movement: CameraMovement | null;
}

export interface ShotStageResult {
  fps: number;
  frameCount: number;
  duration: number;
  width: number;
  height: number;
  shots: DetectedShot[];
}

export { runShotStage } from './run.js';
