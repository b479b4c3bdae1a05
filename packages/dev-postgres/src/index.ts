export * from './embedded-postgres';
export * from './state';
export * from './databases';
export * from './subgraph-harness';
export * from './postgres-process';
export * from './unix-sockets';
export * from './metrics-page';
