/** I/O shell of scenes: reads keyframes (sharp) into colour signatures, then the pure grouping. */
import sharp from 'sharp';
import type { TransitionKind } from '../../domain/documents.js';
import { groupScenes } from './group.js';
import type { SceneSignature } from './locations.js';
import { colourSignature, meanSignature } from './signature.js';

/** Colour signature of one keyframe image file. */
export async function keyframeSignature(path: string): Promise<number[]> {
  const { data } = await sharp(path)
    .resize(48, 48, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return colourSignature(data);
}

export interface EpisodeSceneShot {
  /** Absolute path of the shot's keyframe. */
  keyframePath: string;
  transition: TransitionKind;
  start: number;
  end: number;
}

export interface EpisodeScene {
  index: number;
  first_shot: number;
  last_shot: number;
  start: number;
  end: number;
  /** Keep with the episode's checkpoint: the series-level location matcher takes these. */
  signature: SceneSignature;
}

export interface EpisodeScenesResult {
  /** 1-based scene index of every shot, in shot order. */
  sceneOfShot: number[];
  scenes: EpisodeScene[];
}

/** Per episode: group its shots (in order) into scenes by continuity of the setting. */
export async function runSceneStage(
  shots: readonly EpisodeSceneShot[],
  signal?: AbortSignal,
): Promise<EpisodeScenesResult> {
  const signatures: number[][] = [];
  for (const s of shots) {
    signal?.throwIfAborted();
    signatures.push(await keyframeSignature(s.keyframePath));
  }
  const sceneOfShot = groupScenes(
    shots.map((s, i) => ({ signature: signatures[i]!, transition: s.transition })),
  );
  const scenes: EpisodeScene[] = [];
  sceneOfShot.forEach((scene, i) => {
    const shot = shots[i]!;
    const last = scenes[scenes.length - 1];
    if (last && last.index === scene) {
      last.last_shot = i + 1;
      last.end = shot.end;
    } else
      scenes.push({
        index: scene,
        first_shot: i + 1,
        last_shot: i + 1,
        start: shot.start,
        end: shot.end,
        signature: { palette: [], shots: [] },
      });
  });
  for (const sc of scenes) {
    const own = signatures.slice(sc.first_shot - 1, sc.last_shot);
    sc.signature = { palette: meanSignature(own), shots: own };
  }
  return { sceneOfShot, scenes };
}
