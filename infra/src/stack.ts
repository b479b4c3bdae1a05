import { DEFAULT_TRAINEES, DEMO_REFERENCE_DATE } from '@rg/demo-province';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseUrlVariable, portVariable, socketVariable, subgraphUrlVariable, DEPARTMENTS, type Department } from '@rg/departments';
import { generateGatewayKeyPair } from '@rg/access';
import { freePort, startEmbeddedPostgres, unixSocketsFromEnv, type EmbeddedServer } from '@rg/dev-postgres';
import { departments, departmentEntryPoint } from './departments';
import { departmentDatabaseUrl } from './provision';
import { seedProvince, type SeedTimings } from './seed-province';
import { spawnService, waitUntilReady, type ServiceProcess } from './processes';
import { createProgress } from './progress';
import { portNumber } from '@rg/settings';

export interface StackOptions {
  /** Embedded PostgreSQL data directory; ignored when every department has a database URL. */
  dataDir: string;
  postgresPort?: number;
  gatewayPort?: number;
  /** Listen on the manifest's ports (4001, 4002, …; HR_PORT etc. override) instead of free ones. */
  manifestPorts?: boolean;
  trainees?: number;
  /** Hide the services' own output (their errors still show). */
  quiet?: boolean;
  /** Progress bars while seeding large provinces. */
  progress?: boolean;
  /** Extra environment for every service (e.g. NODE_ENV, JWT_SECRET). */
  env?: NodeJS.ProcessEnv;
  /** Database URL per department, e.g. on the tests' server; otherwise from the environment or embedded. */
  databaseUrls?: Record<string, string>;
  /** Extra settings of the embedded PostgreSQL server, `name=value`. */
  postgresSettings?: string[];
  /** Receives the embedded server's log output. */
  postgresLog?: (message: string) => void;
  /**
   * Same-machine traffic over Unix sockets (default: on unless UNIX_SOCKETS=off): each
   * department also listens on a socket in this run's own directory and the gateway reaches
   * it there; departments reach the embedded PostgreSQL over its socket. Ports stay as they are.
   */
  unixSockets?: boolean;
}

/** The gateway's signing key and the public keys the departments accept (JSON texts, as in the environment). */
export interface GatewayKeys {
  signingKey: string;
  publicKeys: string;
}

export interface Stack {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  databaseUrls: Record<string, string>;
  /** Each department's Unix socket, when the stack uses them (the gateway's route to it; its port still answers). */
  subgraphSockets: Record<string, string>;
  services: Map<string, ServiceProcess>;
  /** The keys this stack's gateway signs with and its departments accept. */
  gatewayKeys: GatewayKeys;
  /** Starts a department or the gateway again after it was stopped (partial-failure tests), optionally with changed environment (key rotation, a bench switching a cache on). */
  restart(name: string, env?: NodeJS.ProcessEnv): Promise<void>;
  stop(): Promise<void>;
  /** Where start-up spent its time: generating the demo province, migrating and seeding it, starting the services. */
  timings: SeedTimings & { servicesMs: number };
}

/**
 * The operator's keys when the environment (or options.env) has both; otherwise a fresh
 * development pair for this run, so the departments admit this stack's gateway and no other.
 */
async function gatewayKeysFor(env: NodeJS.ProcessEnv): Promise<GatewayKeys> {
  if (env.GATEWAY_SIGNING_KEY && env.GATEWAY_PUBLIC_KEYS) return { signingKey: env.GATEWAY_SIGNING_KEY, publicKeys: env.GATEWAY_PUBLIC_KEYS };
  const { privateJwk, publicJwk } = await generateGatewayKeyPair();
  return { signingKey: JSON.stringify(privateJwk), publicKeys: JSON.stringify({ keys: [publicJwk] }) };
}

function allDatabasesConfigured(): boolean {
  return DEPARTMENTS.every((name) => Boolean(process.env[databaseUrlVariable(name)]));
}

