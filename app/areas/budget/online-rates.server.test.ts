import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { currentRate } from './online-rates.server';

// A stand-in for the rates service: answers 1 unit of `from` in `to` from this table.
const RATES: Record<string, number> = { 'IDR>EUR': 0.000057, 'VND>EUR': 1e-7, 'EUR>VND': 27_000.5 };
let server: Server;
let config: { budgetRatesUrl: string; outboundAllowPrivate: boolean };

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const key = `${url.searchParams.get('from')}>${url.searchParams.get('to')}`;
    res.setHeader('content-type', 'application/json');
    if (!(key in RATES)) {
      res.statusCode = 404;
      res.end('{"message":"not found"}');
    } else res.end(JSON.stringify({ rates: { [url.searchParams.get('to')!]: RATES[key] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  config = { budgetRatesUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, outboundAllowPrivate: true };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('current exchange rates', () => {
  it('gives plain decimal text, never exponent notation, for very small rates', async () => {
    // JSON carries 1e-7 as "1e-7"; String() would keep it so, and no rate field accepts that.
    expect(await currentRate(config, 'VND', 'EUR')).toBe('0.0000001');
    expect(await currentRate(config, 'IDR', 'EUR')).toBe('0.000057');
    expect(await currentRate(config, 'EUR', 'VND')).toBe('27000.5');
  });

  it('answers null for a currency the service does not know', async () => {
    expect(await currentRate(config, 'XTS', 'EUR')).toBeNull();
  });
});
