// A statement cache for PGlite: each distinct SQL text is parsed and planned once as a named prepared statement, and
// later calls only bind and execute it, in one round trip into the WebAssembly engine. PGlite's own query() sends every
// statement unnamed (parse, describe, bind, describe, execute, sync: six calls, and planning each time), which is most
// of the cost of the short queries a web app runs. What drivers such as pgx or postgres.js do by default, for PGlite.
import { parse, protocol, type PGlite, type Results, type Transaction } from '@electric-sql/pglite';

type QueryOptions = Parameters<PGlite['query']>[2];
type BackendMessage = Parameters<typeof parse.parseResults>[0][number];

interface Prepared {
  name: string;
  paramTypes: number[];
  /** The statement's row description (or none for statements returning no rows), reused for every execution. */
  rowDescription: BackendMessage | null;
}

/** PostgreSQL error codes after which a prepared statement must be prepared again (DDL changed what it refers to). */
const STALE_STATEMENT_CODES = new Set(['0A000', '26000']);

/** Statement names are unique in the process, so several caches may share one PGlite instance. */
let statementCounter = 0;

export interface StatementCacheOptions {
  /** Most statements kept prepared; the least recently used one is closed beyond it. */
  maxStatements?: number;
}

function concat(parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Runs queries through named prepared statements (`query` outside a transaction, `queryInTransaction` inside one). */
export function createStatementCache(pg: PGlite, options: StatementCacheOptions = {}) {
  const maxStatements = options.maxStatements ?? 256;
  const statements = new Map<string, Prepared>();

  async function send(parts: Uint8Array[]) {
    return (await pg.execProtocolStream(concat(parts), { syncToFs: false })) as BackendMessage[];
  }

  function close(prepared: Prepared) {
    return send([protocol.serialize.close({ type: 'S', name: prepared.name }), protocol.serialize.sync()]);
  }

  async function prepare(sql: string, queryOptions: QueryOptions): Promise<Prepared> {
    const name = `wm_${(statementCounter += 1).toString(36)}`;
    const messages = await send([
      protocol.serialize.parse({ name, text: sql, types: queryOptions?.paramTypes }),
      protocol.serialize.describe({ type: 'S', name }),
      protocol.serialize.sync(),
    ]);
    const prepared: Prepared = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages),
      rowDescription: messages.find((m) => m.name === 'rowDescription') ?? null,
    };
    if (statements.size >= maxStatements) {
      const [oldestSql, oldest] = statements.entries().next().value as [string, Prepared];
      statements.delete(oldestSql);
      await close(oldest);
    }
    statements.set(sql, prepared);
    return prepared;
  }

  async function execute<T>(prepared: Prepared, params: unknown[], queryOptions: QueryOptions) {
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = prepared.paramTypes[i];
      const serializer = queryOptions?.serializers?.[type] ?? pg.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
    const messages = await send([
      protocol.serialize.bind({ statement: prepared.name, values }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    const all = prepared.rowDescription ? [prepared.rowDescription, ...messages] : messages;
    return parse.parseResults(all, pg.parsers, queryOptions)[0] as Results<T>;
  }

  /**
   * Must run while holding PGlite's query lock. A statement made stale by a schema change is prepared again; outside a
   * transaction the query is then retried, inside one the error stands (the transaction is already aborted).
   */
  async function run<T>(sql: string, params: unknown[], queryOptions: QueryOptions, inTransaction: boolean): Promise<Results<T>> {
    let prepared = statements.get(sql);
    if (prepared) {
      // most recently used last
      statements.delete(sql);
      statements.set(sql, prepared);
    } else {
      prepared = await prepare(sql, queryOptions);
    }
    try {
      return await execute<T>(prepared, params, queryOptions);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !STALE_STATEMENT_CODES.has(code)) throw error;
      statements.delete(sql);
      await close(prepared);
      if (inTransaction) throw error;
      return execute<T>(await prepare(sql, queryOptions), params, queryOptions);
    }
  }

  return {
    get size() {
      return statements.size;
    },
    /** A query outside any transaction: waits for a running transaction, like PGlite's own query(). */
    async query<T>(sql: string, params: unknown[] = [], queryOptions?: QueryOptions) {
      await pg.waitReady;
      const result = await pg._runExclusiveTransaction(() => pg._runExclusiveQuery(() => run<T>(sql, params, queryOptions, false)));
      await pg.syncToFs();
      return result;
    },
    /** A query inside a transaction the caller runs (the transaction lock is already held). */
    queryInTransaction<T>(sql: string, params: unknown[] = [], queryOptions?: QueryOptions) {
      return pg._runExclusiveQuery(() => run<T>(sql, params, queryOptions, true));
    },
  };
}

/**
 * The PGlite face the Prisma adapter and Waymark's raw SQL use (query, exec, transaction), with queries going through
 * the statement cache. exec() (multi-statement scripts, BEGIN/COMMIT) stays PGlite's own.
 */
export function withStatementCache(pg: PGlite, options?: StatementCacheOptions): PGlite {
  const cache = createStatementCache(pg, options);
  const facade = {
    query: <T>(sql: string, params?: unknown[], queryOptions?: QueryOptions) => cache.query<T>(sql, params, queryOptions),
    exec: pg.exec.bind(pg),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) =>
      pg.transaction((tx) =>
        fn({
          ...tx,
          query: <R>(sql: string, params?: unknown[], queryOptions?: QueryOptions) => {
            if (tx.closed) throw new Error('Transaction is closed');
            return cache.queryInTransaction<R>(sql, params, queryOptions);
          },
          get closed() {
            return tx.closed;
          },
        } as Transaction),
      ),
  };
  return facade as unknown as PGlite;
}
