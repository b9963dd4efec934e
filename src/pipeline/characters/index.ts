/** Series-wide characters: clustering, naming, speaker attribution (pure) and their I/O helpers. */
export { buildCharacters } from './build.js';
export { clusterTracks, CLUSTER_DEFAULTS, type ClusterOptions } from './cluster.js';
export { genericName, nameClusters, NAMING_DEFAULTS } from './naming.js';
export {
  chooseSpeaker,
  mouthMotion,
  TALKING_MOTION,
  talkingMotionFor,
  type SpeakerChoice,
} from './speaker.js';
export { embedReferencePhotos, writeFaceCrop } from './run.js';
export type {
  Character,
  CharacterOptions,
  CharacterResult,
  EpisodeInput,
  FaceRef,
  LineSpeaker,
  ReferenceFace,
  ShotCharacters,
} from './types.js';
