/**
 * Public API of the export stage: writes every export file of a task from its in-memory
 * documents, so renaming a character regenerates them all without decoding video again.
 */
import type { Namelist, Storyboard, Transcript } from '../../domain/documents.js';

export interface ExportOptions {
  /** `E_storyboard.json`, `E_transcript.json`, `namelist.json` (task config `require_json`). */
  json: boolean;
  /** `E.xlsx` per episode (`require_xlsx`). */
  xlsx: boolean;
  /** `merged.xlsx` (`require_merge_xlsx`). */
  mergeXlsx: boolean;
}

export interface ExportInput {
  taskId: string | null;
  /** Task language; `zh*` gives Chinese headers and labels, anything else English. */
  language: string;
  title: string;
  episodes: Array<{ episode: string; storyboard: Storyboard; transcript: Transcript | null }>;
  namelist: Namelist | null;
  /** Root dir holding keyframes/E/NNNN.jpg and characters/ID.jpg referenced by the documents. */
  assetRoot: string;
  options: ExportOptions;
}

export { writeExports } from './run.js';
