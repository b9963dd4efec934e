/**
 * `npm run eval:shots`: our shot-boundary detector against ffmpeg `scdet` on the eval media
 * (ground truth in truth.json, made by inspecting frames) and on generated clips whose truth
 * comes from their construction. Prints precision / recall / F1 per clip and overall; then our
 * camera-movement label for each shot of camera-truth.json (no baseline: scdet has none).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTransitionClip } from '../../test/fixtures/transitions.js';
import { tempDir } from '../../test/helpers/tmp.js';
import { scoreCamera, type CameraRow, type CameraTruthShot } from './camera.js';
import { detectFile, type DetectedFile } from './detect-file.js';
import { GENERATED } from './generated.js';
import { scdetCuts } from './scdet.js';
import { scoreBoundaries, summarise, type Score, type Truth } from './score.js';

const MEDIA =
  process.env.REELSCRIPT_EVAL_MEDIA ?? new URL('../../../shared/eval/media', import.meta.url).pathname;
const signal = new AbortController().signal;

interface Row {
  clip: string;
  ours: Score;
  base: Score;
}

async function evaluate(clip: string, file: string, truth: Truth, found?: DetectedFile): Promise<Row> {
  const { boundaries, pts } = found ?? (await detectFile(file, signal));
  const ours = scoreBoundaries(
    truth,
    boundaries.map((b) => ({ start: b.startFrame, end: b.endFrame })),
  );
  const base = scoreBoundaries(
    truth,
    (await scdetCuts(file, pts, signal)).map((f) => ({ start: f, end: f })),
  );
  return { clip, ours, base };
}

const rows: Row[] = [];
const listed = JSON.parse(readFileSync(new URL('./truth.json', import.meta.url), 'utf8')) as {
  clips: Array<Truth & { file: string }>;
};
const cameraTruth = JSON.parse(readFileSync(new URL('./camera-truth.json', import.meta.url), 'utf8')) as {
  clips: Array<{ file: string; shots: CameraTruthShot[] }>;
};
const camera: Array<{ clip: string; rows: CameraRow[] }> = [];
for (const c of listed.clips) {
  const file = join(MEDIA, c.file);
  if (!existsSync(file)) {
    console.error(`skipping ${c.file}: not found under ${MEDIA}`);
    continue;
  }
  const clip = c.file.split('/').pop()!;
  const found = await detectFile(file, signal);
  rows.push(await evaluate(clip, file, c, found));
  const shots = cameraTruth.clips.find((t) => t.file === c.file)?.shots;
  if (shots) camera.push({ clip, rows: scoreCamera(shots, found.track, found.pts) });
}
const tmp = tempDir('reelscript-eval-shots-');
try {
  for (const g of GENERATED) {
    const path = join(tmp.dir, `${g.name}.mp4`);
    const truth = await makeTransitionClip({ path, ...g });
    rows.push(await evaluate(g.name, path, truth));
  }
} finally {
  tmp.cleanup();
}

const pct = (s: Score): string =>
  [s.precision, s.recall, s.f1].map((v) => v.toFixed(2).padStart(5)).join(' ');
console.log(`${'clip'.padEnd(34)} truth | ours  P     R     F1  | scdet P     R     F1`);
for (const r of rows) {
  const flag = r.ours.f1 + 1e-9 < r.base.f1 ? '  << below baseline' : '';
  console.log(
    `${r.clip.padEnd(34)} ${String(r.ours.truth).padStart(5)} | ${pct(r.ours)} | ${pct(r.base)}${flag}`,
  );
}
const total = (k: 'ours' | 'base'): Score =>
  summarise(
    rows.reduce((a, r) => a + r[k].truth, 0),
    rows.reduce((a, r) => a + r[k].predicted, 0),
    rows.reduce((a, r) => a + r[k].matched, 0),
  );
console.log(
  `${'overall (all boundaries pooled)'.padEnd(34)} ${String(total('ours').truth).padStart(5)} | ${pct(total('ours'))} | ${pct(total('base'))}`,
);
const worse = rows.filter((r) => r.ours.f1 + 1e-9 < r.base.f1).length;
console.log(`\nclips below the baseline: ${worse}; overall F1 ${total('ours').f1.toFixed(3)} (goal ≥ 0.95)`);

console.log(`\ncamera movement on the shots of camera-truth.json (our label on each truth span)`);
for (const c of camera) {
  const marks = c.rows.map(
    (r) => `${r.start}-${r.end} ${r.movement.join('|')}${r.ok ? '' : ` ≠ ${r.ours ?? 'null'}`}`,
  );
  const right = c.rows.filter((r) => r.ok).length;
  console.log(`${c.clip.padEnd(34)} ${right}/${c.rows.length}  ${marks.join('; ')}`);
}
const cameraRows = camera.flatMap((c) => c.rows);
const moving = cameraRows.filter((r) => !r.movement.includes('static'));
const still = cameraRows.filter((r) => r.movement.includes('static'));
const ok = (rs: CameraRow[]): string => `${rs.filter((r) => r.ok).length}/${rs.length}`;
console.log(
  `camera movement correct: ${ok(cameraRows)} (moving shots ${ok(moving)}, still shots ${ok(still)})`,
);
