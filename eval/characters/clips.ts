/**
 * Eval tasks: the two face clips as they are, plus a generated three-episode "series" cut from
 * them (a time slice, the close-up clip re-encoded, and a mirrored, rescaled, brightened slice)
 * so the same people must be recognised across episodes in frames that differ from the originals.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeFaceClip, writePortrait, type FaceShotSpec } from '../../test/fixtures/faces.js';

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

/**
 * The cast-photo task: a clip rendered from the portraits shipped in @vladmandic/human (one man,
 * three women; test/fixtures/faces.ts) at several sizes and backgrounds, and for the man a
 * reference photo that is *not* a frame of it: his webcam still from Human's faceid screenshot
 * (another day, light, camera and expression). Truth regions come straight from the layout.
 */
export async function makeCastTask(
  dir: string,
): Promise<{ episode: EvalEpisode; photos: Record<string, string> }> {
  const width = 960;
  const height = 540;
  type Who = FaceShotSpec['faces'][number]['who'];
  const layout: Array<{ duration: number; background: string; faces: Array<[Who, number, number, number]> }> =
    [
      { duration: 2, background: '0x303848', faces: [['man', 360, 120, 260]] },
      {
        duration: 1.6,
        background: '0x484030',
        faces: [
          ['woman_a', 80, 160, 200],
          ['woman_b', 600, 140, 200],
        ],
      },
      { duration: 1.8, background: '0x283828', faces: [['woman_c', 380, 100, 300]] },
      {
        duration: 1.6,
        background: '0x402830',
        faces: [
          ['man', 100, 200, 120],
          ['woman_a', 700, 220, 110],
        ],
      },
      { duration: 2, background: '0x383838', faces: [['woman_b', 300, 60, 380]] },
      {
        duration: 1.6,
        background: '0x203040',
        faces: [
          ['man', 620, 260, 90],
          ['woman_c', 140, 240, 100],
        ],
      },
    ];
  const shots: FaceShotSpec[] = layout.map((s) => ({
    duration: s.duration,
    background: s.background,
    faces: s.faces.map(([who, x, y, size]) => ({ who, x, y, size })),
  }));
  const clip = await makeFaceClip({ path: join(dir, 'cast.mp4'), width, height, fps: 25, shots });
  // The portrait drifts right by 6 px/s (makeFaceClip); the region covers the whole drift.
  const faces: TruthFace[] = layout.flatMap((s, i) =>
    s.faces.map(([who, x, y, size]) => ({
      shot: i + 1,
      label: who,
      region: [
        x / width,
        y / height,
        (x + size + 6 * s.duration) / width,
        (y + size) / height,
      ] as TruthFace['region'],
    })),
  );
  const photo = (await writePortrait(join(dir, 'cast-photos'), 'man_photo2')).closed;
  return {
    episode: { episode: '1', file: clip.path, truth: { file: clip.path, cuts: clip.cuts, faces, lines: [] } },
    photos: { man: photo },
  };
}
