import { startEmbeddedPostgres } from './embedded-postgres';

/** The child of `startPostgresProcess`: prints the base URL once ready, stops the server on SIGTERM. */
async function main(): Promise<void> {
  const [dataDir, port, socketDir] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true, socketDir });
  process.stdout.write(`${server.baseUrl}\n`);
  const stop = () => {
    server.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The parent went away without stopping us (its end of stdin closed): do not leave a server behind.
  process.stdin.once('end', stop);
  process.stdin.resume();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
