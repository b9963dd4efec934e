/** Display formatting: timecodes, money, dates, and labels in plain words. */

/** 83.4 → "1:23.4"; 3725 → "1:02:05.0". */
export function timecode(seconds: number): string {
  const s = Math.max(0, seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = (s % 60).toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function money(dollars: number): string {
  return `$${dollars.toFixed(2)}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(0)} KB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

export function dateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function percent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}

const STAGES: Record<string, string> = {
  probe: 'Reading the file',
  decode: 'Decoding',
  shots: 'Finding shots',
  keyframes: 'Picking keyframes',
  dialogue: 'Reading dialogue',
  subtitles: 'Reading subtitles',
  speech: 'Transcribing speech',
  faces: 'Finding faces',
  motion: 'Camera movement',
  shotsize: 'Shot sizes',
  characters: 'Grouping characters',
  scenes: 'Grouping scenes',
  describe: 'Describing shots',
  exports: 'Writing exports',
  series: 'Finishing the series',
};

export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return '';
  return STAGES[stage] ?? stage.replace(/_/g, ' ');
}

export function shotSizeLabel(size: string | null): string {
  return size ? size.replace(/_/g, ' ') : '—';
}

export function movementLabel(m: string | null): string {
  return m ? m.replace(/_/g, ' ') : '—';
}

/** What an error code means for someone who is not reading the API reference. */
const PLAIN: Record<string, string> = {
  UNAUTHORIZED: 'This API key is not valid (or was revoked).',
  INSUFFICIENT_BALANCE: 'Your balance is too low for this. Top up the account and try again.',
  DURATION_EXCEEDED: 'This video is too long: episodes must be shorter than 5 minutes.',
  NOT_A_VIDEO: 'This file has no video in it.',
  MEDIA_UNREADABLE: 'This file could not be read as a video. It may be damaged or in an unusual format.',
  EMPTY_FILE: 'This file is empty.',
  PAYLOAD_TOO_LARGE: 'This file is larger than the server accepts.',
  EPISODE_FAILED: 'Processing this episode failed.',
  CANCELLED: 'Cancelled.',
  TASK_NOT_CANCELLABLE: 'This task has already finished, so it cannot be cancelled.',
  STORAGE_UNAVAILABLE: 'The server is out of disk space. Try again later.',
  ASR_UNAVAILABLE: 'Speech recognition is not set up on this server; use subtitles instead.',
  INTERNAL: 'Something went wrong on the server.',
};

export function plainError(code: string | null | undefined, message: string | null | undefined): string {
  const plain = code ? PLAIN[code] : undefined;
  if (plain && message && !message.startsWith(plain.slice(0, 20))) return `${plain} (${message})`;
  return plain ?? message ?? 'Something went wrong.';
}
