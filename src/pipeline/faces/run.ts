/**
 * I/O shell of the face stage: decode the planned frames, run the detector (mesh on every
 * frame, embedder on scheduled frames and whenever a face appears that has no embedding yet),
 * follow faces within each shot, and return plain JSON observations in display pixels.
 */
import type { MediaInfo } from '../probe/types.js';
import type { StageContext } from '../types.js';
import { getFaceDetector, type FaceDetector, type RawFace } from './detector.js';
import { analysisSize, nearestTarget } from './frames-args.js';
import { decodeFrames } from './frames.js';
import { laplacianVariance, meshBox, mouthOpenness, normaliseEmbedding, toDegrees } from './measure.js';
import { DEFAULT_SAMPLING, planEpisode, type SampleOptions } from './sample.js';
import { assignTracks, newTracker, type Tracker } from './track.js';
import {
  FACES_STAGE_VERSION,
  type Box,
  type EpisodeFaces,
  type FaceObservation,
  type ShotFaces,
  type ShotSpan,
} from './types.js';

export interface FaceStageOptions {
  ctx: StageContext;
  sampling?: SampleOptions;
}

interface Target {
  time: number;
  shot: ShotFaces;
  tracker: Tracker;
  embed: boolean;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

export async function runFaceStage(
  file: string,
  media: MediaInfo,
  shots: ReadonlyArray<ShotSpan>,
  opts: FaceStageOptions,
): Promise<EpisodeFaces> {
  const started = Date.now();
  const video = media.video;
  const out: EpisodeFaces = {
    version: FACES_STAGE_VERSION,
    width: video?.width ?? 0,
    height: video?.height ?? 0,
    shots: [],
    stats: { frames: 0, faces: 0, embeddings: 0, seconds: 0 },
  };
  const targets: Target[] = [];
  for (const plan of planEpisode(shots, opts.sampling ?? DEFAULT_SAMPLING)) {
    const span = shots.find((s) => s.index === plan.shot)!;
    const shot: ShotFaces = { shot: span.index, start: span.start, end: span.end, frames: [], faces: [] };
    out.shots.push(shot);
    const tracker = newTracker();
    plan.times.forEach((time, i) => targets.push({ time, shot, tracker, embed: plan.embedAt.includes(i) }));
  }
  if (!video || targets.length === 0) return finish(out, started);
  targets.sort((a, b) => a.time - b.time);
  const size = analysisSize(video.width, video.height);
  const scale = video.width / size.width;
  const detector = await getFaceDetector();
  const tolerance = 1.5 / (video.fps > 0 ? video.fps : 25);
  const times = targets.map((t) => t.time);
  const seen = new Set<number>();
  for await (const frame of decodeFrames({
    file,
    targets: times,
    fps: video.fps,
    startTime: media.startTime,
    size,
    workDir: opts.ctx.workDir,
    signal: opts.ctx.signal,
  })) {
    const at = nearestTarget(times, frame.time, tolerance);
    if (at === null || seen.has(at)) continue;
    seen.add(at);
    const target = targets[times.indexOf(at)]!;
    const time = Math.round(Math.max(target.shot.start, Math.min(frame.time, target.shot.end)) * 1000) / 1000;
    target.shot.frames.push(time);
    const faces = await analyseFrame(detector, frame.rgb, size, target, time, scale);
    target.shot.faces.push(...faces);
    out.stats.frames++;
    opts.ctx.onProgress(seen.size / targets.length);
  }
  opts.ctx.signal.throwIfAborted();
  const done = finish(out, started);
  const { frames, faces, embeddings, seconds } = done.stats;
  opts.ctx.log(`faces: ${frames} frames, ${faces} faces, ${embeddings} embeddings in ${seconds} s`);
  return done;
}

async function analyseFrame(
  detector: FaceDetector,
  rgb: Uint8Array,
  size: { width: number; height: number },
  target: Target,
  time: number,
  scale: number,
): Promise<FaceObservation[]> {
  let raw = await detector.detect(rgb, size.width, size.height, target.embed);
  let boxes = raw.map(tightBox);
  let ids = assignTracks(target.tracker, boxes, time);
  const unembedded = ids.some((id) => !target.tracker.tracks.find((t) => t.id === id)?.embedded);
  if (!target.embed && unembedded) {
    // A face we cannot name yet: pay for the embedder on this frame too.
    raw = await detector.detect(rgb, size.width, size.height, true);
    boxes = raw.map(tightBox);
    ids = ids.length === boxes.length ? ids : assignTracks(target.tracker, boxes, time);
  }
  return raw.map((face, i) => {
    const box = boxes[i]!;
    const track = target.tracker.tracks.find((t) => t.id === ids[i]);
    const embedding = face.embedding && face.embedding.length > 0 ? normaliseEmbedding(face.embedding) : null;
    if (embedding && track) track.embedded = true;
    const angle = face.rotation?.angle;
    return {
      time,
      box: box.map((v) => r2(v * scale)) as Box,
      quality: {
        size: r2(box[3] * scale),
        blur: r2(laplacianVariance(rgb, size.width, size.height, box)),
        yaw: toDegrees(angle?.yaw),
        pitch: toDegrees(angle?.pitch),
        roll: toDegrees(angle?.roll),
        score: r2(face.score),
      },
      mouth: ((m) => (m === null ? null : Math.round(m * 1000) / 1000))(mouthOpenness(face.mesh)),
      embedding,
      track: ids[i] ?? -1,
    };
  });
}

/** The mesh box; without a mesh, the detector box shrunk by its 1.4x enlargement. */
function tightBox(face: RawFace): Box {
  const m = meshBox(face.mesh);
  if (m) return m;
  const [x, y, w, h] = face.box;
  return [x + (w * 0.4) / 2.8, y + (h * 0.4) / 2.8, w / 1.4, h / 1.4];
}

function finish(out: EpisodeFaces, started: number): EpisodeFaces {
  out.stats.faces = out.shots.reduce((n, s) => n + s.faces.length, 0);
  out.stats.embeddings = out.shots.reduce((n, s) => n + s.faces.filter((f) => f.embedding).length, 0);
  out.stats.seconds = Math.round((Date.now() - started) / 100) / 10;
  return out;
}
