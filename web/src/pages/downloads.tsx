/** Download buttons: the whole zip, and each export file at the top of the result. */
import { useState } from 'preact/hooks';
import { useApp } from '../context.js';
import { download, errorText } from '../lib/actions.js';
import type { TaskView } from '../types.js';

const KINDS: Array<[RegExp, string]> = [
  [/^merged\.xlsx$/, 'Merged workbook'],
  [/\.xlsx$/, 'Storyboard workbook'],
  [/_storyboard\.json$/, 'Storyboard JSON'],
  [/_transcript\.json$/, 'Transcript JSON'],
  [/^namelist\.json$/, 'Characters JSON'],
  [/^manifest\.json$/, 'Manifest'],
  [/\.fountain$/, 'Screenplay (Fountain)'],
  [/\.srt$/, 'Subtitles (SRT)'],
  [/\.vtt$/, 'Subtitles (WebVTT)'],
  [/\.json$/, 'JSON'],
];

export function kindOf(file: string): string {
  return KINDS.find(([re]) => re.test(file))?.[1] ?? 'File';
}

export function Downloads(props: { task: TaskView }) {
  const { api, refreshAccount } = useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = props.task.task_id;
  // Keyframes and faces are inside the zip; listing hundreds of images here would drown the exports.
  const exports = (props.task.files ?? []).filter((f) => !f.includes('/'));
  const get = async (name: string, path: string, filename: string) => {
    setBusy(name);
    setError(null);
    try {
      await download(api, path, filename);
      refreshAccount();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="dl-h" class="downloads">
      <h2 id="dl-h">Downloads</h2>
      <button
        type="button"
        class="primary"
        disabled={busy !== null}
        onClick={() => void get('zip', `/screenplay/tasks/${encodeURIComponent(id)}/download`, `${id}.zip`)}
      >
        {busy === 'zip' ? 'Preparing…' : 'Download everything (.zip)'}
      </button>
      <ul class="files">
        {exports.map((f) => (
          <li key={f}>
            <button
              type="button"
              class="secondary small"
              data-file={f}
              disabled={busy !== null}
              onClick={() => void get(f, api.fileUrl(id, f), f)}
            >
              {f}
            </button>{' '}
            <span class="muted">{kindOf(f)}</span>
          </li>
        ))}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="hint">Downloading the zip costs $0.12 per GB of the original files.</p>
    </section>
  );
}
