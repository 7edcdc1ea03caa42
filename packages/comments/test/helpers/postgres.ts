/**
 * The PostgreSQL server the tests use: KHABAR_TEST_POSTGRES (`bash scripts/postgres.sh start` starts one
 * and prints its URL; `.ci/run` does it for CI). Without it the PostgreSQL tests are skipped with a
 * message, except under CI=true, where a missing or unreachable server fails them: CI must not pass
 * by testing less.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env['KHABAR_TEST_POSTGRES'];

async function reachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The server's URL when the PostgreSQL tests should run, undefined when they are skipped. Throws (so
 * the test file fails) under CI=true when there is no server.
 */
export async function postgresForTests(): Promise<string | undefined> {
  const problem = POSTGRES_URL ? await reachable(POSTGRES_URL) : 'KHABAR_TEST_POSTGRES is not set';
  if (!problem) return POSTGRES_URL;
  const message = `PostgreSQL store tests: ${problem}. Start a server with \`bash scripts/postgres.sh start\` and set KHABAR_TEST_POSTGRES to the URL it prints.`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`Skipped: ${message}`);
  return undefined;
}

const schemas: string[] = [];

/** A store spec in a schema of its own (dropped by `dropTestSchemas`), so tests never see each other's comments. */
export function freshSchemaUrl(url: string): string {
  const schema = `khabar_test_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  const spec = new URL(url);
  spec.searchParams.set('schema', schema);
  return spec.toString();
}

/** Drops the schemas `freshSchemaUrl` named. */
export async function dropTestSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
