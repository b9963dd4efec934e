/**
 * Pure argument builders for the one low-resolution decode pass every visual stage shares:
 * a tiny YUV stream of every frame for detection and motion, and a modest RGB stream of every
 * Nth frame for keyframe candidates. Both are in display orientation (ffmpeg autorotates).
 */

export interface Size {
  width: number;
  height: number;
}

export interface DecodePlan {
  /** Analysis frames: ANALYSIS_PIX_FMT, every decoded frame. */
  analysis: Size;
  /** Keyframe candidates: rgb24, one frame out of `candidateEvery`. */
  candidate: Size;
  candidateEvery: number;
}

/** Fit a display size inside `longSide` keeping the aspect ratio, both sides even and ≥ 2. */
export function fitSize(width: number, height: number, longSide: number): Size {
  const scale = Math.min(1, longSide / Math.max(width, height, 1));
  const even = (v: number): number => Math.max(2, 2 * Math.round((v * scale) / 2));
  return { width: even(width), height: even(height) };
}

export const ANALYSIS_LONG_SIDE = 128;
/**
 * Planar 4:2:0 like nearly every source: luma for structure and motion, chroma only for
 * histograms, where upsampling it to 4:4:4 would add bytes but no information.
 */
export const ANALYSIS_PIX_FMT = 'yuv420p';
export const CANDIDATE_LONG_SIDE = 640;

/** The plan for a video of the given display size and nominal frame rate. */
export function decodePlan(width: number, height: number, fps: number): DecodePlan {
  // About three candidates per second: a choice of three for each saved one, and one in any shot
  // of a third of a second. Each costs a scale and 0.7 MB of pipe, so not more.
  const candidateEvery = Math.max(1, Math.round((fps > 0 ? fps : 25) / 3));
  return {
    analysis: fitSize(width, height, ANALYSIS_LONG_SIDE),
    candidate: fitSize(width, height, CANDIDATE_LONG_SIDE),
    candidateEvery,
  };
}

/**
 * ffmpeg arguments: analysis frames on stdout, candidates on fd 3, one `showinfo` line per
 * analysis frame on stderr carrying its presentation timestamp. `-fps_mode passthrough` keeps
 * every decoded frame exactly once, so frame n of stdout is decode-order frame n (VFR-safe).
 */
export function decodeArgs(file: string, plan: DecodePlan): string[] {
  const a = plan.analysis;
  const c = plan.candidate;
  const graph = [
    '[0:v:0]split=2[a][b]',
    `[a]scale=${a.width}:${a.height}:flags=bilinear,format=${ANALYSIS_PIX_FMT},showinfo=checksum=0[det]`,
    // Scale in YUV, then convert at the small size: swscale's combined scale-to-RGB path costs
    // about four times as much per frame as the two steps.
    `[b]select='not(mod(n\\,${plan.candidateEvery}))',scale=${c.width}:${c.height}:flags=bilinear,format=yuv420p,format=rgb24[cand]`,
  ].join(';');
  return [
    ...['-hide_banner', '-nostdin', '-nostats', '-v', 'info', '-i', file, '-filter_complex', graph],
    ...['-map', '[det]', '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:1'],
    ...['-map', '[cand]', '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:3'],
  ];
}

/** Bytes of one analysis frame (luma plane + two quarter-size chroma planes; sides are even). */
export const analysisFrameBytes = (s: Size): number => (s.width * s.height * 3) / 2;
/** Bytes of one candidate frame (packed RGB). */
export const candidateFrameBytes = (s: Size): number => s.width * s.height * 3;
