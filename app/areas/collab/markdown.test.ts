import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('**bold** and *it*\n\n- one')).toContain('<strong>bold</strong>');
    expect(renderMarkdown('- one\n- two')).toContain('<li>one</li>');
  });
  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
  it('links only http(s) and mailto, with rel="noopener noreferrer"', () => {
    expect(renderMarkdown('[site](https://example.org)')).toContain('<a href="https://example.org" rel="noopener noreferrer" target="_blank">site</a>');
    expect(renderMarkdown('[mail](mailto:a@example.org)')).toContain('href="mailto:a@example.org"');
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'vbscript:x', 'file:///etc/passwd', '/relative']) {
      expect(renderMarkdown(`[x](${bad})`), bad).not.toContain('<a');
    }
  });
  it('makes bare web addresses links, and shows no images', () => {
    expect(renderMarkdown('see www.example.org')).toContain('href="http://www.example.org"');
    expect(renderMarkdown('![pic](https://example.org/a.png)')).not.toContain('<img');
  });
});
