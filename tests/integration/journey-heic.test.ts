// HEIC photos (what iPhones send) through real HTTP, a real database and the filesystem store: decoded on the server
// (libheif as WebAssembly), stored as JPEG without metadata, thumbnail made, EXIF date and position read from the HEIC,
// and the size and type limits still hold. The sample was made here for this test: a 1024×768 picture (its top-left
// quarter blue) with a capture date and a GPS position in EXIF, encoded by libheif's heif-enc (which writes item offsets
// as base offsets, the layout exifr alone cannot read).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { heifWithAbsoluteOffsets, isHeif } from '~/domain/uploads-heic.server';

const SAMPLE_HEIC = Buffer.from(
  [
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAYFtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAA',
  'AAAAABAAAANGlsb2MAAAAAREAAAgABAAAAAAGlAAEAAAAAAAAJbQACAAAAAAsSAAEAAAAAAAABeAAAADhpaW5mAAAAAAACAAAAFWluZmUCAAAA',
  'AAEAAGh2YzEAAAAAFWluZmUCAAABAAIAAEV4aWYAAAAAwGlwcnAAAACiaXBjbwAAAHZodmNDAQNwAAAAAAAAAAAAXfAA/P34+AAADwMgAAEAGE',
  'ABDAH//wNwAAADAJAAAAMAAAMAXboCQCEAAQApQgEBA3AAAAMAkAAAAwAAAwBdoAIAgDAWW6kkprmwIAAAAwAgAAADACEiAAEAB0QBwXKwYkAA',
  'AAAUaXNwZQAAAAAAAAQAAAADAAAAABBwaXhpAAAAAAMICAgAAAAWaXBtYQAAAAAAAAABAAEDgQKDAAAAGmlyZWYAAAAAAAAADmNkc2MAAgABAA',
  'EAAArtbWRhdAAACWkoAa8ZGCYazV+y2Ewm4t1muVjA93xY3ZltNROntIzZWfrotIGTDxBkxU5zYAsjYJF57TgZe5tih1xs+zf0c354rzKsTiWe',
  '3U3j86ro27TNmT/ro1sAAVbuMK0vlhxzC5GUQDkrQDkd/JAFwVGcKu7wl4L/J6OD7wP9jtQ2BNovX+tgkrWTHE50LVZGQF1s26eIB7SrvAfKHD',
  'PFcAA9YWp5FM17f/sqsBRo5vGSCOke2cHv6L7v1RLI8LfrnJs8ayJ51iIKPdj3NxyAkxT3SLbHs9idPqkR4mfXcaQFq6rB4pvxzBimkjOmUQ3N',
  '+ztE4Y/gObg9dyN0U+K9DZoVIqMR9a5g99EdIEm5VNpClsCgWXTAva50cpF9ioClYxVnzXfY0yKGBUVTnfZpov7YJ6qkD0zBzwhTzUch88EzeU',
  '1TJCIdnGPwr/Ks9h/C2pL8oTFp1gFciI1LuOXsa7p8QglOgR2lx7RlrbouYKPDsTuEgFs9TuS5uEM9ZY+ZHETUap4i+m0ohHPXcOoz7/3UKrW7',
  'f7kzxrILmrjzgRdvoRVvGALCXng1vfpxWHMW8gnzDbUkthzWagyD9ThuB4tz/HUqga6Eo9rfnLAvwJ85uRQusXYLgM0b/qGTYM0AneL3j+AsxF',
  'RUzh5W9Fqgi8ZvXqDPiAKDCzyVuP6LAEABP3bgqC6ZJ6bVLO/uabdGimGXduiZYt0bOc2/0jYC0YdX9fKizXTYwlTS1Vl6Rvz3XxEXzP8Pk+jS',
  'mssW91yL/OMOfs9D6o8HdI35jdN5mrsoMfuY6tbhJRu8HonDPMnUk50DMznDw/Bn/RXYlIKblF44SZSjLWyRX3lNmgq1OB81uiC0cSlNn4c9ZA',
  'ob1adxoaRQLIFF3nlIh/76+V8l+YsjLgi1E2j1EtJLC2sJKoku1wrVDnFUMiSdxb3a1Yr+yjsq3M2T2vd5CYcCujp9IfNip15Jd+UoSwmmNC3B',
  'eBBAYeRrn8FSIz4ovd60Ggur7XU0HBwwJ/8tBujmyLYpElARMI5k3RBmZQbyifQWImfVFIx8ntjmug1I7RYOlQu1UrNaQGeYnL133U1LniPE9R',
  '1v8cY5wQ2KMJ2CxeAcz15v9xxvpfC4AgCQyBE07LnM3SbslRF6J8qxT4UhSA/AXpOnX6wfpVJdZ0PVTTkQ9ujf9M5tJ5aEIQEBRQRq4YBhvCn2',
  'FeWbPIB6VjyIJrFm7H5q4haU9XzADztvsmGEyv8e697jpNg+6cpUu5PL+FpOmrP3u4D1tsFcU94j9nW8SvqTXhT7mqizpUZuiONBSIW7/WV8sF',
  'UPDDltKK0Q+zyQO+D7jFkJYg09E8ZJd7Xnr6Tc054lEny8Gh5BHiCrMQHFMIfUUrBkoTjvR7hw9UCn/grLPHerXiDkKb2tEZdEevwugCUvoM8E',
  'dOK5WBOCjh88xkdzXpMwFl2CvMY2SLHH2oA3CnCUJVSxcyhQNP0Ypo4QONh1OXCQbFIo5PO4UAx5T0D2lmutF7xGTh31MsPEJc2KhjdFfLYJyR',
  'ycL0729G7nmVztH55mCCkaEWuxxjFfdyfskLvBGf4ZgCacQUDnPPG5JFdj5/Kv9T2SczcbQdanMoK7RaBKjqdabfRqTUwRua18pNZscGN3eG2G',
  'F3d6t0jftodNJHNPmK3kYeJXGOBh0nDJWWqvyVGh8kEnxLYtJIe0SZJyfGJHX+dPgpBOnDXX/8AJyb0PCS3mZkFF5SZqyZY1ffPFdpYDMLD9fu',
  '6/grEEHmzsZl0fIvfVIujHvtvECH/I1tvW2cjXcn7rSNaZEahcVyhmJxS9h7MRbrhwg9bXvnAf5cZaPTpwOnaibLfKQeRdY6R7hU5qSX340O58',
  'MGM6HuJElACGXJczwPyz4ckMJVL1BS13cvBN/52jB8qVvHOmdZJRJcQuf68Dne3QUeUfbWt4AZWsC1w9H2jSldPqzG3UkUzO0YTF3DmafzM1mL',
  '6LbxUouEKSA2C7yE0fhQFFZyjBuj0vhsLm2EtcUEax2+f2z7MmWoYIqoI12PxS6ubP+juduv/jJeePcU2Qe6EV1o08yBAGQI0s1W8Vb5JYm3xH',
  'Yr5maluuo6grx1uU5t4SALI6h73bpjGibaMSI9Ni/U8J7HpvCO5VhaPdRLPPWby7zW5NMg6cXgfoGVAk9Z5OtazE0q8o6ozWyHVHG1WcdYpwnq',
  '2CCAUoxl45Kg+Wm9Vy1YEVzgKzlVIV0ZpWyH9IId4fTo6pqrjmOJg+MnCdIovIQ0BdxrbG9e0LRgYt9EpVNtdK9CRy8gRH5be6akKxvLpt4Pj9',
  '0JnxJhSc5WziWeA+W31EJZ/UewTLXjP/amHllO5UVyfYmzVC5K5iylr2okDUcc9s8Ma1baeYV8BiIs4tFt5eb+SBSYFoUYweosm7Dlr6Xq/pny',
  'xKWpXMP8ki77ZY0djRe1oVZo89ZGbra+iHkaiiF8UfDueLekaAwk0D2by3BrwlhS5vfnNqfG7IdknVmsGXyUCCwBK+DmwCXK3+0UssmGLHbW2n',
  'PGy7AKbdItevHuU72ZrXYldiw9iqH+2ETeWishXy8Uiv7W3DwsiLtWOfPcPjcEsDS+lIxID6imMZt3XEajvADAKnuekbz7ZUccoo/SMnsjywvb',
  'LQbUpv7br6lDiSulMEQyET5FMkVen9PTeNCkS3dZLRm8VvlN9aLr6fDy7jJd8nVe0OQdjLyCrAwYcG6JHTr4Oqing4amBWv+Bth+avHbdymNAy',
  'nSlXfYvhz6Cm4n+6ADJPenc6IZraIiVLJFBlmftajg9LIFjRG1Nx0Dv8jmqSDH+IqVr4mZT1kthWRrQ8t9i5FrFwH5GEk61cf9UFLEwkLUseVZ',
  'gy3zlpsceigBVvF0Dw4i+f0BgD2v5i9nwNX5+5Q0+a/3+fx4MictH+pZgrTeT4rr55/QS2XUL3fWpZXUufylqdIHRXRyqW1nUJmdKpOoTSwf6O',
  'SDFBFhyYH5wPndIjIUaAWt+faydsUdL3js4Ym7mUUJAxWP6JVOTvS/WRfhOngKrRZ9e+HyRGN8smE8jPWaxNeFH26UhjVJKisli+Hx+WzJWOkf',
  'wXmbtgeAOiFk4kZgvqYBDfP996DbBLfYZgK01qVVRjQR6fcTXcfQATjObNV0QC5bHMRj/j/5cUXyyRt2vzHtg5PdRyy365kCUhfHdWh4XsW8Tw',
  'uRBE9527X/hARoFX61crgSE1azA/rjUcWqgsBWAAAAAASUkqAAgAAAAJAA8BAgAKAAAAlgAAABIBAwABAAAAAQAAABoBBQABAAAAegAAABsBBQ',
  'ABAAAAggAAACgBAwABAAAAAgAAABMCAwABAAAAAQAAAJiCAgAMAAAAigAAAGmHBAABAAAAoAAAACWIBAABAAAADgEAAAAAAAA4YwAA6AMAADhj',
  'AADoAwAASmFuZSBTZWNyZXQAVGVzdFBob25lAAcAAJAHAAQAAAAwMjEwA5ACABQAAAD6AAAAAZEHAAQAAAABAgMAAKAHAAQAAAAwMTAwAaADAA',
  'EAAAD//wAAAqAEAAEAAAAABAAAA6AEAAEAAAAAAwAAAAAAADIwMjc6MDY6MTQgMDk6MzA6MDAABAABAAIAAgAAAE4AAAACAAUAAwAAAFwBAAAD',
  'AAIAAgAAAEUAAAAEAAUAAwAAAEQBAAAAAAAAAgAAAAEAAAARAAAAAQAAACgAAAABAAAAMAAAAAEAAAAzAAAAAQAAAB4AAAABAAAA',
  ].join(''),
  'base64',
);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-journey-heic-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const suite = procedureSuite([{ displayName: 'Hana Okonkwo' }, { displayName: 'Ivo Petrakis' }], () => ({ DATA_DIR: dataDir }));
const photoDir = path.join(dataDir, 'uploads', 'journey-photos');
const storedFiles = () => (fs.existsSync(photoDir) ? fs.readdirSync(photoDir).filter((f) => !f.endsWith('.type')).sort() : []);
const db = () => suite.server.services.db;

