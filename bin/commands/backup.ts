// `waymark backup [--out FILE]` and `waymark restore FILE [--force]`: a consistent backup of the database (embedded or
// DATABASE_URL), also while the server runs; a restore into an empty data directory or database.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { parseConfig } from '../../app/env.server.ts';
import { openDatabase } from '../../app/db/client.server.ts';
import { BackupFormatError, databaseHasTables, restoreBackup, writeBackup } from '../../app/db/backup.server.ts';
import { CliUsageError } from './database.ts';

function defaultBackupName() {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `waymark-backup-${stamp}.jsonl.gz`;
}

async function backup(options: { out?: string }) {
  const config = parseConfig(process.env);
  const file = path.resolve(options.out ?? defaultBackupName());
  // Attaches to the running server's PostgreSQL, or starts it for the command.
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, role: 'cli' });
  try {
    const { rows, tables } = await writeBackup(database.url, file);
    process.stdout.write(`Backed up ${rows} rows from ${tables} tables to ${file}\n`);
  } finally {
    await database.close();
  }
}

async function restore(file: string, options: { force?: boolean }) {
  const config = parseConfig(process.env);
  if (!fs.existsSync(file)) throw new CliUsageError(`No backup file at ${path.resolve(file)}`);
  if (!config.databaseUrl) {
    const cluster = path.join(path.resolve(config.dataDir), 'postgres');
    if (fs.existsSync(cluster) && !options.force) {
      throw new CliUsageError(`The data directory ${path.resolve(config.dataDir)} holds a database already; restore into an empty one, or add --force to replace it`);
    }
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, role: 'cli' });
  try {
    if (database.cluster && !database.cluster.owned) {
      throw new CliUsageError('The Waymark server is running on this data directory: stop it before restoring');
    }
    const hasTables = await databaseHasTables(database.url);
    if (hasTables && !options.force) {
      throw new CliUsageError('The database holds Waymark tables already; restore into an empty one, or add --force to replace it');
    }
    const { rows } = await restoreBackup(database.url, file, { wipe: hasTables });
    process.stdout.write(`Restored ${rows} rows from ${path.resolve(file)}\n`);
  } catch (error) {
    if (error instanceof BackupFormatError) throw new CliUsageError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

export function backupCommands() {
  return [
    new Command('backup')
      .description('Write a consistent backup of the database (also while the server runs)')
      .option('--out <file>', 'where to write it (default: waymark-backup-<date>-<time>.jsonl.gz)')
      .action(backup),
    new Command('restore')
      .description('Restore a backup into an empty data directory or database')
      .argument('<file>', 'a file written by "waymark backup"')
      .option('--force', 'replace the data that is there')
      .action(restore),
  ];
}
