/** Process entry for the CLI (bin/reelscript.js loads the compiled copy of this module's main). */
import { main } from './main.js';

/** Commands that keep serving after their action returns. */
const LONG_RUNNING = new Set(['serve', 'worker']);

await main(process.argv);
// A one-shot command is finished here. A native addon can hold the event loop open until one
// of its handles is garbage-collected (whisper.cpp's segment callback: 7–30 s seen), so the
// process does not wait for that.
if (!LONG_RUNNING.has(process.argv[2] ?? '')) process.exit();
