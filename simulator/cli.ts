import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { registerServe, registerStart } from './commands/serve.ts';
import { registerRecorderCommands } from '../recorder/commands.ts';
import { registerList } from './commands/list.ts';
import { registerCompletion } from './commands/completion.ts';
import { registerFire } from './commands/fire.ts';
import { registerWatch } from './commands/watch.ts';
import { registerRelay } from '../relay/cli.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The `tiksim` command line: serve, start, record, decode, inspect, anonymize, list, fire, watch, relay, completion. Exit codes: 0 ok, 1 failure, 2 usage. */
export function buildProgram(): Command {
  const program = new Command('tiksim')
    .description('A local lab for TikTok LIVE overlays: a fake TikFinity server, a recorder and replayer')
    .version(pkg.version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerServe(program);
  registerStart(program);
  registerRecorderCommands(program);
  registerList(program);
  registerFire(program);
  registerWatch(program);
  registerRelay(program);
  registerCompletion(program);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  if (e instanceof InvalidArgumentError) {
    // Thrown from an action (a bad flag combination, a bad --rates list): commander does not print these itself.
    process.stderr.write(`tiksim: ${e.message}\n(run with --help for usage)\n`);
    process.exit(2);
  }
  if (e instanceof CommanderError) {
    // Help and version exit 0; every other parse error is a usage error.
    process.exit(e.exitCode === 0 ? 0 : 2);
  }
  process.stderr.write(`tiksim: ${(e as Error).message}\n`);
  process.exit(1);
}
