/** Face stage: detect, measure and embed faces on sampled frames of every shot. */
export { runFaceStage, type FaceStageOptions } from './run.js';
export { getFaceDetector, type FaceDetector, type RawFace } from './detector.js';
export {
  FACES_STAGE_VERSION,
  type Box,
  type EpisodeFaces,
  type FaceObservation,
  type FaceQuality,
  type ShotFaces,
  type ShotSpan,
} from './types.js';
