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
  const urls = new Map(subgraphEndpointsFromEnv(env).map((e) => [e.name, e.url]));
  const services = await Promise.all(departments.map(async (department) => ({
    name: department.name,
    url: urls.get(department.name)!,
    typeDefs: parse(await printDepartmentSdl(department.subgraph.schema)),
  })));
  const result = composeServices(services);
  return {
    supergraphSdl: result.errors ? undefined : result.supergraphSdl,
    errors: (result.errors ?? []).map((e) => e.message),
    hints: (result.hints ?? []).map((h) => h.toString()),
  };
}
