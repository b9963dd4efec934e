/** Schema 1: the same tables and columns as SQLite's; BIGINT for epoch-ms times and micro-dollars. */
export const sql = `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  balance_micro BIGINT NOT NULL DEFAULT 0 CHECK (balance_micro >= 0),
  created_at BIGINT NOT NULL
);
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE TABLE ledger (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  amount_micro BIGINT NOT NULL,
  balance_after_micro BIGINT NOT NULL,
  reason TEXT NOT NULL,
  task_id TEXT,
  note TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX ledger_account ON ledger(account_id, id);
CREATE TABLE assets (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  original_filename TEXT NOT NULL,
  extension TEXT NOT NULL,
  file_size BIGINT NOT NULL,
  path TEXT NOT NULL,
  upload_status TEXT NOT NULL,
  failure_code TEXT,
  failure_reason TEXT,
  kind TEXT NOT NULL,
  duration_seconds DOUBLE PRECISION,
  width INTEGER,
  height INTEGER,
  has_audio BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  modified_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX assets_account ON assets(account_id);
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  mode TEXT NOT NULL,
  config_json TEXT NOT NULL,
  episodes_json TEXT NOT NULL,
  status TEXT NOT NULL,
  error_code TEXT,
  error_message TEXT,
  warnings_json TEXT NOT NULL DEFAULT '[]',
  cost_micro BIGINT NOT NULL,
  total_duration DOUBLE PRECISION NOT NULL,
  concurrency INTEGER NOT NULL,
  idempotency_key TEXT,
  request_hash TEXT,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT
);
CREATE UNIQUE INDEX tasks_idempotency ON tasks(account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX tasks_account_created ON tasks(account_id, created_at DESC, id DESC);
-- Claims scan only live tasks, oldest first.
CREATE INDEX tasks_live ON tasks(created_at, id) WHERE status IN ('pending', 'running');
CREATE TABLE jobs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id TEXT NOT NULL REFERENCES tasks(id),
  kind TEXT NOT NULL,
  episode TEXT NOT NULL,
  ep_order INTEGER NOT NULL,
  asset_id TEXT,
  state TEXT NOT NULL,
  stage TEXT,
  progress DOUBLE PRECISION NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  worker_id TEXT,
  lease_until BIGINT,
  run_after BIGINT NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  started_at BIGINT,
  finished_at BIGINT,
  UNIQUE (task_id, kind, episode)
);
CREATE INDEX jobs_state ON jobs(state, run_after);
CREATE INDEX jobs_task ON jobs(task_id, ep_order);
`;
