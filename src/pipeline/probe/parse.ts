/** Pure parsing of `ffprobe -show_format -show_streams -of json` output into MediaInfo. */
import type { MediaInfo, SubtitleTrack, VideoInfo } from './types.js';

export function probeArgs(file: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file];
}

interface RawStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  sample_rate?: string;
  channels?: number;
  tags?: Record<string, string>;
  disposition?: Record<string, number>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>;
}

interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; duration?: string; start_time?: string; size?: string };
}

const IMAGE_CODECS = new Set(['mjpeg', 'png', 'webp', 'gif', 'bmp', 'tiff', 'jpeg2000']);
const IMAGE_FORMATS = /(^|,)(image2|png_pipe|jpeg_pipe|webp_pipe|gif|bmp_pipe|tiff_pipe)(,|$)/;
const BITMAP_SUBS = new Set(['hdmv_pgs_subtitle', 'dvd_subtitle', 'dvb_subtitle', 'xsub']);

export function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [n, d] = rate.split('/').map(Number);
  if (n === undefined || !Number.isFinite(n)) return 0;
  if (d === undefined) return n;
  return d > 0 ? n / d : 0;
}

/** ffprobe reports counter-clockwise matrix rotation (e.g. -90); we return clockwise 0..359. */
export function normaliseRotation(raw: number | undefined, tag: string | undefined): number {
  const value = raw ?? (tag !== undefined ? -Number(tag) : 0);
  if (!Number.isFinite(value)) return 0;
  return (((Math.round(-value / 90) * 90) % 360) + 360) % 360;
}

function num(value: string | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

export function parseProbe(json: string): MediaInfo {
  let raw: RawProbe;
  try {
    raw = JSON.parse(json) as RawProbe;
  } catch {
    raw = {};
  }
  const streams = raw.streams ?? [];
  const fmt = raw.format ?? {};
  const formatName = fmt.format_name ?? '';
  const v = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = streams.find((s) => s.codec_type === 'audio');
  let video: VideoInfo | null = null;
  if (v && (v.width ?? 0) > 0 && (v.height ?? 0) > 0) {
    const rotation = normaliseRotation(
      v.side_data_list?.find((d) => d.side_data_type === 'Display Matrix')?.rotation,
      v.tags?.rotate !== undefined ? String(-Number(v.tags.rotate)) : undefined,
    );
    const sw = v.width ?? 0;
    const sh = v.height ?? 0;
    const swap = rotation === 90 || rotation === 270;
    const avg = parseRate(v.avg_frame_rate);
    const r = parseRate(v.r_frame_rate);
    video = {
      codec: v.codec_name ?? 'unknown',
      width: swap ? sh : sw,
      height: swap ? sw : sh,
      storedWidth: sw,
      storedHeight: sh,
      rotation,
      fps: avg > 0 ? avg : r,
      variableFrameRate: avg > 0 && r > 0 && Math.abs(avg - r) / r > 0.01,
    };
  }
  const duration = num(fmt.duration) || num(v?.duration) || num(a?.duration);
  const isImage =
    video !== null && (IMAGE_FORMATS.test(formatName) || (IMAGE_CODECS.has(video.codec) && duration === 0));
  const subtitles: SubtitleTrack[] = streams
    .filter((s) => s.codec_type === 'subtitle')
    .map((s) => ({
      index: s.index ?? 0,
      codec: s.codec_name ?? 'unknown',
      language: s.tags?.language ?? null,
      format: BITMAP_SUBS.has(s.codec_name ?? '') ? 'bitmap' : 'text',
    }));
  return {
    kind: isImage ? 'image' : video ? 'video' : a ? 'audio' : 'unknown',
    formatName,
    durationSeconds: duration,
    startTime: num(fmt.start_time),
    sizeBytes: num(fmt.size),
    video: isImage ? video : video,
    audio: a
      ? { codec: a.codec_name ?? 'unknown', sampleRate: num(a.sample_rate), channels: a.channels ?? 0 }
      : null,
    subtitles,
  };
}
