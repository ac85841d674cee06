/**
 * `tiksim completion bash|zsh|fish`: a completion script made from the command tree itself, so a new command or flag
 * completes without editing this file. Install: `tiksim completion bash >> ~/.bashrc` (or see --help).
 */
import { Command, InvalidArgumentError } from 'commander';

interface Tree {
  name: string;
  flags: string[];
}

function tree(program: Command): Tree[] {
  const flagsOf = (c: Command) => [...c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => !!f)), '--help'];
  return program.commands.filter((c) => c.name() !== 'completion').map((c) => ({ name: c.name(), flags: flagsOf(c) })).concat([{ name: 'completion', flags: ['--help'] }]);
}

/** The completion script for `shell`, from `program`'s commands and flags. */
export function completionScript(program: Command, shell: string): string {
  const cmds = tree(program);
  const names = cmds.map((c) => c.name).join(' ');
  if (shell === 'bash') {
    const cases = cmds.map((c) => `    ${c.name}) opts="${c.flags.join(' ')}" ;;`).join('\n');
    return `# tiksim completion for bash: eval "$(tiksim completion bash)"
_tiksim() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W "${names} --help --version" -- "$cur")); return; fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -o default -F _tiksim tiksim
`;
  }
  if (shell === 'zsh') {
    const cases = cmds.map((c) => `    ${c.name}) _arguments ${c.flags.map((f) => `'${f}'`).join(' ')} '*:file:_files' ;;`).join('\n');
    return `#compdef tiksim
# tiksim completion for zsh: eval "$(tiksim completion zsh)"
_tiksim() {
  if (( CURRENT == 2 )); then compadd ${names}; return; fi
  case "$words[2]" in
${cases}
  esac
}
compdef _tiksim tiksim
`;
  }
  if (shell === 'fish') {
    const lines = [`# tiksim completion for fish: tiksim completion fish | source`, `complete -c tiksim -f -n '__fish_use_subcommand' -a '${names}'`];
    for (const c of cmds) for (const f of c.flags.filter((x) => x.startsWith('--'))) lines.push(`complete -c tiksim -n '__fish_seen_subcommand_from ${c.name}' -l ${f.slice(2)}`);
    return lines.join('\n') + '\n';
  }
  throw new InvalidArgumentError(`no completion for shell "${shell}"; choose bash, zsh or fish`);
}

/** Registers `tiksim completion <shell>`. */
export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', '\nExamples:\n  $ eval "$(tiksim completion bash)"        # or add that line to ~/.bashrc\n  $ eval "$(tiksim completion zsh)"         # in ~/.zshrc\n  $ tiksim completion fish | source        # in ~/.config/fish/config.fish')
    .action((shell: string) => {
      process.stdout.write(completionScript(program, shell));
    });
}
