import { describe, expect, it } from 'vitest';
import { markdownAsText } from './book.server';

describe('the PDF book helpers', () => {
  it('prints Markdown as plain text: marks and link targets go, the words stay', () => {
    expect(markdownAsText('## Day one\n\nWe **walked** to [the castle](https://example.test/c) and saw `tram 28`.\n\n\n\n- pastel\n- coffee\n> quiet')).toBe(
      'Day one\n\nWe walked to the castle and saw tram 28.\n\n• pastel\n• coffee\nquiet',
    );
  });
});
