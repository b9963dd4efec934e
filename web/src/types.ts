/** Wire shapes the dashboard reads. Output documents come from the service's own type file. */
export type {
  Namelist,
  NamelistCharacter,
  Storyboard,
  StoryboardShot,
  Transcript,
  TranscriptLine,
} from '../../src/domain/documents.js';

export type TaskStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface EpisodeView {
  episode: string;
  asset_id: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  stage: string | null;
  progress: number;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  error_code?: string | null;
  error_message?: string | null;
}

/** An item of GET /screenplay/tasks: the status object with episode counts, no episodes or files. */
export type TaskListItem = Omit<TaskView, 'episodes' | 'files'> & {
  episode_counts: { total: number; done: number; running: number; failed: number };
};

export interface TaskView {
  task_id: string;
  status: TaskStatus;
  mode: string;
  created_at: string | null;
  progress?: { total_episodes: number; completed_episodes: number };
  error_code?: string | null;
  error_message?: string | null;
  total_duration_seconds: number;
  cost: number;
  started_at: string | null;
  finished_at: string | null;
  config: Record<string, unknown>;
  warnings: string[];
  episodes: EpisodeView[];
  finishing: { state: string; stage: string | null; progress: number } | null;
  overall_progress: number;
  files?: string[];
}

export interface AccountView {
  account_id: string;
  name: string;
  balance: number;
}

export interface UploadResult {
  asset_id: string;
  upload_status: string;
  kind: string;
  duration_seconds: number | null;
}

export const isActive = (s: TaskStatus): boolean => s === 'pending' || s === 'running';
