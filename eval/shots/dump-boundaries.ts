/** Developer tool: print the boundaries the shot decision finds in a video. */
import { detectBoundaries } from '../../src/pipeline/shots/detect.js';
import { signalOf } from './signal-of.js';

for (const file of process.argv.slice(2)) {
  const b = detectBoundaries((await signalOf(file)).signal);
  console.log(
    file.split('/').pop(),
    JSON.stringify(
      b.map((x) =>
        x.kind === 'cut' ? x.shotStart : `${x.kind}:${x.startFrame}-${x.endFrame}@${x.shotStart}`,
      ),
    ),
  );
}
