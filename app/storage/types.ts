// Where uploaded files live. The filesystem store (under DATA_DIR/uploads) is the default; a hosted setup can plug in
// an S3-compatible store with the same four operations. Keys are opaque, server-chosen names ("places/<random>").

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface FileStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** null when there is no such object */
  get(key: string): Promise<StoredObject | null>;
  /** Removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Every key under a prefix (for purging objects nothing refers to any more). */
  list(prefix: string): Promise<string[]>;
}

/** Keys are letters, digits, - and _ in /-separated parts; nothing a path could escape with. */
export const STORAGE_KEY = /^[a-z0-9_-]+(?:\/[a-z0-9_-]+)*$/i;

export function assertKey(key: string) {
  if (!STORAGE_KEY.test(key) || key.length > 200) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}
