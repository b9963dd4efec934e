/**
 * I/O: the one decode of the subtitle band. Every frame becomes a pair of packed text masks
 * (kept for the whole video: ~2 KB per frame), every Nth frame a full-resolution JPEG crop.
 * Frames come as luma, or as RGB turned into the gray for letters of a pure colour (channel.ts).
 */
import { mkdir } from 'node:fs/promises';
import { startProcess } from '../../process/spawn.js';
import { scanArgs, type ScanPlan, type VideoSource } from './args.js';
import { colourGray } from './channel.js';
import { MaskMaker, maskGrid, type MaskGrid, type MaskThresholds } from './mask.js';
import type { FrameMasks } from './change.js';

const SHOWINFO = /\bn:\s*(\d+)\s+pts:\s*-?\d+\s+pts_time:\s*(-?[\d.eE+-]+)/;

export interface ScanResult {
  grid: MaskGrid;
  frames: FrameMasks[];
  /** Presentation time of every frame (seconds from the start of the file). */
  pts: number[];
}

export async function scanBand(
  src: VideoSource,
  plan: ScanPlan,
  ignore: Uint8Array | undefined,
  hiDir: string,
  signal: AbortSignal,
  onProgress: (seconds: number) => void,
  strong?: MaskThresholds,
): Promise<ScanResult> {
  await mkdir(hiDir, { recursive: true });
  const grid = maskGrid(plan.analysis.width, plan.analysis.height);
  const maker = new MaskMaker(grid, strong);
  const proc = startProcess('ffmpeg', { args: scanArgs(src, plan), signal });
  proc.stdin.end();
  const pts: number[] = [];
  proc.onStderrLine((line) => {
    if (!line.includes('showinfo')) return;
    const m = SHOWINFO.exec(line);
    if (m && Number(m[1]) === pts.length) {
      pts.push(Number(m[2]));
      if (pts.length % 50 === 0) onProgress(Number(m[2]));
    }
  });
  const pixels = plan.analysis.width * plan.analysis.height;
  const frameBytes = plan.channel === undefined ? pixels : 3 * pixels;
  const gray = new Uint8Array(pixels);
  const toGray = (frame: Buffer): Uint8Array =>
    plan.channel === undefined ? frame : colourGray(frame, plan.channel, gray);
  const frames: FrameMasks[] = [];
  let pending: Buffer = Buffer.alloc(0);
  proc.stdout.on('data', (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let off = 0;
    while (pending.length - off >= frameBytes) {
      frames.push(maker.make(toGray(pending.subarray(off, off + frameBytes)), ignore));
      off += frameBytes;
    }
    pending = off === pending.length ? Buffer.alloc(0) : Buffer.from(pending.subarray(off));
  });
  await proc.done;
  // A lost showinfo line must not shift every later time: extend by the median frame step.
  const steps = pts
    .slice(1)
    .map((t, i) => t - pts[i]!)
    .sort((a, b) => a - b);
  const step = steps[steps.length >> 1] ?? 1 / 25;
  while (pts.length < frames.length) pts.push((pts[pts.length - 1] ?? -step) + step);
  return { grid, frames, pts };
}

/** Cells of the pooled grid to ignore: persistent text boxes (display px) inside the band. */
export function ignoreCells(
  grid: MaskGrid,
  plan: ScanPlan,
  srcWidth: number,
  boxes: ReadonlyArray<[number, number, number, number]>,
): Uint8Array | undefined {
  if (boxes.length === 0) return undefined;
  const out = new Uint8Array(grid.gw * grid.gh);
  const kx = grid.gw / srcWidth;
  const ky = grid.gh / plan.height;
  for (const [x0, y0, x1, y1] of boxes) {
    const gx0 = Math.max(0, Math.floor(x0 * kx) - 1);
    const gx1 = Math.min(grid.gw, Math.ceil(x1 * kx) + 1);
    const gy0 = Math.max(0, Math.floor((y0 - plan.top) * ky) - 1);
    const gy1 = Math.min(grid.gh, Math.ceil((y1 - plan.top) * ky) + 1);
    for (let y = gy0; y < gy1; y++) for (let x = gx0; x < gx1; x++) out[y * grid.gw + x] = 1;
  }
  return out;
}
