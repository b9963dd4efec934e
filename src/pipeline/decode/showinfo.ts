/** Pure parser for ffmpeg `showinfo` lines: the frame number and its presentation time. */

export interface ShowinfoFrame {
  n: number;
  ptsTime: number;
}

const FRAME_LINE = /\bn:\s*(\d+)\s+pts:\s*(-?\d+)\s+pts_time:\s*(-?[\d.eE+-]+)/;

/** Parse one stderr line; null when it is not a per-frame showinfo line. */
export function parseShowinfoLine(line: string): ShowinfoFrame | null {
  if (!line.includes('showinfo')) return null;
  const m = FRAME_LINE.exec(line);
  if (!m) return null;
  const n = Number(m[1]);
  const ptsTime = Number(m[3]);
  if (!Number.isFinite(n) || !Number.isFinite(ptsTime)) return null;
  return { n, ptsTime };
}
