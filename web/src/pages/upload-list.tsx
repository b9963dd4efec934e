/** The files of a new task: drop zone, and one row per file with upload progress and episode number. */
import { useRef, useState } from 'preact/hooks';
import { Progress } from '../components/progress.js';
import { duration, fileSize, money } from '../lib/format.js';
import { episodeCost } from '../lib/episodes.js';

export interface UploadItem {
  id: number;
  file: File;
  episode: string;
  status: 'queued' | 'uploading' | 'ready' | 'failed';
  progress: number;
  assetId?: string;
  duration?: number | null;
  error?: string;
}

export function DropZone(props: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const take = (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length > 0) props.onFiles(files);
  };
  return (
    <div
      class={`dropzone ${over ? 'over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <p>
        <strong>Drop episode files here</strong> or
      </p>
      <button type="button" class="secondary" onClick={() => input.current?.click()}>
        Choose files…
      </button>
      <input
        ref={input}
        id="file-input"
        hidden
        aria-label="Episode files"
        type="file"
        multiple
        accept="video/*,.mp4,.mov,.mkv,.webm,.ts,.m4v"
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <p class="hint">Video files under 5 minutes each. Episode numbers are read from the file names.</p>
    </div>
  );
}

export function UploadRows(props: {
  items: UploadItem[];
  problems: Map<number, string>;
  onEpisode: (id: number, episode: string) => void;
  onRemove: (id: number) => void;
}) {
  return (
    <ul class="uploads" aria-label="Files to process">
      {props.items.map((it) => {
        const problem = props.problems.get(it.id);
        return (
          <li key={it.id} class={`upload ${it.status}`} data-file={it.file.name}>
            <div class="upload-ep">
              <label for={`ep-${it.id}`}>Episode</label>
              <input
                id={`ep-${it.id}`}
                class="episode-input"
                inputMode="numeric"
                value={it.episode}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `ep-err-${it.id}` : undefined}
                onInput={(e) => props.onEpisode(it.id, e.currentTarget.value)}
              />
            </div>
            <div class="upload-main">
              <div class="upload-name" title={it.file.name}>
                {it.file.name}
              </div>
              <div class="upload-meta">
                {fileSize(it.file.size)}
                {it.duration != null && ` · ${duration(it.duration)} · ${money(episodeCost(it.duration))}`}
              </div>
              {it.status === 'failed' ? (
                <p class="error small">{it.error}</p>
              ) : it.status === 'ready' ? (
                <p class="ok small">Uploaded</p>
              ) : (
                <Progress value={it.progress} label={`Upload of ${it.file.name}`} state={it.status} />
              )}
              {problem && (
                <p id={`ep-err-${it.id}`} class="error small">
                  {problem}
                </p>
              )}
            </div>
            <button type="button" class="link-button" onClick={() => props.onRemove(it.id)}>
              Remove<span class="sr-only"> {it.file.name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
