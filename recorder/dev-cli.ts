/** A tiny local entry for the recorder's commands until simulator/cli.ts wires them: npx tsx recorder/dev-cli.ts record ... */
import { Command, CommanderError } from 'commander';
import { registerRecorderCommands } from './commands.ts';

const program = new Command('tiksim').exitOverride();
registerRecorderCommands(program);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  process.stderr.write(`tiksim: ${(e as Error).message}\n`);
  process.exit(1);
}
