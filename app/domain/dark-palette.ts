// The dark theme's palette, derived from Tailwind's light one (decision 033): each shade takes its mirror (50 ↔ 950,
// 100 ↔ 900, …; the grey 500s take their 400, so secondary text stays readable on dark surfaces), white becomes the
// surface of cards and fields (between the page's slate-950 and the chips' slate-900), black becomes near-white.
// Used by scripts/dark-palette.ts to write app/styles/dark.css and by the contrast test.

const SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950] as const;
const GREYS = new Set(['slate', 'gray', 'zinc', 'neutral', 'stone']);
export const DARK_SURFACE = 'oklch(17% 0.035 265.755)';
export const DARK_INK = 'oklch(98.4% 0.003 247.858)';

/** name → value of every palette variable Tailwind's theme.css defines ("slate-500" → "oklch(…)"). */
export function lightPalette(themeCss: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of themeCss.matchAll(/--color-([a-z]+-\d+):\s*(oklch\([^)]*\))/g)) out[m[1]] = m[2];
  return out;
}

/** The same names with their dark-theme values, plus white and black. */
export function darkPalette(themeCss: string): Record<string, string> {
  const light = lightPalette(themeCss);
  const hues = [...new Set(Object.keys(light).map((name) => name.split('-')[0]))];
  const out: Record<string, string> = { white: DARK_SURFACE, black: DARK_INK };
  for (const hue of hues) {
    for (const shade of SHADES) {
      const mirror = shade === 500 ? (GREYS.has(hue) ? 400 : 500) : 1000 - shade;
      const value = light[`${hue}-${mirror}`];
      if (value) out[`${hue}-${shade}`] = value;
    }
  }
  return out;
}
