/** I/O shell of the probe stage: runs ffprobe and checks the file decodes at its start and end. */
import { runProcess } from '../../process/spawn.js';
import { parseProbe, probeArgs } from './parse.js';
import type { MediaInfo } from './types.js';

export class ProbeError extends Error {
  constructor(
    readonly reason: 'empty' | 'unreadable' | 'truncated',
    message: string,
  ) {
    super(message);
    this.name = 'ProbeError';
  }
}

/** Probe a media file. Throws ProbeError when ffprobe cannot read it at all. */
export async function probeMedia(file: string, signal?: AbortSignal): Promise<MediaInfo> {
  let stdout: string;
  try {
    ({ stdout } = await runProcess('ffprobe', { args: probeArgs(file), signal, timeoutMs: 60_000 }));
  } catch (err) {
    if (signal?.aborted) throw err;
    const tail = (err as { stderrTail?: string }).stderrTail?.trim().split('\n').pop() ?? '';
    throw new ProbeError(
      'unreadable',
      `ffprobe could not read the file${tail ? `: ${tail.replace(/^.*?: /, '')}` : ''}`,
    );
  }
  const info = parseProbe(stdout);
  if (info.kind === 'unknown') throw new ProbeError('unreadable', 'the file has no audio or video stream');
  return info;
}

/**
 * Decode the last second of the video stream: a file cut short after its header (moov first)
 * probes fine but yields no frames there, so uploads can be refused before anyone pays for them.
 */
export async function checkDecodesToEnd(file: string, info: MediaInfo, signal?: AbortSignal): Promise<void> {
  if (!info.video || info.kind !== 'video') return;
  const seek = Math.max(0, info.durationSeconds - 1.0);
  const args = ['-v', 'error', '-ss', seek.toFixed(3), '-i', file, '-map', '0:v:0', '-vf', 'scale=16:16'];
  args.push('-pix_fmt', 'gray', '-f', 'rawvideo', 'pipe:1');
  let bytes = 0;
  try {
    const { stdout } = await runProcess('ffmpeg', { args, signal, timeoutMs: 120_000 });
    bytes = stdout.length;
  } catch (err) {
    if (signal?.aborted) throw err;
  }
  if (bytes === 0)
    throw new ProbeError('truncated', 'the video is truncated or corrupt: no frame decodes near its end');
}
