/** The speech engine named by the configuration (HTTP endpoint first, then a whisper model). */
import type { AsrEngineConfig } from '../pipeline/speech/asr/types.js';
import type { Config } from './index.js';

export function asrEngineOf(
  c: Pick<Config, 'asrUrl' | 'asrModel' | 'asrKey' | 'whisperModel'>,
): AsrEngineConfig | null {
  if (c.asrUrl)
    return { kind: 'openai', url: c.asrUrl, model: c.asrModel ?? 'whisper-1', apiKey: c.asrKey ?? null };
  if (c.whisperModel) return { kind: 'whisper', modelPath: c.whisperModel };
  return null;
}
