/**
 * Pure builders for the one ffmpeg pass that hands the face stage its sampled frames: a
 * `select` on presentation time (so variable frame rate is fine), a scale to the analysis size,
 * and `showinfo` so every frame that comes out can be paired with its timestamp.
 */

/** Longest side of analysed frames: big enough for 60 px faces to embed, small enough to be fast. */
export const ANALYSIS_LONG_SIDE = 960;

export function analysisSize(
  width: number,
  height: number,
  longSide = ANALYSIS_LONG_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  const even = (v: number): number => Math.max(2, 2 * Math.round((v * scale) / 2));
  return { width: even(width), height: even(height) };
}

/**
 * ffmpeg's expression parser fails ("Cannot allocate memory") on a select of several hundred
 * terms, and decoding a whole episode for a few frames of its end is waste: targets are split
 * into runs decoded by one seeking ffmpeg each.
 */
export const MAX_TARGETS_PER_RUN = 48;

export function chunkTargets(targets: readonly number[], max = MAX_TARGETS_PER_RUN): number[][] {
  const sorted = [...targets].sort((a, b) => a - b);
  const out: number[][] = [];
  for (let i = 0; i < sorted.length; i += max) out.push(sorted.slice(i, i + max));
  return out;
}

/** Input seek for a run: a little before its first target (timestamps are kept with -copyts). */
export const seekFor = (run: readonly number[], startTime: number): number =>
  Math.max(0, (run[0] ?? 0) + startTime - 1);

/**
 * The filter graph: keep the first frame at or after each target time (window of 1.5 nominal
 * frames so a dropped frame in VFR video still yields one), and end the stream after the last
 * target so ffmpeg stops decoding there. `startTime` converts player time to the stream's pts.
 * Written to a filter script file to stay clear of argv limits.
 */
export function selectFilter(
  targets: readonly number[],
  fps: number,
  startTime: number,
  size: { width: number; height: number },
): string {
  const win = 1.5 / (fps > 0 ? fps : 25);
  const terms = targets.map((t) => {
    const a = (t + startTime).toFixed(4);
    return `between(t,${a},${(t + startTime + win).toFixed(4)})`;
  });
  const expr = terms.length > 0 ? terms.join('+') : '0';
  const end = (Math.max(0, ...targets) + startTime + win + 0.5).toFixed(4);
  return `trim=end=${end},select='${expr}',scale=${size.width}:${size.height}:flags=bilinear,format=rgb24,showinfo`;
}

export function frameArgs(file: string, filterScript: string, seek = 0): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-v',
    'info',
    ...(seek > 0 ? ['-ss', seek.toFixed(3), '-copyts'] : []),
    '-i',
    file,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-filter_script:v',
    filterScript,
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ];
}

/** Presentation time from a showinfo line, or null when the line is something else. */
export function parseShowinfoTime(line: string): number | null {
  if (!line.includes('Parsed_showinfo')) return null;
  const m = /pts_time:\s*(-?[\d.]+(?:e-?\d+)?)/.exec(line);
  return m ? Number(m[1]) : null;
}

/** Match a decoded frame time to the nearest planned target at or before it (within the window). */
export function nearestTarget(targets: readonly number[], time: number, tolerance: number): number | null {
  let best: number | null = null;
  for (const t of targets) {
    const d = time - t;
    if (d >= -1e-3 && d <= tolerance && (best === null || d < time - best)) best = t;
  }
  return best;
}
