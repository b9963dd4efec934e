/**
 * Download buttons: the whole zip, the series-wide exports, then one row per episode with its
 * exports (a 60-episode series stays one screen of buttons, not 300 lines).
 */
import { useState } from 'preact/hooks';
import { useApp } from '../context.js';
import { download, errorText } from '../lib/actions.js';
import type { TaskView } from '../types.js';

const KINDS: Array<[RegExp, string]> = [
  [/^merged\.xlsx$/, 'Merged workbook'],
  [/^\d+\.xlsx$/, 'Excel'],
  [/_storyboard\.json$/, 'Storyboard JSON'],
  [/_transcript\.json$/, 'Transcript JSON'],
  [/^namelist\.json$/, 'Characters JSON'],
  [/^manifest\.json$/, 'Manifest'],
  [/^screenplay\.fountain$/, 'Screenplay (Fountain)'],
  [/\.fountain$/, 'Fountain'],
  [/\.srt$/, 'SRT'],
  [/\.vtt$/, 'WebVTT'],
];

export function kindOf(file: string): string {
  return KINDS.find(([re]) => re.test(file))?.[1] ?? file;
}

/** Episode key of a per-episode export (`12.xlsx`, `12_storyboard.json`), else null. */
export function episodeOf(file: string): string | null {
  return /^(\d+)(?:_[a-z]+)?\.[a-z]+$/.exec(file)?.[1] ?? null;
}

export function Downloads(props: { task: TaskView }) {
  const { api, refreshAccount } = useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = props.task.task_id;
  // Keyframes and faces (in sub-folders) are in the zip only.
  const top = (props.task.files ?? []).filter((f) => !f.includes('/'));
  const series = top.filter((f) => episodeOf(f) === null);
  const byEpisode = new Map<string, string[]>();
  for (const f of top) {
    const ep = episodeOf(f);
    if (ep !== null) byEpisode.set(ep, [...(byEpisode.get(ep) ?? []), f]);
  }
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
  const button = (f: string, label: string) => (
    <button
      type="button"
      class="secondary small"
      data-file={f}
      title={f}
      disabled={busy !== null}
      onClick={() => void get(f, api.fileUrl(id, f), f)}
    >
      {label}
    </button>
  );
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
      <p class="hint">The zip costs $0.12 per GB of the original files; single files are free.</p>
      <h3>Whole series</h3>
      <p class="file-buttons">{series.map((f) => button(f, kindOf(f)))}</p>
      <h3>Per episode</h3>
      <table class="per-episode">
        <tbody>
          {[...byEpisode.entries()]
            .sort((a, b) => Number(a[0]) - Number(b[0]))
            .map(([ep, files]) => (
              <tr key={ep}>
                <th scope="row">Episode {ep}</th>
                <td class="file-buttons">
                  {files.map((f) => (
                    <>
                      {button(f, kindOf(f))}
                      <span class="sr-only"> of episode {ep} </span>
                    </>
                  ))}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
