/**
 * Tiny episodes with distinct speech: one short video (two shots) is encoded once, then each clip
 * muxes it with its own espeak-ng sentence. Distinct audio lets a test tell which episode a speech
 * recognition request served.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeVideo } from '../fixtures/make-video.js';

const exec = promisify(execFile);

export interface SpeechClipOptions {
  dir: string;
  count: number;
  width?: number;
  height?: number;
  /** Seconds per shot (the clip is their sum). */
  segments?: number[];
}

/** `count` MP4 files in `dir`, clip i saying "Scene i, go now." (about a second of speech). */
export async function makeSpeechClips(o: SpeechClipOptions): Promise<string[]> {
  const segments = o.segments ?? [1, 1];
  const seconds = segments.reduce((a, b) => a + b, 0);
  const video = await makeVideo({
    path: join(o.dir, 'speech-base.mp4'),
    width: o.width ?? 160,
    height: o.height ?? 90,
    segments,
  });
  const one = async (i: number): Promise<string> => {
    const wav = join(o.dir, `speech-${i}.wav`);
    const out = join(o.dir, `speech-${i}.mp4`);
    await exec('espeak-ng', ['-v', 'en-us', '-s', '170', '-w', wav, `Scene ${i + 1}, go now.`]);
    // Speech starts after a short silence and the track is padded to the video's length.
    await exec('ffmpeg', [
      ...['-v', 'error', '-y', '-i', video.path, '-i', wav],
      ...['-filter_complex', `[1:a]adelay=200:all=1,apad,atrim=0:${seconds}[a]`],
      ...[
        '-map',
        '0:v',
        '-map',
        '[a]',
        '-c:v',
        'copy',
        '-c:a',
        'aac',
        '-b:a',
        '48k',
        '-t',
        String(seconds),
        out,
      ],
    ]);
    return out;
  };
  const clips: string[] = [];
  // A few at a time: the machine has two cores.
  for (let i = 0; i < o.count; i += 4)
    clips.push(...(await Promise.all([i, i + 1, i + 2, i + 3].filter((k) => k < o.count).map(one))));
  return clips;
}
