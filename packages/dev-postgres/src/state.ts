/** The test server's address: globalSetup sets it before jest forks the workers, which inherit it. */
export function testPostgresUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('TEST_POSTGRES_URL is not set: run the tests through jest (globalSetup starts PostgreSQL)');
  return url;
}
