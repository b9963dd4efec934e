/**
 * Eval tasks: the two face clips as they are, plus a generated three-episode "series" cut from
 * them (a time slice, the close-up clip re-encoded, and a mirrored, rescaled, brightened slice)
 * so the same people must be recognised across episodes in frames that differ from the originals.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface TruthFace {
  shot: number;
  label: string;
  region: [number, number, number, number];
}
export interface TruthLine {
  id: number;
  start: number;
  end: number;
  speaker: string | null;
}
export interface TruthClip {
  file: string;
  cuts: number[];
  faces: TruthFace[];
  lines: TruthLine[];
}
export interface EvalEpisode {
  episode: string;
  file: string;
  truth: TruthClip;
}

/** Slice [from, to) of a truth clip, optionally mirrored; shots renumbered from 1. */
export function sliceTruth(t: TruthClip, from: number, to: number, mirror: boolean): TruthClip {
  const bounds = [0, ...t.cuts, Infinity];
  const kept: number[] = [];
  for (let s = 1; s < bounds.length; s++) if (bounds[s]! > from && bounds[s - 1]! < to) kept.push(s);
  const cuts = t.cuts.filter((c) => c > from && c < to).map((c) => Math.round((c - from) * 1000) / 1000);
  const faces = t.faces
    .filter((f) => kept.includes(f.shot))
    .map((f) => ({
      ...f,
      shot: kept.indexOf(f.shot) + 1,
      region: mirror
        ? ([1 - f.region[2], f.region[1], 1 - f.region[0], f.region[3]] as TruthFace['region'])
        : f.region,
    }));
  const lines = t.lines
    .filter((l) => l.start >= from && l.end <= to)
    .map((l) => ({ ...l, start: l.start - from, end: l.end - from }));
  return { file: t.file, cuts, faces, lines };
}

export async function makeSeries(
  media: string,
  clips: Record<string, TruthClip>,
  dir: string,
): Promise<EvalEpisode[]> {
  const ham = clips.hamilton!;
  const cu = clips.closeup!;
  const enc = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-an'];
  const ep1 = join(dir, 'series-1.mp4');
  const ep2 = join(dir, 'series-2.mp4');
  const ep3 = join(dir, 'series-3.mp4');
  await exec('ffmpeg', ['-v', 'error', '-y', '-i', join(media, ham.file), '-t', '5.5', ...enc, ep1]);
  await exec('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    join(media, cu.file),
    '-vf',
    'scale=960:540',
    ...enc,
    ep2,
  ]);
  await exec('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    '3.58',
    '-i',
    join(media, ham.file),
    '-vf',
    'hflip,scale=960:540,eq=brightness=0.06',
    ...enc,
    ep3,
  ]);
  return [
    { episode: '1', file: ep1, truth: sliceTruth(ham, 0, 5.5, false) },
    { episode: '2', file: ep2, truth: sliceTruth(cu, 0, 8, false) },
    { episode: '3', file: ep3, truth: sliceTruth(ham, 3.58, 10.01, true) },
  ];
}
