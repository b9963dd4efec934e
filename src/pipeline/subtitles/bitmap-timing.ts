/**
 * Pure timing of bitmap subtitle tracks (PGS, VobSub) from the decoder's own events, as ffprobe
 * reports them: each decoded subtitle has a packet time, a display start and end relative to it,
 * and a number of bitmaps. A PGS cue usually ends with a "clear" display set (no bitmap) and has
 * an open end (UINT32_MAX); a VobSub cue carries its own end (the SPU stop command). Either ends
 * early when the next display replaces it.
 */

/** One decoded subtitle event, times in seconds on the file's timeline. */
export interface BitmapEvent {
  /** Packet presentation time. */
  pts: number;
  /** Display start after `pts`. */
  startOffset: number;
  /** Display end after `pts`; null when open-ended (shown until the next event). */
  endOffset: number | null;
  /** Bitmaps shown; 0 clears the screen. */
  rects: number;
  /** The container's packet duration (Matroska block duration), 0 when unknown. */
  duration: number;
}

/** When one bitmap subtitle is on screen. `at` is the time whose rendered picture shows it. */
export interface DisplayInterval {
  start: number;
  end: number;
  at: number;
}

/** ffmpeg's "no end" end_display_time (UINT32_MAX ms); anything this long is open-ended. */
const OPEN_END_MS = 0xffff_fff0;

interface ProbeEntry {
  type?: string;
  pts_time?: string;
  duration_time?: string;
  start_display_time?: number;
  end_display_time?: number;
  num_rects?: number;
}

/**
 * Events from `ffprobe -show_packets -show_frames -of json` on one subtitle stream (each
 * decoded subtitle follows its packet, whose duration it borrows), and the canvas size the
 * stream is authored for (known after decoding: PGS states it in every display set).
 */
export function parseBitmapProbe(json: string): {
  events: BitmapEvent[];
  canvas: { width: number; height: number } | null;
} {
  const probe = JSON.parse(json) as {
    packets_and_frames?: ProbeEntry[];
    streams?: Array<{ width?: number; height?: number }>;
  };
  const entries = probe.packets_and_frames ?? [];
  const out: BitmapEvent[] = [];
  let packet: ProbeEntry | null = null;
  for (const e of entries) {
    if (e.type === 'packet') packet = e;
    if (e.type !== 'subtitle') continue;
    const pts = Number(e.pts_time ?? packet?.pts_time);
    if (!Number.isFinite(pts)) continue;
    const end = e.end_display_time ?? OPEN_END_MS;
    const samePacket = packet && Math.abs(Number(packet.pts_time) - pts) < 0.002;
    out.push({
      pts,
      startOffset: (e.start_display_time ?? 0) / 1000,
      endOffset: end >= OPEN_END_MS ? null : end / 1000,
      rects: e.num_rects ?? 0,
      duration: samePacket ? Number(packet!.duration_time) || 0 : 0,
    });
  }
  const { width = 0, height = 0 } = probe.streams?.[0] ?? {};
  return {
    events: out.sort((a, b) => a.pts - b.pts),
    canvas: width > 0 && height > 0 ? { width, height } : null,
  };
}

/**
 * Display intervals of the events that show something. A cue ends at the earliest of: its own
 * end, the next event (a clear or a new picture replaces it), or, when open-ended and last,
 * its packet's duration or the stream's end. Zero-length displays are dropped.
 */
export function displayIntervals(events: readonly BitmapEvent[], streamEnd: number): DisplayInterval[] {
  const sorted = [...events].sort((a, b) => a.pts - b.pts);
  const out: DisplayInterval[] = [];
  sorted.forEach((e, i) => {
    if (e.rects <= 0) return;
    const start = e.pts + e.startOffset;
    const next = sorted.slice(i + 1).find((n) => n.pts + n.startOffset > start);
    const ends: number[] = [];
    if (e.endOffset !== null && e.endOffset > e.startOffset) ends.push(e.pts + e.endOffset);
    if (next) ends.push(next.pts + next.startOffset);
    if (ends.length === 0) ends.push(e.duration > 0 ? e.pts + e.duration : Math.max(streamEnd, start));
    const end = Math.min(...ends);
    if (end > start) out.push({ start, end, at: start });
  });
  return out;
}

/**
 * The rendered frame showing a display that starts at `at`: sub2video draws the old picture a
 * millisecond before each change and the new one at it, so the last frame at that time, else
 * the next one after it.
 */
export function pickFrame(times: readonly number[], at: number): number {
  let found = -1;
  times.forEach((t, i) => {
    if (Math.abs(t - at) <= 0.0005) found = i;
  });
  if (found >= 0) return found;
  let best = -1;
  times.forEach((t, i) => {
    if (t > at && (best < 0 || t < times[best]!)) best = i;
  });
  return best;
}

/**
 * Consecutive cues with the same text that touch (within `maxGap` s) are one subtitle shown
 * again (a PGS acquisition point, a palette fade, a refresh): one line, first start, last end.
 * The same text after a real pause stays a separate line.
 */
export function mergeRepeats<T extends { start: number; end: number; key: string }>(
  cues: readonly T[],
  maxGap: number,
): T[] {
  const out: T[] = [];
  for (const c of [...cues].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && last.key === c.key && c.start - last.end <= maxGap)
      out[out.length - 1] = { ...last, end: Math.max(last.end, c.end) };
    else out.push({ ...c });
  }
  return out;
}
