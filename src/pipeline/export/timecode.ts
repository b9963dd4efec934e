/**
 * Time formats of the exports. Document times are seconds on the player's timeline, so the
 * timecode counts wall-clock seconds and numbers frames within each second at the nominal rate
 * (29.97 → 30): the HH:MM:SS part then matches what a player shows, which is what editors compare.
 */

/** Frames per second used for the FF field: the rate rounded to a whole number, at least 1. */
export function nominalFps(fps: number): number {
  return Number.isFinite(fps) && fps >= 1 ? Math.round(fps) : 1;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Splits seconds into whole h/m/s and the rest in milliseconds, rounding to the millisecond first. */
function split(seconds: number): { h: number; m: number; s: number; ms: number } {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const whole = (totalMs - ms) / 1000;
  return { h: Math.floor(whole / 3600), m: Math.floor(whole / 60) % 60, s: whole % 60, ms };
}

/** HH:MM:SS:FF with FF the frame within the second at the nominal rate. */
export function timecode(seconds: number, fps: number): string {
  const { h, m, s, ms } = split(seconds);
  const rate = nominalFps(fps);
  // A hair of tolerance so 0.1 s at 30 fps (2.9999… frames after float math) reads as frame 3.
  const ff = Math.min(rate - 1, Math.floor((ms / 1000) * rate + 1e-6));
  return `${pad(h)}:${pad(m)}:${pad(s)}:${pad(ff)}`;
}

/** "HH:MM:SS:FF–HH:MM:SS:FF" for a shot's span. */
export function timecodeRange(start: number, end: number, fps: number): string {
  return `${timecode(start, fps)}–${timecode(end, fps)}`;
}

/** SRT cue time, HH:MM:SS,mmm. */
export function srtTime(seconds: number): string {
  const { h, m, s, ms } = split(seconds);
  return `${pad(h)}:${pad(m)}:${pad(s)},${pad(ms, 3)}`;
}

/** WebVTT cue time, HH:MM:SS.mmm. */
export function vttTime(seconds: number): string {
  return srtTime(seconds).replace(',', '.');
}

/** Seconds as a short human string for summaries: 81.2 → "1:21". */
export function clock(seconds: number): string {
  const { h, m, s } = split(Math.round(seconds));
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
