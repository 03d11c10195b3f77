// `waymark user create --email E --password P [--display-name N] [--admin]` — creates an account from the command line.
import { Command } from 'commander';
import { createUser, displayNameSchema, emailSchema, passwordSchema, UserExistsError } from '../../app/auth/users.server.ts';
import { issueResetLink, RESET_LINK_MINUTES } from '../../app/auth/password-reset.server.ts';
import { parseConfig } from '../../app/env.server.ts';
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
  command
    .command('reset-password')
    .description(`Print a single-use password reset link for a user (valid ${RESET_LINK_MINUTES} minutes; for servers without e-mail)`)
    .requiredOption('--email <email>', 'e-mail address of the account')
    .action(async (options: { email: string }) => {
      const parsed = emailSchema.safeParse(options.email);
      if (!parsed.success) throw new CliUsageError(`--email ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
      // The link starts with APP_URL, as the server's own links do.
      const { appUrl } = parseConfig(process.env);
      const link = await withDatabase(async (database) => {
        const user = await database.db.user.findUnique({ where: { email: parsed.data } });
        if (!user) throw new CliUsageError(`No user has the e-mail ${parsed.data}`);
        const issued = await issueResetLink(database.db, appUrl, user.id);
        await auditFromCli(database, 'admin.password_reset_link', { targetUserId: user.id });
        return issued;
      });
      process.stdout.write(`${link.url}\nSingle use, valid until ${link.expiresAt.toISOString()}. Opening it lets anyone set this account's password: pass it on privately.\n`);
    });
  return command;
}
