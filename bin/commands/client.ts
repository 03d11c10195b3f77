// `waymark client create` — creates an OAuth client for a user from the command line and prints its credentials as
// JSON. With --machine it is a client_credentials client (no redirect URI, no browser); without, an ordinary
// confidential client that needs one or more --redirect-uri.
import { Command, Option } from 'commander';
import type { Services } from '../../app/services/types.server.ts';
import { ALL_SCOPES, isScope, type Scope } from '../../app/auth/scopes.ts';
import { MAX_CLIENTS_PER_USER } from '../../app/oauth/constants.ts';
import { redirectUriProblem } from '../../app/oauth/redirect-uris.ts';
import { createClient } from '../../app/oauth/clients.server.ts';
import { CliUsageError, withServices } from './database.ts';

export interface ClientCreateOptions {
  owner: string;
  name: string;
  machine?: boolean;
  scopes?: string;
  redirectUri?: string[];
}


/** The command's work, separate from argument parsing so tests can call it with a running server's services. */
export async function createClientFromCli(services: Services, options: ClientCreateOptions) {
  const owner = await services.db.user.findUnique({ where: { email: options.owner.trim().toLowerCase() } });
  if (!owner) throw new CliUsageError(`No user with the e-mail address ${options.owner}`);
  const name = options.name.trim();
  if (!name || name.length > 100) throw new CliUsageError('--name must be 1 to 100 characters');

  const words = (options.scopes ?? '').split(/[,\s]+/).filter(Boolean);
  const unknown = words.filter((w) => !isScope(w));
  if (unknown.length) throw new CliUsageError(`Unknown scope(s): ${unknown.join(', ')}. Known scopes: ${ALL_SCOPES.join(', ')}`);
  const scopes = words as Scope[];

  const redirectUris = options.redirectUri ?? [];
  if (options.machine && redirectUris.length) throw new CliUsageError('A machine client has no redirect URIs; drop --redirect-uri or --machine');
  if (!options.machine && redirectUris.length === 0) throw new CliUsageError('An ordinary client needs at least one --redirect-uri (or use --machine)');
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new CliUsageError(`--redirect-uri ${uri} ${problem}`);
  }
  const owned = await services.db.oAuthClient.count({ where: { ownerId: owner.id } });
  if (owned >= MAX_CLIENTS_PER_USER) throw new CliUsageError(`${options.owner} already owns ${MAX_CLIENTS_PER_USER} OAuth clients; delete one first`);

  const { client, clientSecret } = await createClient(services, {
    name,
    ownerId: owner.id,
    redirectUris,
    allowedScopes: scopes,
    tokenEndpointAuthMethod: 'client_secret_basic',
    machine: !!options.machine,
    registeredDynamically: false,
  });
  return {
    client_id: client.clientId,
    client_secret: clientSecret!,
    name: client.name,
    machine: client.allowsClientCredentials,
    scope: client.allowedScopes.join(' '),
    redirect_uris: client.redirectUris,
    token_endpoint: `${services.config.appUrl}/oauth/token`,
  };
}

export function clientCommand() {
  const command = new Command('client').description('Manage OAuth clients');
  command
    .command('create')
    .description('Create an OAuth client for a user and print client_id and client_secret as JSON')
    .requiredOption('--owner <email>', 'e-mail address of the user who owns the client')
    .requiredOption('--name <name>', 'display name of the client')
    .option('--machine', 'machine client (client_credentials): no browser, no redirect URI', false)
    .option('--scopes <list>', 'allowed scopes, comma-separated (e.g. trips:read,places:write)', '')
    .addOption(new Option('--redirect-uri <uri...>', 'redirect URI (repeatable); required without --machine'))
    .action((options: ClientCreateOptions) =>
      withServices(async (services) => {
        const created = await createClientFromCli(services, options);
        process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
      }),
    );
  return command;
}

export default clientCommand;
