import { describe, expect, it } from 'vitest';
import { markdownAsText, projectPoints } from './book.server';

describe('the PDF book helpers', () => {
  it('prints Markdown as plain text: marks and link targets go, the words stay', () => {
    expect(markdownAsText('## Day one\n\nWe **walked** to [the castle](https://example.test/c) and saw `tram 28`.\n\n\n\n- pastel\n- coffee\n> quiet')).toBe(
      'Day one\n\nWe walked to the castle and saw tram 28.\n\n• pastel\n• coffee\nquiet',
    );
  });

  it('places positions inside the frame, north up, west left; a single one in the middle', () => {
    const [lisbon, porto] = projectPoints([{ lat: 38.72, lng: -9.14 }, { lat: 41.15, lng: -8.61 }], 400, 300);
    expect(porto.y).toBeLessThan(lisbon.y);
    expect(lisbon.x).toBeLessThan(porto.x);
    for (const p of [lisbon, porto]) {
      expect(p.x).toBeGreaterThanOrEqual(16);
      expect(p.x).toBeLessThanOrEqual(384);
      expect(p.y).toBeGreaterThanOrEqual(16);
      expect(p.y).toBeLessThanOrEqual(284);
    }
    expect(projectPoints([{ lat: 10, lng: 20 }], 400, 300)).toEqual([{ x: 200, y: 150 }]);
    expect(projectPoints([], 400, 300)).toEqual([]);
  });
});
