// Notes are Markdown. Rendered with markdown-it with raw HTML off (typed HTML shows as text), no images (no requests
// to outside hosts by merely opening a note), links only to http(s) and mailto, each opening in a new tab with
// rel="noopener noreferrer". The output is therefore safe to put into the page as HTML.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
md.disable(['image']);
md.validateLink = (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim());

const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  tokens[idx].attrSet('target', '_blank');
  return renderLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
