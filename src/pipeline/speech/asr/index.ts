/** Picks the engine for a configuration. */
import { openAiEngine } from './openai.js';
import { pocketsphinxEngine } from './pocketsphinx.js';
import type { AsrEngine, AsrEngineConfig } from './types.js';
import { whisperEngine } from './whisper.js';

export type { AsrEngine, AsrEngineConfig, AsrSegment } from './types.js';
export { AsrError } from './types.js';

export function createAsrEngine(cfg: AsrEngineConfig): AsrEngine {
  switch (cfg.kind) {
    case 'openai':
      return openAiEngine(cfg);
    case 'whisper':
      return whisperEngine(cfg);
    case 'pocketsphinx':
      return pocketsphinxEngine(cfg);
  }
}
