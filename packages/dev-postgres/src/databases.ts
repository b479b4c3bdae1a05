import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '@rg/data-helpers';
import { testPostgresUrl } from './state';

/** A fresh, uniquely named database on the test server, for one test file. */
export async function freshDatabaseUrl(prefix: string): Promise<string> {
  const url = `${testPostgresUrl()}/${prefix.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(url);
  return url;
}
