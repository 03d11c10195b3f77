// `waymark token create --user E --name N` — creates a static API token (deprecated; prefer OAuth) for a user and
// prints it once on standard output. Only its hash is stored.
import { Command } from 'commander';
import type { Services } from '../../app/services/types.server.ts';
import { hashSecret, randomSecret, TOKEN_PREFIX } from '../../app/auth/tokens.server.ts';
import { CliUsageError, withServices } from './database.ts';

const MAX_TOKENS_PER_USER = 10;

export interface TokenCreateOptions {
  user: string;
  name: string;
}

/** The command's work, separate from argument parsing so tests can call it with a running server's services. */
export async function createTokenFromCli(services: Services, options: TokenCreateOptions) {
  const user = await services.db.user.findUnique({ where: { email: options.user.trim().toLowerCase() } });
  if (!user) throw new CliUsageError(`No user with the e-mail address ${options.user}`);
  const name = options.name.trim();
  if (!name || name.length > 100) throw new CliUsageError('--name must be 1 to 100 characters');
  const count = await services.db.apiToken.count({ where: { userId: user.id } });
  if (count >= MAX_TOKENS_PER_USER) throw new CliUsageError(`${options.user} already has ${MAX_TOKENS_PER_USER} API tokens; delete one first`);
  const token = randomSecret(TOKEN_PREFIX.staticToken);
  const row = await services.db.apiToken.create({
    data: { userId: user.id, name, tokenHash: hashSecret(token), prefix: token.slice(0, TOKEN_PREFIX.staticToken.length + 6) },
  });
  await services.audit({ action: 'api_token.create', userId: user.id, detail: { tokenId: row.id, name, via: 'cli' } });
  return { token, id: row.id };
}

export function tokenCommand() {
  const command = new Command('token').description('Manage static API tokens (deprecated: prefer OAuth clients)');
  command
    .command('create')
    .description('Create a static API token for a user and print it (shown once)')
    .requiredOption('--user <email>', 'e-mail address of the user the token acts as')
    .requiredOption('--name <name>', 'a name to recognise the token by')
    .action((options: TokenCreateOptions) =>
      withServices(async (services) => {
        const { token } = await createTokenFromCli(services, options);
        process.stdout.write(`${token}\n`);
        process.stderr.write('Static API tokens are deprecated: prefer an OAuth client (`waymark client create`).\n');
      }),
    );
  return command;
}

export default tokenCommand;
