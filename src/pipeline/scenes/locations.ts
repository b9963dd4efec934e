/**
 * Pure series-level location matching: every scene of every episode, in episode order, joins
 * the known location whose scenes it resembles most, or founds a new one. Ids are L1, L2, … in
 * order of first appearance, so a place the series returns to keeps its id.
 */
import { paletteSimilarity } from './signature.js';

export interface SceneSignature {
  /** Mean palette of the scene's shots. */
  palette: readonly number[];
  /** Palettes of its shots (a location matches if any set-up matches). */
  shots: ReadonlyArray<readonly number[]>;
}

export interface EpisodeScenes {
  episode: string;
  scenes: readonly SceneSignature[];
}

/** Similarity needed to call two scenes the same place (stricter than continuity within a scene). */
export const SAME_LOCATION = 0.72;

function sceneSimilarity(a: SceneSignature, b: SceneSignature): number {
  let best = paletteSimilarity(a.palette, b.palette);
  for (const x of a.shots) for (const y of b.shots) best = Math.max(best, 0.9 * paletteSimilarity(x, y));
  return best;
}

/** Location id of every scene, per episode, in the order given. */
export function matchLocations(
  episodes: readonly EpisodeScenes[],
  threshold = SAME_LOCATION,
): Array<{ episode: string; locations: string[] }> {
  const known: SceneSignature[][] = [];
  return episodes.map((ep) => ({
    episode: ep.episode,
    locations: ep.scenes.map((scene) => {
      let bestId = -1;
      let best = threshold;
      known.forEach((members, id) => {
        const s = Math.max(...members.map((m) => sceneSimilarity(m, scene)));
        if (s >= best) {
          best = s;
          bestId = id;
        }
      });
      if (bestId < 0) {
        known.push([scene]);
        bestId = known.length - 1;
      } else known[bestId]!.push(scene);
      return `L${bestId + 1}`;
    }),
  }));
}
