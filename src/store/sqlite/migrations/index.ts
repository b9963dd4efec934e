/** Numbered SQLite migrations; each runs once, in order, inside a transaction. */
export const SQLITE_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  balance_micro INTEGER NOT NULL DEFAULT 0 CHECK (balance_micro >= 0),
  created_at INTEGER NOT NULL
);
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  amount_micro INTEGER NOT NULL,
  balance_after_micro INTEGER NOT NULL,
  reason TEXT NOT NULL,
  task_id TEXT,
  note TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ledger_account ON ledger(account_id, id);
CREATE TABLE assets (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  original_filename TEXT NOT NULL,
  extension TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  path TEXT NOT NULL,
  upload_status TEXT NOT NULL,
  failure_code TEXT,
  failure_reason TEXT,
  kind TEXT NOT NULL,
  duration_seconds REAL,
  width INTEGER,
  height INTEGER,
  has_audio INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  modified_at INTEGER NOT NULL,
  deleted_at INTEGER
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
  cost_micro INTEGER NOT NULL,
  total_duration REAL NOT NULL,
  concurrency INTEGER NOT NULL,
  idempotency_key TEXT,
  request_hash TEXT,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE UNIQUE INDEX tasks_idempotency ON tasks(account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX tasks_account_created ON tasks(account_id, created_at DESC, id DESC);
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id TEXT NOT NULL REFERENCES tasks(id),
  kind TEXT NOT NULL,
  episode TEXT NOT NULL,
  ep_order INTEGER NOT NULL,
  asset_id TEXT,
  state TEXT NOT NULL,
  stage TEXT,
  progress REAL NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  worker_id TEXT,
  lease_until INTEGER,
  run_after INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  started_at INTEGER,
  finished_at INTEGER,
  UNIQUE (task_id, kind, episode)
);
CREATE INDEX jobs_state ON jobs(state, run_after);
CREATE INDEX jobs_task ON jobs(task_id, ep_order);
`,
  },
  {
    version: 2,
    name: 'webhooks',
    sql: `
CREATE TABLE webhooks (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id),
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  task_id TEXT NOT NULL REFERENCES tasks(id),
  event TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER,
  UNIQUE (task_id, event)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at);
CREATE INDEX webhook_deliveries_account ON webhook_deliveries(account_id, id);
CREATE TABLE webhook_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries(id),
  attempt INTEGER NOT NULL,
  at INTEGER NOT NULL,
  url TEXT NOT NULL,
  status INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, attempt);
`,
  },
];
