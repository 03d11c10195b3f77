// Writes app/styles/dark.css, the dark theme's palette, from Tailwind's own (decision 033). Run after a Tailwind upgrade:
//   npx tsx scripts/dark-palette.ts
// tests/unit/display-contrast.test.ts fails when the file and Tailwind's palette drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { darkPalette } from '../app/domain/dark-palette';

const theme = readFileSync(new URL('../node_modules/tailwindcss/theme.css', import.meta.url), 'utf8');
const lines = Object.entries(darkPalette(theme)).map(([name, value]) => `--color-${name}: ${value};`);
const indent = (n: number) => lines.map((l) => ' '.repeat(n) + l).join('\n');
const css = `/* The dark theme (decision 033), written by scripts/dark-palette.ts from Tailwind's palette; do not edit by hand.
   Tailwind's utilities read the palette variables, so the dark theme remaps them here, in one place, rather than a
   dark: class on every component. html.dark is the user's choice "dark"; data-theme="system" follows the device.
   Images, photos and map tiles are not filtered: they look as in the light theme. */
html.dark {
  color-scheme: dark;
${indent(2)}
}

@media (prefers-color-scheme: dark) {
  html[data-theme='system'] {
    color-scheme: dark;
${indent(4)}
  }
}
`;
writeFileSync(new URL('../app/styles/dark.css', import.meta.url), css);
