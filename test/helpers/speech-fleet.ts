/**
 * A worker fleet whose episodes wait on a slow loopback speech endpoint (test/helpers/slow-asr.ts),
 * with one uploaded speech clip per episode: the setup the scale-out fault tests share.
 */
import { uploadFile } from './server.js';
import { startSlowAsr, type SlowAsr } from './slow-asr.js';
import { makeSpeechClips } from './speech-clips.js';
import { startFleet, type Fleet } from './worker-fleet.js';

export interface SpeechFleet {
  asr: SlowAsr;
  fleet: Fleet;
  /** One uploaded asset per episode, in episode order. */
  assets: string[];
  close(): Promise<void>;
}

export async function startSpeechFleet(o: {
  name: string;
  dir: string;
  episodes: number;
  asrDelayMs: number;
  workers: number;
  dollars?: number;
}): Promise<SpeechFleet> {
  const asr = await startSlowAsr(o.asrDelayMs);
  const clips = await makeSpeechClips({ dir: o.dir, count: o.episodes });
  const fleet = await startFleet({
    name: o.name,
    ...(o.dollars === undefined ? {} : { dollars: o.dollars }),
    env: {
      REELSCRIPT_ASR_URL: asr.url,
      REELSCRIPT_LEASE_MS: '8000',
      REELSCRIPT_HEARTBEAT_MS: '500',
      REELSCRIPT_POLL_MS: '100',
    },
  });
  const assets: string[] = [];
  for (const c of clips) assets.push((await uploadFile(fleet.srv.base, fleet.srv.key, c)).body.data.asset_id);
  await Promise.all(Array.from({ length: o.workers }, () => fleet.startWorker()));
  return {
    asr,
    fleet,
    assets,
    close: async () => {
      await fleet.close();
      await asr.close();
    },
  };
}