/**
 * The whole system as separate processes: PostgreSQL (embedded unless every department has a
 * URL), five provisioned department databases, five subgraph processes and the gateway.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  // The run's own directory for its sockets (short: a socket path has a ~100-byte limit), removed on stop.
  const runDir = (options.unixSockets ?? unixSocketsFromEnv()) ? mkdtempSync(path.join(tmpdir(), 'returnee-run-')) : undefined;
  if (runDir) chmodSync(runDir, 0o755); // PostgreSQL, run as its own user, makes its socket in a directory inside
  const removeRunDir = () => runDir && rmSync(runDir, { recursive: true, force: true });
  let postgres: EmbeddedServer | undefined;
  try {
    if (!options.databaseUrls && !allDatabasesConfigured()) {
      postgres = await startEmbeddedPostgres({
        dataDir: options.dataDir, port: options.postgresPort ?? (await freePort()), settings: options.postgresSettings, onLog: options.postgresLog,
        socketDir: runDir && path.join(runDir, 'postgres'),
      });
    }
  } catch (error) {
    removeRunDir();
    throw error;
  }
  const services = new Map<string, ServiceProcess>();
  try {
    const progress = options.progress ? createProgress() : undefined;
    const databaseUrls: Record<string, string> = {};
    for (const department of departments) {
      databaseUrls[department.name] = options.databaseUrls?.[department.name]
        ?? departmentDatabaseUrl(department, postgres?.socketBaseUrl ?? postgres?.baseUrl);
    }
    const subgraphSockets: Record<string, string> = {};
    if (runDir) for (const department of departments) subgraphSockets[department.name] = path.join(runDir, `${department.name}.sock`);
    const seeding = await seedProvince({
      trainees: options.trainees ?? DEFAULT_TRAINEES, departments, databaseUrls, onProgress: progress?.update,
    });
    progress?.stop();
    const seeded = performance.now();

    const gatewayKeys = await gatewayKeysFor({ ...process.env, ...options.env });
    const subgraphUrls: Record<string, string> = {};
    const environments: Record<string, NodeJS.ProcessEnv> = {};
    for (const department of departments) {
      const port = options.manifestPorts ? portNumber(process.env, portVariable(department.name), department.port, 1) : await freePort();
      subgraphUrls[department.name] = `http://127.0.0.1:${port}/graphql`;
      environments[department.name] = {
        // The stack serves the demo province, whose records stop at its reference date: the
        // scorecard is judged as of that day unless the environment says otherwise.
        SCORECARD_REFERENCE_DATE: process.env.SCORECARD_REFERENCE_DATE ?? DEMO_REFERENCE_DATE,
        ...options.env,
        GATEWAY_PUBLIC_KEYS: gatewayKeys.publicKeys,
        [databaseUrlVariable(department.name)]: databaseUrls[department.name],
        [portVariable(department.name)]: String(port),
        ...(runDir ? { [socketVariable(department.name)]: subgraphSockets[department.name] } : {}),
      };
    }
    const startDepartment = async (name: string, env?: NodeJS.ProcessEnv) => {
      const department = departments.find((d) => d.name === name);
      if (!department) throw new Error(`unknown department ${name}`);
      if (env) environments[name] = { ...environments[name], ...env };
      const service = spawnService(name, departmentEntryPoint(department), environments[name], options.quiet);
      services.set(name, service);
      // On a machine busy with other work a department can take over a minute to build its schema.
      await waitUntilReady(subgraphUrls[name].replace('/graphql', '/ready'), 120_000, service.child);
    };
    // A free port is free when asked, not when bound: a parallel run may take it in between.
    // A department (or the gateway) that lost its port that way starts again on another one.
    const portTaken = async (service: ServiceProcess) => {
      await new Promise((resolve) => setTimeout(resolve, 200)); // its last words may still be in the pipe
      return service.output.some((line) => line.includes('EADDRINUSE'));
    };
    const startOnFreshPort = async (name: string) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await startDepartment(name);
        } catch (error) {
          if (options.manifestPorts || attempt >= 3 || !(await portTaken(services.get(name)!))) throw error;
          const port = await freePort();
          subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
          environments[name] = { ...environments[name], [portVariable(name as Department)]: String(port) };
        }
      }
    };
    await Promise.all(departments.map((d) => startOnFreshPort(d.name)));

    let gatewayPort = options.gatewayPort ?? (await freePort());
    let gatewayEnv: NodeJS.ProcessEnv = { ...options.env, GATEWAY_SIGNING_KEY: gatewayKeys.signingKey };
    for (const department of departments) {
      gatewayEnv[subgraphUrlVariable(department.name)] = subgraphUrls[department.name];
      if (runDir) gatewayEnv[socketVariable(department.name)] = subgraphSockets[department.name];
    }
    const startGateway = async () => {
      const gateway = spawnService('gateway', require.resolve('@rg/gateway/dist/main.js'), { ...gatewayEnv, GATEWAY_PORT: String(gatewayPort) }, options.quiet);
      services.set('gateway', gateway);
      await waitUntilReady(`http://127.0.0.1:${gatewayPort}/ready`, 120_000, gateway.child);
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await startGateway();
        break;
      } catch (error) {
        if (options.gatewayPort || attempt >= 3 || !(await portTaken(services.get('gateway')!))) throw error;
        gatewayPort = await freePort();
      }
    }
    /** Starts a stopped service again on its port, with `env` added to its environment. */
    const restart = async (name: string, env?: NodeJS.ProcessEnv) => {
      if (name !== 'gateway') return startDepartment(name, env);
      if (env) gatewayEnv = { ...gatewayEnv, ...env };
      return startGateway();
    };

    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      subgraphUrls,
      databaseUrls,
      subgraphSockets,
      services,
      gatewayKeys,
      restart,
      timings: { ...seeding, servicesMs: performance.now() - seeded },
      async stop() {
        await Promise.all([...services.values()].map((s) => s.stop()));
        await postgres?.stop();
        removeRunDir();
      },
    };
  } catch (error) {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await postgres?.stop();
    removeRunDir();
    throw error;
  }
}
