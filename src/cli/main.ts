import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backupCommand, restoreCommand } from './backup.command.ts';
import { importCitiesCommand } from './import-cities.command.ts';
import { matchCommand, processIo, type CommandIo } from './match.command.ts';

/** A CLI command: receives the arguments after its name, resolves to the exit code. */
export type Command = (argv: string[]) => Promise<number>;

// Add a command here (e.g. `seed`, `import`, `export`); nothing else to wire.
export const commands: Record<string, Command> = {
  match: (argv) => matchCommand(argv),
  'import-cities': (argv) => importCitiesCommand(argv),
  backup: (argv) => backupCommand(argv),
  restore: (argv) => restoreCommand(argv),
};

export function usage(): string {
  return `usage: peercities <command> [args]\ncommands: ${Object.keys(commands).sort().join(', ')}\n`;
}

/** Dispatches `argv` (without node and script) to a command; unknown commands exit 2. */
export async function runCli(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    if (name !== undefined) io.stderr(`peercities: unknown command "${name}"\n`);
    io.stderr(usage());
    return 2;
  }
  return command(rest);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // exitCode (not exit()) so large JSON on a pipe is flushed before Node quits.
  process.exitCode = await runCli(process.argv.slice(2));
}
