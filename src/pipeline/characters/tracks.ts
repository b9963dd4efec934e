/**
 * Face tracks (one face followed through one shot) are the unit of identity: averaging a
 * track's embeddings, weighted by quality, is far steadier than any single frame.
 */
import type { Box, FaceObservation } from '../faces/types.js';
import type { EpisodeInput } from './types.js';
import { centre, meanDirection } from './vectors.js';

export interface Track {
  key: string;
  /** Position of the episode in the input (for ordering). */
  episodeIndex: number;
  episode: string;
  shot: number;
  /** Track number within the shot (from the face stage). */
  track: number;
  start: number;
  end: number;
  /** Centred identity direction; empty when the track was never embedded. */
  vector: number[];
  /** 0..1: how much its identity can be trusted (size, pose, sharpness, number of views). */
  quality: number;
  /** Seconds on screen (first to last sighting plus one sample). */
  screenTime: number;
  observations: FaceObservation[];
  best: { time: number; box: Box; score: number };
}

/** Quality of one observation for identity: big, frontal, sharp faces count most. */
export function observationQuality(o: FaceObservation): number {
  const size = Math.min(1, Math.max(0, (o.quality.size - 24) / 56));
  const yaw = Math.abs(o.quality.yaw);
  const pose = yaw <= 25 ? 1 : yaw >= 70 ? 0.1 : 1 - (0.9 * (yaw - 25)) / 45;
  const sharp = Math.min(1, 0.4 + o.quality.blur / 150);
  return size * pose * sharp * Math.min(1, o.quality.score + 0.2);
}

export function buildTracks(episodes: readonly EpisodeInput[], sampleStep = 0.4): Track[] {
  const tracks: Track[] = [];
  episodes.forEach((ep, episodeIndex) => {
    for (const shot of ep.faces.shots) {
      const byTrack = new Map<number, FaceObservation[]>();
      for (const o of shot.faces) byTrack.set(o.track, [...(byTrack.get(o.track) ?? []), o]);
      for (const [id, obs] of [...byTrack.entries()].sort((a, b) => a[0] - b[0])) {
        const embedded = obs.filter((o) => o.embedding && o.embedding.length > 0);
        const weights = embedded.map((o) => Math.max(0.05, observationQuality(o)));
        const vector =
          embedded.length > 0
            ? meanDirection(
                embedded.map((o) => centre(o.embedding!)),
                weights,
              )
            : [];
        const qs = obs.map(observationQuality);
        const bestIdx = qs.indexOf(Math.max(...qs));
        const start = obs[0]!.time;
        const end = obs.at(-1)!.time;
        // More embedded views make the mean steadier: 1 view counts 60 %, 3 or more in full.
        const views = Math.min(1, 0.4 + 0.2 * embedded.length);
        tracks.push({
          key: `${ep.episode}/${shot.shot}/${id}`,
          episodeIndex,
          episode: ep.episode,
          shot: shot.shot,
          track: id,
          start,
          end,
          vector,
          quality: embedded.length > 0 ? Math.max(...weights) * views : 0,
          screenTime: Math.min(shot.end, end + sampleStep / 2) - Math.max(shot.start, start - sampleStep / 2),
          observations: obs,
          best: { time: obs[bestIdx]!.time, box: obs[bestIdx]!.box, score: qs[bestIdx]! },
        });
      }
    }
  });
  return tracks;
}

/** Two tracks seen in the same frame are two different people. */
export function coOccur(a: Track, b: Track): boolean {
  return a.episodeIndex === b.episodeIndex && a.shot === b.shot && a.start <= b.end && b.start <= a.end;
}
