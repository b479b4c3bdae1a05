import { startSubgraph } from './server';
import { databaseUrlVariable, departmentEntry, portVariable, socketVariable } from '@rg/departments';
import type { DepartmentSubgraph } from './department';
import { portNumber } from '@rg/settings';

/** Entry point of a subgraph process: configuration from the environment, clean stop on a signal. */
export async function runSubgraphFromEnv(department: DepartmentSubgraph): Promise<void> {
  const databaseUrl = process.env[databaseUrlVariable(department.name)] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(`${databaseUrlVariable(department.name)} is not set (or run everything with npm start)`);
  }
  if (process.env.NODE_ENV === 'production' && !process.env.GATEWAY_PUBLIC_KEYS?.trim()) {
    throw new Error('refusing to start in production without GATEWAY_PUBLIC_KEYS: the gateway public keys this department accepts');
  }
  // The department's own variable (HR_PORT), else PORT, else its port in the manifest.
  const portName = process.env[portVariable(department.name)]?.trim() ? portVariable(department.name) : 'PORT';
  const port = portNumber(process.env, portName, departmentEntry(department.name).port);
  const socketPath = process.env[socketVariable(department.name)]?.trim() || undefined;
  const running = await startSubgraph(department, { databaseUrl, port, host: process.env.HOST ?? '127.0.0.1', socketPath });
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The tail of every department's src/index.ts: run the subgraph when started as a process. */
export function runWhenMain(mod: NodeModule, department: DepartmentSubgraph): void {
  if (require.main !== mod) return;
  runSubgraphFromEnv(department).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
