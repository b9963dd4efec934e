/** Versions of the external tools and models the pipeline uses (manifest, `reelscript doctor`). */
import { runProcess } from '../process/spawn.js';

let cached: Promise<Record<string, string>> | null = null;

async function firstLine(cmd: string, args: string[], signal?: AbortSignal): Promise<string> {
  try {
    const { stdout } = await runProcess(cmd, { args, signal, timeoutMs: 10_000 });
    return stdout.split('\n')[0]?.trim() ?? 'unknown';
  } catch {
    return 'not found';
  }
}

export function toolVersions(signal?: AbortSignal): Promise<Record<string, string>> {
  cached ??= (async () => {
    const ffmpeg = await firstLine('ffmpeg', ['-version'], signal);
    const ffprobe = await firstLine('ffprobe', ['-version'], signal);
    return {
      ffmpeg: ffmpeg.replace(/^ffmpeg version (\S+).*/, '$1'),
      ffprobe: ffprobe.replace(/^ffprobe version (\S+).*/, '$1'),
      node: process.version,
    };
  })();
  return cached;
}
