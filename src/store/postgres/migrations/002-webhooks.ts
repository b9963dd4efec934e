/** Schema 2: webhook configs, one delivery row per terminal task state, and every attempt. */
export const sql = `
CREATE TABLE webhooks (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id),
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE webhook_deliveries (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  task_id TEXT NOT NULL REFERENCES tasks(id),
  event TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT NOT NULL DEFAULT 0,
  last_status INTEGER,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  delivered_at BIGINT,
  UNIQUE (task_id, event)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at);
CREATE INDEX webhook_deliveries_account ON webhook_deliveries(account_id, id);
CREATE TABLE webhook_attempts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries(id),
  attempt INTEGER NOT NULL,
  at BIGINT NOT NULL,
  url TEXT NOT NULL,
  status INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, attempt);
`;
