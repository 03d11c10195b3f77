// `waymark user create --email E --password P [--display-name N] [--admin]` — creates an account from the command line.
import { Command } from 'commander';
import { createUser, displayNameSchema, emailSchema, passwordSchema, UserExistsError } from '../../app/auth/users.server.ts';
import { auditFromCli, CliUsageError, withDatabase } from './database.ts';

export interface UserCreateOptions {
  email: string;
  password: string;
  displayName?: string;
  admin?: boolean;
}

/** Checks the options before the database is opened, naming the option at fault. */
export function checkUserOptions(options: UserCreateOptions) {
  const checks: Array<[string, { success: boolean; error?: { issues: Array<{ message: string }> } }]> = [
    ['--email', emailSchema.safeParse(options.email)],
    ['--password', passwordSchema.safeParse(options.password)],
  ];
  if (options.displayName !== undefined) checks.push(['--display-name', displayNameSchema.safeParse(options.displayName)]);
  for (const [option, result] of checks) {
    if (!result.success) throw new CliUsageError(`${option} ${result.error?.issues[0]?.message ?? 'is not valid'}`);
  }
}

export function userCommand() {
  const command = new Command('user').description('Manage user accounts');
  command
    .command('create')
    .description('Create a user (the first user of an installation becomes administrator)')
    .requiredOption('--email <email>', 'e-mail address, used to log in')
    .requiredOption('--password <password>', 'password (at least 8 characters)')
    .option('--display-name <name>', 'name shown to other people (default: derived from the e-mail)')
    .option('--admin', 'make the user an administrator', false)
    .action(async (options: UserCreateOptions) => {
      checkUserOptions(options);
      const user = await withDatabase(async (database) => {
        try {
          const created = await createUser(database.db, options);
          await auditFromCli(database, 'auth.register', { targetUserId: created.id, admin: created.isAdmin });
          return created;
        } catch (error) {
          if (error instanceof UserExistsError) throw new CliUsageError(error.message);
          throw error;
        }
      });
      process.stdout.write(`Created user ${user.email} (username ${user.username}${user.isAdmin ? ', administrator' : ''})\n`);
    });
  return command;
}
