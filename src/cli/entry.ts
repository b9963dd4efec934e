/** Process entry for the CLI (bin/reelscript.js loads the compiled copy of this module's main). */
import { main } from './main.js';

await main(process.argv);
