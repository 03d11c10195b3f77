// Chooses the file store for the services: an S3-compatible bucket when S3_BUCKET is set (./s3.server.ts), else the
// filesystem under DATA_DIR/uploads.
import path from 'node:path';
import type { Config } from '~/env.server';
import { createFileSystemStorage } from './fs.server';
import { createS3Storage } from './s3.server';
import type { FileStorage } from './types';

export function createStorage(config: Pick<Config, 'dataDir' | 's3'>): FileStorage {
  if (config.s3) return createS3Storage(config.s3);
  return createFileSystemStorage(path.join(config.dataDir, 'uploads'));
}
