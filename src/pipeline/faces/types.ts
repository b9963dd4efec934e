/**
 * Output of the face stage for one episode. Plain JSON (numbers, arrays, null) because the
 * orchestrator checkpoints it to disk and the series-wide character step reads it back.
 */

/**
 * Bumped whenever sampling, detector settings or the document shape change.
 * 2: embeddings are the 128-d dlib descriptor (face-api) instead of Human's 1024-d faceres.
 */
export const FACES_STAGE_VERSION = 2;

/** [x, y, w, h] in display pixels of the source video (after rotation). */
export type Box = [number, number, number, number];

export interface FaceQuality {
  /** Face height in display pixels (forehead to chin, from the landmark mesh). */
  size: number;
  /** Sharpness: variance of the Laplacian on the grey face crop (higher is sharper). */
  blur: number;
  /** Head pose in degrees; |yaw| near 90 is a profile. */
  yaw: number;
  pitch: number;
  roll: number;
  /** Detector confidence 0..1. */
  score: number;
}

export interface FaceObservation {
  /** Seconds on the player's timeline. */
  time: number;
  /** Tight face box from the landmark mesh. */
  box: Box;
  quality: FaceQuality;
  /** Inner-lip gap divided by mouth width (0 closed, ~0.5 wide open); null without a mesh. */
  mouth: number | null;
  /** L2-normalised 128-d identity embedding (dlib descriptor), only on the frames the embedder ran on. */
  embedding: number[] | null;
  /** Face track within the shot: the same number on every frame where this face was followed. */
  track: number;
}

export interface ShotFaces {
  /** Storyboard shot index. */
  shot: number;
  start: number;
  end: number;
  /** Times of the frames that were analysed (faces or not). */
  frames: number[];
  faces: FaceObservation[];
}

export interface EpisodeFaces {
  version: typeof FACES_STAGE_VERSION;
  /** Display size of the source; boxes are in this space. */
  width: number;
  height: number;
  shots: ShotFaces[];
  stats: { frames: number; faces: number; embeddings: number; seconds: number };
}

/** A shot as the face stage needs it. */
export interface ShotSpan {
  index: number;
  start: number;
  end: number;
}
