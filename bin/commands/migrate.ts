// `waymark migrate` — applies pending database migrations (the server also does this at start-up).
import { Command } from 'commander';
import { withDatabase } from './database.ts';

export function migrateCommand() {
  return new Command('migrate').description('Apply pending database migrations').action(async () => {
    const applied = await withDatabase(async (_database, names) => names, { seed: false });
    process.stdout.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'The database is up to date\n');
  });
}
