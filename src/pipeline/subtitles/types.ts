/** Shared shapes of the subtitle stage: OCR output, the subtitle band, segments and cues. */

/** Axis-aligned box in pixels of the image it was found in: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number];

/** One recognised text line. `mean` is the recogniser's mean character probability. */
export interface OcrLine {
  text: string;
  mean: number;
  /**
   * As the OCR package reports it: in the picture its detector stretched to multiples of 32 px
   * (detect-box.ts maps it back). Band finding's margins were tuned on these boxes; mapping
   * them back there moved the band and lost a character of a real clip.
   */
  box: Box;
}

/** A rectangle in display pixels (after rotation). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Text that stays on screen (logo, watermark, persistent caption); not dialogue. */
export interface PersistentText {
  text: string;
  /** Box in display pixels. */
  box: Box;
}

/** Frames [start, end) where one subtitle is shown; `ocrFrame` is the frame to read. */
export interface Segment {
  start: number;
  end: number;
  ocrFrame: number;
  /** Bounding box of the subtitle's pixels in analysis-grid cells. */
  cells: Box;
  /** The subtitle's stable text mask (packed bits), to recognise a repeat without OCR. */
  core: Uint32Array;
}

/** One timed subtitle read from the picture or a track, possibly several languages. */
export interface Cue {
  start: number;
  end: number;
  /** Lines top to bottom, each tagged with its language. */
  lines: Array<{ text: string; language: string }>;
  confidence: number;
  /**
   * Read only off the frame's axis, where subtitles are not: text of the picture, unless it
   * merges into a reading on the axis (what a karaoke sweep leaves of a line is off it too).
   */
  offAxis?: boolean;
}
