// The filesystem store: each object is a file under the root (DATA_DIR/uploads by default) with its content type in a
// small sidecar file. Writes go to a temporary file first and are renamed into place, so a reader never sees half a file.
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { assertKey, type FileStorage } from './types';

const TYPE_SUFFIX = '.type';

export function createFileSystemStorage(root: string): FileStorage {
  const absoluteRoot = path.resolve(root);
  const fileOf = (key: string) => {
    assertKey(key);
    return path.join(absoluteRoot, ...key.split('/'));
  };
  const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

  return {
    async put(key, bytes, contentType) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(`${temp}${TYPE_SUFFIX}`, contentType, { mode: 0o600 });
      await fs.writeFile(temp, bytes, { mode: 0o600 });
      await fs.rename(`${temp}${TYPE_SUFFIX}`, `${file}${TYPE_SUFFIX}`);
      await fs.rename(temp, file);
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const [bytes, contentType] = await Promise.all([fs.readFile(file), fs.readFile(`${file}${TYPE_SUFFIX}`, 'utf8')]);
        return { bytes, contentType };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      const file = fileOf(key);
      await fs.rm(file, { force: true });
      await fs.rm(`${file}${TYPE_SUFFIX}`, { force: true });
    },
    async list(prefix) {
      const dir = fileOf(prefix);
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        if (missing(error)) return [];
        throw error;
      }
      return names.filter((name) => !name.endsWith(TYPE_SUFFIX) && !name.endsWith('.tmp')).map((name) => `${prefix}/${name}`);
    },
  };
}
