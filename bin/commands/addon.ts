// `waymark addon enable|disable <id>` — switches an addon on or off for the whole installation.
import { Command } from 'commander';
import { ADDON_IDS, isAddonId } from '../../app/domain/addons.ts';
import { createAddonSwitches } from '../../app/domain/addon-switches.server.ts';
import { auditFromCli, CliUsageError, withDatabase } from './database.ts';

export function checkAddonId(id: string) {
  if (!isAddonId(id)) throw new CliUsageError(`Unknown addon "${id}". Valid addons: ${ADDON_IDS.join(', ')}`);
  return id;
}

async function switchAddon(id: string, enabled: boolean) {
  const addon = checkAddonId(id);
  await withDatabase(async (database) => {
    await createAddonSwitches(database.db).set(addon, enabled);
    await auditFromCli(database, enabled ? 'admin.addon_enable' : 'admin.addon_disable', { addon });
  });
  process.stdout.write(`Addon ${addon} ${enabled ? 'enabled' : 'disabled'}\n`);
}

export function addonCommand() {
  const command = new Command('addon').description(`Turn addons on or off (${ADDON_IDS.join(', ')})`);
  command
    .command('enable')
    .description('Turn an addon on')
    .argument('<id>', `addon id: ${ADDON_IDS.join(', ')}`)
    .action((id: string) => switchAddon(id, true));
  command
    .command('disable')
    .description('Turn an addon off')
    .argument('<id>', `addon id: ${ADDON_IDS.join(', ')}`)
    .action((id: string) => switchAddon(id, false));
  return command;
}
