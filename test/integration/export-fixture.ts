/**
 * A small but realistic two-episode task for the export tests: Chinese dialogue from subtitle OCR,
 * named and unnamed speakers, a line no shot references, scenes with and without headings, a
 * model description, fades and dissolves, and real keyframe and face JPEGs made with ffmpeg/sharp.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type {
  Namelist,
  Storyboard,
  StoryboardShot,
  Transcript,
  TranscriptLine,
} from '../../src/domain/documents.js';
import type { ExportInput } from '../../src/pipeline/export/index.js';

const exec = promisify(execFile);

type ShotSpec = Partial<StoryboardShot> & { start: number; end: number };

function shots(episode: string, fps: number, specs: ShotSpec[]): StoryboardShot[] {
  return specs.map((s, i) => ({
    index: i + 1,
    start_frame: Math.round(s.start * fps),
    end_frame: Math.round(s.end * fps) - 1,
    transition_in: { kind: i === 0 ? 'start' : 'cut', start: s.start, end: s.start },
    keyframe: `keyframes/${episode}/${String(i + 1).padStart(4, '0')}.jpg`,
    keyframe_time: (s.start + s.end) / 2,
    shot_size: null,
    camera_movement: 'static',
    characters: [],
    lines: [],
    onscreen_text: [],
    description: null,
    scene: null,
    ...s,
  }));
}

function line(id: number, start: number, end: number, text: string, speaker: string | null): TranscriptLine {
  return { id, start, end, text, language: 'zh', speaker, source: 'subtitle_ocr', confidence: 0.96 };
}

const box = (x: number): [number, number, number, number] => [x, 300, 180, 220];

export function episodeOne(): { storyboard: Storyboard; transcript: Transcript } {
  const storyboard: Storyboard = {
    schema: 'reelscript.storyboard/1',
    episode: '1',
    duration: 14.5,
    fps: 30,
    width: 1080,
    height: 1920,
    shots: shots('1', 30, [
      {
        start: 0,
        end: 3.267,
        shot_size: 'wide',
        transition_in: { kind: 'fade', start: 0, end: 0.5 },
        scene: 1,
        onscreen_text: ['三年后'],
      },
      {
        start: 3.267,
        end: 6.1,
        shot_size: 'medium_close_up',
        characters: [{ id: 'C1', box: box(200) }],
        lines: [1],
        scene: 1,
      },
      {
        start: 6.1,
        end: 9.0,
        shot_size: 'close_up',
        camera_movement: 'zoom_in',
        characters: [
          { id: 'C2', box: box(500) },
          { id: 'C1', box: box(100) },
        ],
        lines: [2, 3],
        scene: 1,
      },
      {
        start: 9.0,
        end: 12.0,
        shot_size: 'medium',
        camera_movement: 'handheld',
        characters: [{ id: 'C2', box: box(400) }],
        lines: [5],
        scene: 2,
        onscreen_text: ['林氏集团'],
      },
      {
        start: 12.0,
        end: 14.5,
        shot_size: null,
        camera_movement: null,
        transition_in: { kind: 'dissolve', start: 11.8, end: 12.2 },
        scene: 2,
      },
    ]),
    scenes: [
      {
        index: 1,
        first_shot: 1,
        last_shot: 3,
        start: 0,
        end: 9,
        location: 'L1',
        characters: ['C1', 'C2'],
        heading: '',
      },
      {
        index: 2,
        first_shot: 4,
        last_shot: 5,
        start: 9,
        end: 14.5,
        location: 'L2',
        characters: ['C2'],
        heading: '',
      },
    ],
  };
  const transcript: Transcript = {
    schema: 'reelscript.transcript/1',
    episode: '1',
    language: 'zh',
    lines: [
      line(1, 3.5, 5.8, '你终于回来了。', 'C1'),
      line(2, 6.2, 7.4, '我回来拿回属于我的东西。', 'C2'),
      line(3, 7.5, 8.9, '你说什么？\n我听不懂。', 'C1'),
      // Nobody attributed and no shot references it: placed by time into shot 4.
      line(4, 9.1, 9.8, '（门外有人敲门）', null),
      line(5, 10.0, 11.5, '林总，董事会已经开始了。', 'C3'),
    ],
  };
  return { storyboard, transcript };
}

export function episodeTwo(): { storyboard: Storyboard; transcript: Transcript } {
  const storyboard: Storyboard = {
    schema: 'reelscript.storyboard/1',
    episode: '2',
    duration: 7.0,
    fps: 29.97,
    width: 1080,
    height: 1920,
    // No scene stage output: headings come from the episode and the cast on screen.
    shots: shots('2', 29.97, [
      {
        start: 0,
        end: 2.5,
        shot_size: 'full',
        characters: [{ id: 'C2', box: box(300) }],
        lines: [1],
        description: '沈念站在公司楼下，抬头望向大楼。',
      },
      {
        start: 2.5,
        end: 7.0,
        shot_size: 'extreme_close_up',
        camera_movement: 'pan_left',
        characters: [{ id: 'C1', box: box(300) }],
        lines: [2],
      },
    ]),
    scenes: [],
  };
  const transcript: Transcript = {
    schema: 'reelscript.transcript/1',
    episode: '2',
    language: 'zh',
    lines: [line(1, 0.5, 2.2, '这一次，我不会再输。', 'C2'), line(2, 3.0, 5.5, '沈念……是你吗？', 'C1')],
  };
  return { storyboard, transcript };
}

export function namelist(): Namelist {
  const c = (
    id: string,
    name: string,
    episodes: string[],
    screen_time: number,
    shots: number,
    lines: number,
  ) => ({
    id,
    name,
    episodes,
    first_appearance: { episode: episodes[0] ?? '1', time: 3.267 },
    screen_time,
    shots,
    lines,
    image: `characters/${id}.jpg`,
  });
  return {
    schema: 'reelscript.namelist/1',
    characters: [
      c('C1', '林婉', ['1', '2'], 10.2, 3, 3),
      c('C2', '沈念', ['1', '2'], 8.4, 3, 2),
      c('C3', '秘书', ['1'], 0, 0, 1),
    ],
  };
}

/** Writes real JPEGs for every keyframe and face the documents reference (C3's face is missing). */
export async function makeAssets(root: string, input: Pick<ExportInput, 'episodes'>): Promise<void> {
  for (const { episode, storyboard } of input.episodes) {
    const dir = join(root, 'keyframes', episode);
    await mkdir(dir, { recursive: true });
    const n = storyboard.shots.length;
    await exec('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=360x640:r=1:d=${n}`,
      '-q:v',
      '5',
      join(dir, '%04d.jpg'),
    ]);
  }
  await mkdir(join(root, 'characters'), { recursive: true });
  for (const [id, color] of [
    ['C1', '#c04040'],
    ['C2', '#4060c0'],
  ] as const) {
    await sharp({ create: { width: 200, height: 240, channels: 3, background: color } })
      .jpeg()
      .toFile(join(root, 'characters', `${id}.jpg`));
  }
}

export function exportInput(assetRoot: string, overrides: Partial<ExportInput> = {}): ExportInput {
  const one = episodeOne();
  const two = episodeTwo();
  return {
    taskId: 'task_0001',
    language: 'zh',
    title: '重生之豪门千金',
    episodes: [
      { episode: '1', ...one },
      { episode: '2', ...two },
    ],
    namelist: namelist(),
    assetRoot,
    options: { json: true, xlsx: true, mergeXlsx: true },
    ...overrides,
  };
}
