/**
 * Configuration, parsed once (STYLE §10): environment variables and CLI flags go through one zod
 * schema into a frozen object where every field is present. The only reader of process.env.
 */
import { resolve, join } from 'node:path';
import { z } from 'zod';

const bool = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no'])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  dataDir: z.string().min(1).default('./reelscript-data'),
  databaseUrl: z.string().min(1).optional(),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Episode jobs run at once in this process (0 = no workers: API only). */
  workers: z.coerce.number().int().min(0).max(64).default(2),
  leaseMs: z.coerce.number().int().min(1000).default(30_000),
  /** How often a running job renews its lease and checks for cancellation. */
  heartbeatMs: z.coerce.number().int().min(100).default(1000),
  pollMs: z.coerce.number().int().min(20).default(500),
  maxAttempts: z.coerce.number().int().min(1).default(3),
  drainMs: z.coerce.number().int().min(0).default(10_000),
  maxUploadBytes: z.coerce
    .number()
    .int()
    .min(1)
    .default(4 * 1024 * 1024 * 1024),
  maxJsonBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  publicUrl: z.string().url().optional(),
  signingSecret: z.string().min(16).optional(),
  signedUrlTtlSeconds: z.coerce.number().int().min(60).default(93_600),
  requireAsr: bool.default(false),
  asrUrl: z.string().url().optional(),
  asrModel: z.string().optional(),
  asrKey: z.string().optional(),
  whisperModel: z.string().optional(),
  vlmUrl: z.string().url().optional(),
  /** Deliver webhooks to loopback/private addresses (tests, closed networks). */
  allowPrivateWebhooks: bool.default(false),
  webhookTimeoutMs: z.coerce.number().int().min(100).default(10_000),
  /** First retry delay; doubles per attempt (with jitter) up to 30 minutes. */
  webhookBaseDelayMs: z.coerce.number().int().min(10).default(10_000),
  /** 12 attempts from a 10 s base span more than two hours. */
  webhookMaxAttempts: z.coerce.number().int().min(1).default(12),
  /** Requests per second per account (0 = unlimited) and the burst allowed above it. */
  rateLimitPerSecond: z.coerce.number().min(0).default(50),
  rateLimitBurst: z.coerce.number().int().min(1).default(200),
  /** Tasks an account may have pending or running at once. */
  maxActiveTasks: z.coerce.number().int().min(1).default(200),
  /** Deliver webhooks from this process (serve and worker alike; leases keep them from double-sending). */
  deliverWebhooks: bool.default(true),
  logLevel: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
});

export type ConfigInput = z.input<typeof schema>;

export interface Config extends Omit<z.output<typeof schema>, 'databaseUrl' | 'dataDir'> {
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly assetsDir: string;
  readonly tasksDir: string;
}

const ENV: Record<string, keyof ConfigInput> = {
  REELSCRIPT_DATA: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  REELSCRIPT_HOST: 'host',
  PORT: 'port',
  REELSCRIPT_WORKERS: 'workers',
  REELSCRIPT_LEASE_MS: 'leaseMs',
  REELSCRIPT_HEARTBEAT_MS: 'heartbeatMs',
  REELSCRIPT_POLL_MS: 'pollMs',
  REELSCRIPT_MAX_UPLOAD_BYTES: 'maxUploadBytes',
  REELSCRIPT_PUBLIC_URL: 'publicUrl',
  REELSCRIPT_SIGNING_SECRET: 'signingSecret',
  REELSCRIPT_REQUIRE_ASR: 'requireAsr',
  REELSCRIPT_ASR_URL: 'asrUrl',
  REELSCRIPT_ASR_MODEL: 'asrModel',
  REELSCRIPT_ASR_KEY: 'asrKey',
  REELSCRIPT_WHISPER_MODEL: 'whisperModel',
  REELSCRIPT_VLM_URL: 'vlmUrl',
  REELSCRIPT_LOG_LEVEL: 'logLevel',
  REELSCRIPT_RATE_LIMIT: 'rateLimitPerSecond',
  REELSCRIPT_RATE_BURST: 'rateLimitBurst',
  REELSCRIPT_MAX_ACTIVE_TASKS: 'maxActiveTasks',
  REELSCRIPT_ALLOW_PRIVATE_WEBHOOKS: 'allowPrivateWebhooks',
  REELSCRIPT_WEBHOOK_TIMEOUT_MS: 'webhookTimeoutMs',
  REELSCRIPT_WEBHOOK_BASE_DELAY_MS: 'webhookBaseDelayMs',
};

/** Build the config from the environment, overridden by explicit values (CLI flags, tests). */
export function loadConfig(
  overrides: Partial<ConfigInput> = {},
  env: NodeJS.ProcessEnv = process.env,
): Readonly<Config> {
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV)) {
    const v = env[name];
    if (v !== undefined && v !== '') fromEnv[key] = v;
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse({ ...fromEnv, ...defined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid configuration: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const c = parsed.data;
  const dataDir = resolve(c.dataDir);
  return Object.freeze({
    ...c,
    dataDir,
    databaseUrl: c.databaseUrl ?? `sqlite:${join(dataDir, 'reelscript.db')}`,
    assetsDir: join(dataDir, 'assets'),
    tasksDir: join(dataDir, 'tasks'),
  });
}

/** Whether a speech-recognition engine is configured at all. */
export function hasAsrEngine(c: Config): boolean {
  return Boolean(c.asrUrl || c.whisperModel);
}
