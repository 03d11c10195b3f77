// Where a journey photo's bytes are served (browser and server): to contributors, and on the public page by its token.
export type PhotoVariant = 'full' | 'thumb';

export const journeyPhotoUrl = (photoId: number, variant: PhotoVariant, base = '/api/journey-photos') => `${base}/${photoId}/${variant}`;
