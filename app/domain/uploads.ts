// Limits of uploaded files, shared by the browser (checked before sending), the body limit (413 before reading) and
// the upload route.

/** A place photo: 5 MB. */
export const PHOTO_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** A journey photo (phone cameras write 3–12 MB): 15 MB. Re-encoded smaller on arrival. */
export const JOURNEY_PHOTO_UPLOAD_MAX_BYTES = 15 * 1024 * 1024;
