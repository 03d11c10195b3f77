import { describe, expect, it } from 'vitest';
import { randomSecret } from '~/auth/tokens.server';
import { applyShareFlags, JOURNEY_SHARE_TOKEN_PATTERN, JOURNEY_SHARE_TOKEN_PREFIX } from './rules';

describe('journey share link rules', () => {
  it('a new link shows every part unless told otherwise; omitted flags keep what the link had', () => {
    expect(applyShareFlags(null, {})).toEqual({ shareTimeline: true, shareGallery: true, shareMap: true });
    expect(applyShareFlags(null, { shareMap: false })).toEqual({ shareTimeline: true, shareGallery: true, shareMap: false });
    const custom = { shareTimeline: true, shareGallery: false, shareMap: false };
    expect(applyShareFlags(custom, {})).toEqual(custom);
    expect(applyShareFlags(custom, { shareGallery: true })).toEqual({ shareTimeline: true, shareGallery: true, shareMap: false });
  });

  it('a fresh token matches the pattern; trip share tokens and junk do not', () => {
    expect(JOURNEY_SHARE_TOKEN_PATTERN.test(randomSecret(JOURNEY_SHARE_TOKEN_PREFIX))).toBe(true);
    for (const bad of [randomSecret('wms_'), 'wmj_', 'wmj_../../etc', `${randomSecret(JOURNEY_SHARE_TOKEN_PREFIX)}x`]) expect(JOURNEY_SHARE_TOKEN_PATTERN.test(bad)).toBe(false);
  });
});
