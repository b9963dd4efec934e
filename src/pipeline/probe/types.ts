export type MediaKind = 'video' | 'audio' | 'image' | 'unknown';

export interface SubtitleTrack {
  /** Absolute stream index in the file. */
  index: number;
  codec: string;
  language: string | null;
  /** Text tracks are parsed; bitmap tracks are rendered and OCR'd. */
  format: 'text' | 'bitmap';
}

export interface VideoInfo {
  codec: string;
  /** Display orientation (after applying the rotation flag). */
  width: number;
  height: number;
  storedWidth: number;
  storedHeight: number;
  /** Clockwise display rotation in degrees: 0, 90, 180 or 270. */
  rotation: number;
  /** Average frame rate; the nominal rate for timecodes. */
  fps: number;
  /** True when r_frame_rate and avg_frame_rate disagree (variable frame rate). */
  variableFrameRate: boolean;
}

export interface MediaInfo {
  kind: MediaKind;
  formatName: string;
  durationSeconds: number;
  startTime: number;
  sizeBytes: number;
  video: VideoInfo | null;
  audio: { codec: string; sampleRate: number; channels: number } | null;
  subtitles: SubtitleTrack[];
}
