// Chooses the file store for the services. Only the filesystem store exists today (under DATA_DIR/uploads).
import path from 'node:path';
import type { Config } from '~/env.server';
import { createFileSystemStorage } from './fs.server';
import type { FileStorage } from './types';

export function createStorage(config: Pick<Config, 'dataDir'>): FileStorage {
  return createFileSystemStorage(path.join(config.dataDir, 'uploads'));
}
