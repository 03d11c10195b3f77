// Limits of uploaded files, shared by the browser (checked before sending), the body limit (413 before reading) and
// the upload route.

/** A place photo: 5 MB. */
export const PHOTO_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
