/** The `reelscript` command line: one thin file per command under commands/. */
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../version.js';
import { accountCommand } from './commands/account.js';
import { doctorCommand } from './commands/doctor.js';
import { extractCommand } from './commands/extract.js';
import { keysCommand } from './commands/keys.js';
import { migrateCommand } from './commands/migrate.js';
import { renameCommand } from './commands/rename.js';
import { serveCommand, workerCommand } from './commands/serve.js';

export function buildProgram(): Command {
  const program = new Command('reelscript')
    .description(
      'Turn short-drama episodes into screenplays: shots, keyframes, dialogue, characters, exports.',
    )
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.addCommand(serveCommand());
  program.addCommand(workerCommand());
  program.addCommand(extractCommand());
  program.addCommand(keysCommand());
  program.addCommand(accountCommand());
  program.addCommand(renameCommand());
  program.addCommand(doctorCommand());
  program.addCommand(migrateCommand());
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`reelscript: ${message.split('\n')[0] ?? 'failed'}\n`);
    process.exitCode = 1;
  }
}
