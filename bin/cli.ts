// The Waymark command-line tool (run as `npx waymark …` through bin/waymark.js). Every failure the user can fix is
// one line on standard error and exit code 1, never a stack trace.
import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { ConfigError } from '../app/env.server.ts';
import { EmbeddedDatabaseBusyError, EmbeddedPostgresUnavailableError } from '../app/db/client.server.ts';
import { CliUsageError } from './commands/database.ts';
import { userCommand } from './commands/user.ts';
import { addonCommand } from './commands/addon.ts';
import { migrateCommand } from './commands/migrate.ts';
import { tokenCommand } from './commands/token.ts';
import { clientCommand } from './commands/client.ts';
import { backupCommands } from './commands/backup.ts';
import { realtimeCommand } from './commands/realtime.ts';

export function buildProgram() {
  const program = new Command('waymark')
    .description('Waymark administration: users, addons, database migrations, API clients, backups')
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text.trimEnd().split('\n')[0] + '\n') });
  for (const command of [userCommand(), addonCommand(), migrateCommand(), tokenCommand(), clientCommand(), ...backupCommands(), realtimeCommand()]) {
    if (command.commands.length) {
      // `waymark user` alone (or with an unknown sub-command) names the choices instead of printing the whole help.
      const names = command.commands.map((c) => c.name()).join(', ');
      command.argument('[command]').action((given?: string) => {
        throw new CliUsageError(
          given ? `Unknown command "${command.name()} ${given}"; choose one of: ${names}` : `"waymark ${command.name()}" needs a command: ${names}`,
        );
      });
    }
    program.addCommand(command);
  }
  // Sub-commands inherit the one-line error output and exitOverride.
  program.commands.forEach(function inherit(command: Command) {
    command.copyInheritedSettings(program);
    command.commands.forEach(inherit);
  });
  return program;
}

/** One line for the user, or undefined for an unexpected error. */
export function describeFailure(error: unknown): string | undefined {
  if (error instanceof ConfigError) return error.message.split('\n')[0];
  // Checked by name too: the server build and the CLI may each carry their own copy of the class.
  for (const type of [EmbeddedDatabaseBusyError, EmbeddedPostgresUnavailableError]) {
    if (error instanceof type || (error as Error)?.constructor?.name === type.name) return (error as Error).message;
  }
  if (error instanceof CliUsageError) return error.message;
  if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ');
  return undefined;
}

async function main(argv: string[]) {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander printed its one line already; --help and --version end with exit code 0.
      return error.exitCode;
    }
    const line = describeFailure(error);
    process.stderr.write(`${line ?? `Unexpected error: ${(error as Error)?.message ?? String(error)}`}\n`);
    if (!line && process.env.WAYMARK_DEBUG) console.error(error);
    return 1;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

process.exit(await main(process.argv.slice(2)));
