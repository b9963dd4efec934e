/**
 * OpenAI-compatible transcription over HTTP: multipart upload of a WAV, `verbose_json` for
 * segment times when the server offers them, plain `text` otherwise.
 */
import { toWav } from '../audio.js';
import { AsrError, type AsrEngine, type AsrSegment } from './types.js';

export interface OpenAiConfig {
  url: string;
  model: string;
  apiKey: string | null;
  timeoutMs?: number;
}

/** `https://host` or `https://host/v1` or the full endpoint → the transcriptions endpoint. */
export function transcriptionsUrl(url: string): string {
  const u = url.replace(/\/+$/, '');
  if (u.endsWith('/audio/transcriptions')) return u;
  return u.endsWith('/v1') ? `${u}/audio/transcriptions` : `${u}/v1/audio/transcriptions`;
}

/** Pure: the server's JSON → segments (seconds), spanning `duration` when it gave no times. */
export function parseTranscription(body: unknown, duration: number): AsrSegment[] {
  const b = (body ?? {}) as { text?: unknown; segments?: unknown };
  if (Array.isArray(b.segments) && b.segments.length > 0) {
    return (b.segments as Array<Record<string, unknown>>)
      .map((s) => ({
        start: Number(s.start ?? 0),
        end: Number(s.end ?? duration),
        text: typeof s.text === 'string' ? s.text.trim() : '',
        confidence: typeof s.avg_logprob === 'number' ? Math.exp(s.avg_logprob) : 0.5,
      }))
      .filter((s) => s.text.length > 0);
  }
  const text = typeof b.text === 'string' ? b.text.trim() : '';
  return text ? [{ start: 0, end: duration, text, confidence: 0.5 }] : [];
}

export function openAiEngine(cfg: OpenAiConfig): AsrEngine {
  const endpoint = transcriptionsUrl(cfg.url);
  return {
    name: `openai:${cfg.model}`,
    async transcribe(pcm, { language, signal }) {
      const form = new FormData();
      form.append('file', new Blob([toWav(pcm)], { type: 'audio/wav' }), 'audio.wav');
      form.append('model', cfg.model);
      form.append('response_format', 'verbose_json');
      if (language && language !== 'auto') form.append('language', language);
      const timeout = AbortSignal.timeout(cfg.timeoutMs ?? 300_000);
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          body: form,
          headers: cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {},
          signal: AbortSignal.any([signal, timeout]),
        });
      } catch (err) {
        signal.throwIfAborted();
        throw new AsrError(
          `speech recognition server ${endpoint} unreachable: ${err instanceof Error ? err.message : String(err)}`,
          'openai',
        );
      }
      const body = await res.text();
      if (!res.ok)
        throw new AsrError(
          `speech recognition server answered ${res.status}: ${body.slice(0, 300)}`,
          'openai',
        );
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = { text: body };
      }
      return parseTranscription(json, pcm.length / 16000);
    },
  };
}
