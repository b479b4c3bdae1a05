import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { printDepartmentSdl } from '@rg/subgraph-kit';
import { subgraphEndpointsFromEnv } from '@rg/gateway';
import { departments } from './departments';

export interface Composition {
  supergraphSdl?: string;
  errors: string[];
  hints: string[];
}

/**
 * Composes the supergraph from the departments' code (no service needs to run): what a
 * department developer runs to check a change still composes, and what production serves.
 */
export async function composeSupergraph(env: NodeJS.ProcessEnv = process.env): Promise<Composition> {
  const sdls = await Promise.all(departments.map(async (d) => [d.name, await printDepartmentSdl(d.subgraph.schema)] as const));
  return composeSdls(Object.fromEntries(sdls), env);
}

/** Composes given subgraph SDLs (by department), e.g. the code's or a proposed change's. */
export function composeSdls(sdls: Record<string, string>, env: NodeJS.ProcessEnv = process.env): Composition {
  const urls = new Map(subgraphEndpointsFromEnv(env).map((e) => [e.name as string, e.url]));
  const services = Object.entries(sdls).map(([name, sdl]) => ({
    name,
    url: urls.get(name) ?? `http://127.0.0.1/${name}/graphql`,
    typeDefs: parse(sdl),
  }));
  const result = composeServices(services);
  return {
    supergraphSdl: result.errors ? undefined : result.supergraphSdl,
    errors: (result.errors ?? []).map((e) => e.message),
    hints: (result.hints ?? []).map((h) => h.toString()),
  };
}
