import { rmSync } from 'node:fs';
import type { EmbeddedServer } from './embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __EMBEDDED_POSTGRES__?: EmbeddedServer; __EMBEDDED_POSTGRES_ROOT__?: string };
  await state.__EMBEDDED_POSTGRES__?.stop();
  if (state.__EMBEDDED_POSTGRES_ROOT__) rmSync(state.__EMBEDDED_POSTGRES_ROOT__, { recursive: true, force: true });
}
