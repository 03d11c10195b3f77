// The dark theme is readable: body text on the main surfaces reaches WCAG's 4.5:1 (computed from the palette the
// stylesheet uses), and app/styles/dark.css is what scripts/dark-palette.ts writes from Tailwind's current palette.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { darkPalette, lightPalette } from '~/domain/dark-palette';

const themeCss = readFileSync('node_modules/tailwindcss/theme.css', 'utf8');
const light: Record<string, string> = { ...lightPalette(themeCss), white: 'oklch(100% 0 0)', black: 'oklch(0% 0 0)' };
const dark: Record<string, string> = darkPalette(themeCss);

/** oklch(L% C H) → WCAG relative luminance (through OKLab and linear sRGB, clipped to the gamut). */
function luminance(oklch: string) {
  const m = /oklch\(([\d.]+)%\s+([\d.]+)\s+([\d.]+)\)/.exec(oklch);
  if (!m) throw new Error(`not an oklch colour: ${oklch}`);
  const [L, C, H] = [Number(m[1]) / 100, Number(m[2]), (Number(m[3]) * Math.PI) / 180];
  const [a, b] = [C * Math.cos(H), C * Math.sin(H)];
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const mm = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  const r = clip(4.0767416621 * l - 3.3077115913 * mm + 0.2309699292 * s);
  const g = clip(-1.2684380046 * l + 2.6097574011 * mm - 0.3413193965 * s);
  const bl = clip(-0.0041960863 * l - 0.7034186147 * mm + 1.707614701 * s);
  return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('dark theme', () => {
  it('the stylesheet holds the palette derived from Tailwind’s (run npx tsx scripts/dark-palette.ts after an upgrade)', () => {
    const css = readFileSync('app/styles/dark.css', 'utf8');
    for (const [name, value] of Object.entries(dark)) {
      expect(css.split(`--color-${name}: ${value};`).length - 1, name).toBe(2); // html.dark and the system block
    }
  });

  // [text, surface] pairs the app uses for body text and labels: page (slate-50), cards and fields (white), chips (slate-100).
  const pairs: [string, string][] = [
    ['slate-900', 'slate-50'], ['slate-900', 'white'], ['slate-800', 'white'], ['slate-700', 'white'], ['slate-600', 'white'],
    ['slate-600', 'slate-50'], ['slate-500', 'white'], ['slate-700', 'slate-100'], ['indigo-600', 'white'], ['indigo-700', 'white'],
    ['red-700', 'white'], ['emerald-700', 'white'], ['amber-800', 'amber-100'], ['emerald-800', 'emerald-100'], ['amber-950', 'amber-50'],
    ['white', 'indigo-600'], ['white', 'red-600'], ['red-700', 'red-50'], ['indigo-700', 'indigo-50'],
  ];
  it.each(pairs)('%s text on %s reaches 4.5:1 in both themes', (text, surface) => {
    expect(contrast(light[text], light[surface])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dark[text], dark[surface])).toBeGreaterThanOrEqual(4.5);
  });

  it('surfaces stay apart: page darker than cards, cards darker than chips', () => {
    expect(luminance(dark['slate-50'])).toBeLessThan(luminance(dark.white));
    expect(luminance(dark.white)).toBeLessThan(luminance(dark['slate-100']));
  });
});
