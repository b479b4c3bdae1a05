import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { buildSchema, type GraphQLSchema } from 'graphql';
import 'graphiql/style.css';
import savedQueries from 'virtual:saved-queries';
import { TokenBar } from '../session/token-bar';
import { authorizationHeader, markExpired } from '../session/session';
import './explorer.css';

type GraphQLParams = { query: string; variables?: unknown; operationName?: string | null };

/** Sends the explorer's operations to the gateway with the token from the bar above it. */
async function fetcher(params: GraphQLParams, options?: { headers?: Record<string, string> }) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader(), ...options?.headers },
    body: JSON.stringify(params),
  });
  const body = await response.json();
  if (body?.errors?.some((e: { extensions?: { code?: string } }) => e.extensions?.code === 'UNAUTHENTICATED')) markExpired();
  return body;
}

/**
 * The schema for the docs: the gateway prints the schema it serves at /explorer/schema.graphql
 * (so the docs work where introspection is off, as in production with EXPLORER=on); without it
 * GraphiQL introspects.
 */
function useServedSchema(): GraphQLSchema | null | undefined {
  const [schema, setSchema] = useState<GraphQLSchema | null | undefined>(undefined);
  useEffect(() => {
    fetch('/explorer/schema.graphql')
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((sdl) => setSchema(buildSchema(sdl)), () => setSchema(null));
  }, []);
  return schema;
}

function Explorer() {
  const schema = useServedSchema();
  if (schema === undefined) return <TokenBar title="GraphQL 浏览器 · Explorer" />;
  return (
    <div className="explorer">
      <TokenBar title="GraphQL 浏览器 · Explorer" />
      <div className="explorer__graphiql">
        <GraphiQL
          fetcher={fetcher}
          schema={schema ?? undefined}
          defaultTabs={savedQueries.map((q) => ({ query: q.query }))}
          defaultEditorToolsVisibility={false}
        />
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Explorer />);
