/** Public API of scenes: per episode `runSceneStage`, per series `matchLocations`. */
export { runSceneStage, keyframeSignature } from './run.js';
export type { EpisodeScene, EpisodeSceneShot, EpisodeScenesResult } from './run.js';
export { matchLocations, SAME_LOCATION } from './locations.js';
export type { EpisodeScenes, SceneSignature } from './locations.js';
export { groupScenes } from './group.js';
