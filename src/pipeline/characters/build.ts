/**
 * The series-wide character step (pure): tracks from every episode → clusters → names →
 * ranked ids C1, C2, … → per-shot characters and per-line speakers.
 */
import { clusterTracks, CLUSTER_DEFAULTS, type ClusterOptions } from './cluster.js';
import { genericName, nameClusters } from './naming.js';
import { chooseSpeaker } from './speaker.js';
import { buildTracks, type Track } from './tracks.js';
import type {
  Character,
  CharacterOptions,
  CharacterResult,
  EpisodeInput,
  LineSpeaker,
  ShotCharacters,
} from './types.js';

/** Seconds of lines' weight in the importance ranking (a line counts like this much screen time). */
const LINE_WEIGHT = 2;

export function buildCharacters(
  episodes: readonly EpisodeInput[],
  opts: CharacterOptions,
  cluster: ClusterOptions = CLUSTER_DEFAULTS,
): CharacterResult {
  const tracks = buildTracks(episodes);
  const { clusters, unassigned } = clusterTracks(tracks, cluster);
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, k) => c.forEach((i) => clusterOf.set(tracks[i]!.key, k)));

  const speakers: Array<{
    episode: string;
    line: number;
    cluster: number | null;
    confidence: number;
    reason: LineSpeaker['reason'];
  }> = [];
  for (const ep of episodes) {
    for (const line of ep.lines) {
      const choice = chooseSpeaker(ep.episode, ep.faces.shots, line);
      const k = choice.track === null ? undefined : clusterOf.get(choice.track);
      if (choice.track !== null && k === undefined)
        speakers.push({
          episode: ep.episode,
          line: line.id,
          cluster: null,
          confidence: 0,
          reason: 'unknown_face',
        });
      else
        speakers.push({
          episode: ep.episode,
          line: line.id,
          cluster: k ?? null,
          confidence: choice.confidence,
          reason: choice.reason,
        });
    }
  }

  const names = nameClusters(
    clusters.map((c) => c.map((i) => tracks[i]!.vector)),
    opts.references ?? [],
  );
  const summaries = clusters.map((c, k) =>
    summarise(
      k,
      c.map((i) => tracks[i]!),
      speakers.filter((s) => s.cluster === k).length,
    ),
  );
  const order = summaries
    .slice()
    .sort(
      (a, b) =>
        Number(a.extra) - Number(b.extra) ||
        b.importance - a.importance ||
        a.firstKey - b.firstKey ||
        a.k - b.k,
    );
  const idOf = new Map<number, string>();
  order.forEach((s, rank) => idOf.set(s.k, `C${rank + 1}`));

  const characters: Character[] = order.map((s, rank) => ({
    id: `C${rank + 1}`,
    name: names[s.k] ?? genericName(rank + 1, opts.language),
    named: names[s.k] !== null,
    extra: s.extra,
    episodes: s.episodes,
    first_appearance: s.first,
    screen_time: Math.round(s.screenTime * 100) / 100,
    shots: s.shots,
    lines: s.lines,
    best_face: s.best,
  }));

  const shots: ShotCharacters[] = [];
  for (const ep of episodes) {
    for (const shot of ep.faces.shots) {
      const present = tracks
        .filter((t) => t.episode === ep.episode && t.shot === shot.shot && clusterOf.has(t.key))
        .map((t) => ({ id: idOf.get(clusterOf.get(t.key)!)!, box: t.best.box, size: t.best.box[3] }));
      const unique = [...new Map(present.sort((a, b) => b.size - a.size).map((p) => [p.id, p])).values()];
      shots.push({
        episode: ep.episode,
        shot: shot.shot,
        characters: unique.map(({ id, box }) => ({ id, box })),
      });
    }
  }
  const lines: LineSpeaker[] = speakers.map((s) => ({
    episode: s.episode,
    line: s.line,
    speaker: s.cluster === null ? null : idOf.get(s.cluster)!,
    confidence: s.cluster === null ? 0 : s.confidence,
    reason: s.reason,
  }));
  const trackList = tracks.map((t) => {
    const k = clusterOf.get(t.key);
    return {
      episode: t.episode,
      shot: t.shot,
      track: t.track,
      character: k === undefined ? null : idOf.get(k)!,
    };
  });
  return { characters, shots, lines, tracks: trackList, unassigned_tracks: unassigned.length };
}

function summarise(k: number, tracks: Track[], lines: number) {
  const episodes = [...new Set(tracks.map((t) => t.episodeIndex))].sort((a, b) => a - b);
  const firstTrack = tracks.reduce((a, b) =>
    b.episodeIndex < a.episodeIndex || (b.episodeIndex === a.episodeIndex && b.start < a.start) ? b : a,
  );
  const bestTrack = tracks.reduce((a, b) => (b.best.score > a.best.score ? b : a));
  const screenTime = tracks.reduce((s, t) => s + t.screenTime, 0);
  const shotCount = new Set(tracks.map((t) => `${t.episodeIndex}/${t.shot}`)).size;
  return {
    k,
    episodes: episodes.map((i) => tracks.find((t) => t.episodeIndex === i)!.episode),
    first: { episode: firstTrack.episode, time: firstTrack.start },
    firstKey: firstTrack.episodeIndex * 1e6 + firstTrack.start,
    best: { episode: bestTrack.episode, time: bestTrack.best.time, box: bestTrack.best.box },
    screenTime,
    shots: shotCount,
    lines,
    importance: screenTime + LINE_WEIGHT * lines,
    // Seen once, briefly, silent: an extra, listed after the cast whatever its screen time.
    extra: shotCount === 1 && lines === 0 && screenTime < 3,
  };
}