let hana: TestUser, ivo: TestUser;
let journeyId: number, entryId: number;

const upload = (user: TestUser, body: Uint8Array, query = `?entryId=${entryId}`) =>
  fetch(`${suite.server.url}/api/journeys/${journeyId}/photos${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/heic', Origin: suite.server.url, Cookie: user.cookie },
    body: new Uint8Array(body),
  });
const get = (user: TestUser, url: string) => fetch(`${suite.server.url}${url}`, { headers: { Cookie: user.cookie } });

beforeAll(async () => {
  [hana, ivo] = suite.users;
  await suite.server.services.addons.set('journey', true);
  const journey = await db().journey.create({
    data: {
      ownerId: hana.user.id,
      title: 'Paris in June',
      status: 'active',
      contributors: { create: [{ userId: hana.user.id, role: 'owner' }, { userId: ivo.user.id, role: 'editor' }] },
    },
  });
  journeyId = journey.id;
  entryId = (await db().journeyEntry.create({ data: { journeyId, entryDate: new Date('2027-06-14T00:00:00Z'), title: 'Trocadéro', visibility: 'shared', authorId: hana.user.id } })).id;
});

describe('HEIC journey photos', () => {
  it('recognises HEIF files by their first bytes, and AVIF as something else', () => {
    expect(isHeif(SAMPLE_HEIC)).toBe(true);
    const avif = Buffer.from(SAMPLE_HEIC.subarray(0, 32));
    avif.write('avif', 8, 'latin1');
    expect(isHeif(avif)).toBe(false);
    avif.write('mif1', 8, 'latin1');
    avif.write('avif', 16, 'latin1');
    avif.write('miaf', 20, 'latin1');
    avif.write('avis', 24, 'latin1');
    expect(isHeif(avif)).toBe(false);
    expect(isHeif(Buffer.from('GIF89a-not-a-heif-file'))).toBe(false);
  });

  it('uploads a HEIC photo: stored as JPEG without metadata, thumbnail made, EXIF date and position read from the HEIC', async () => {
    // exifr alone cannot find this file's EXIF block (base offsets); the server's copy with absolute offsets can
    expect((await exifr.parse(SAMPLE_HEIC, { gps: true }))?.DateTimeOriginal).toBeUndefined();
    expect((await exifr.parse(Buffer.from(heifWithAbsoluteOffsets(SAMPLE_HEIC)), { gps: true }))?.DateTimeOriginal).toEqual(new Date('2027-06-14T09:30:00Z'));

    const before = storedFiles().length;
    const response = await upload(ivo, SAMPLE_HEIC);
    expect(response.status).toBe(201);
    const { photo } = (await response.json()) as { photo: { id: number; url: string; thumbUrl: string; mime: string; takenAt: string; entryId: number } };
    expect(photo).toMatchObject({ entryId, mime: 'image/jpeg', takenAt: '2027-06-14T09:30:00.000Z' });
    const row = await db().journeyPhoto.findUniqueOrThrow({ where: { id: photo.id } });
    expect(row).toMatchObject({ uploaderId: ivo.user.id, mime: 'image/jpeg', width: 1024, height: 768 });
    expect(row.lat).toBeCloseTo(48.8583, 3);
    expect(row.lng).toBeCloseTo(2.2944, 3);
    expect(storedFiles()).toHaveLength(before + 2);

    const full = await get(hana, photo.url);
    expect([full.status, full.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(await exifr.parse(bytes)).toBeUndefined();
    expect(bytes.includes(Buffer.from('Jane Secret'))).toBe(false);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 1024, height: 768 });
    // the decoded pixels are the picture's: the top-left quarter blue, the bottom-right one yellowish
    const { data } = await sharp(bytes).extract({ left: 100, top: 100, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[2]).toBeGreaterThan(170);
    expect(data[0]).toBeLessThan(60);
    const corner = await sharp(bytes).extract({ left: 1000, top: 740, width: 1, height: 1 }).raw().toBuffer();
    expect([corner[0]! > 200, corner[1]! > 200, corner[2]! < 100]).toEqual([true, true, true]);

    const thumb = Buffer.from(await (await get(hana, photo.thumbUrl)).arrayBuffer());
    expect(await sharp(thumb).metadata()).toMatchObject({ width: 480, height: 360, format: 'jpeg' });
  });

  it('still refuses a damaged HEIC (422) and one over the size limit (413), storing nothing', async () => {
    const before = { files: storedFiles().length, rows: await db().journeyPhoto.count({ where: { journeyId } }) };
    const damaged = Buffer.concat([SAMPLE_HEIC.subarray(0, 40), Buffer.alloc(400, 9)]);
    const refusal = await upload(ivo, damaged);
    expect(refusal.status).toBe(422);
    expect(((await refusal.json()) as { error: string }).error).toBe('unreadable');

    const huge = Buffer.concat([SAMPLE_HEIC, Buffer.alloc(15 * 1024 * 1024, 0)]);
    expect((await upload(ivo, huge)).status).toBe(413);

    expect({ files: storedFiles().length, rows: await db().journeyPhoto.count({ where: { journeyId } }) }).toEqual(before);
  });
});
