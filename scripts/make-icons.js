// Renders the app icons (web app manifest, Apple home screen) from public/icons/icon.svg with sharp. Run it after
// changing the SVG and commit the PNGs: `node scripts/make-icons.js`.
// "any" icons are the SVG as drawn (rounded square); maskable and Apple icons fill the whole square with the brand
// colour and keep the mark inside the central 80 % safe zone, since the platform cuts its own shape out of them.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');
const BRAND = '#4f46e5';

const svg = await fs.readFile(path.join(dir, 'icon.svg'));
/** The mark alone (white diamond) on the full-bleed brand colour, scaled to `scale` of the square. */
const fullBleed = (size, scale) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" fill="${BRAND}"/>` +
      `<g transform="translate(${(size * (1 - scale)) / 2} ${(size * (1 - scale)) / 2}) scale(${(size * scale) / 512})">` +
      `<path d="M256 80l144 176-144 176-144-176z" fill="#fff"/></g></svg>`,
  );

const outputs = [
  ['icon-192.png', 192, svg],
  ['icon-512.png', 512, svg],
  ['maskable-192.png', 192, fullBleed(192, 0.8)],
  ['maskable-512.png', 512, fullBleed(512, 0.8)],
  ['apple-touch-icon.png', 180, fullBleed(180, 0.9)],
];
for (const [name, size, source] of outputs) {
  await sharp(source, { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(dir, name));
  console.log(`public/icons/${name} (${size}×${size})`);
}
