import { useEffect, useState } from 'react';

/** Runs a request when its inputs change; a newer request supersedes an older one's answer. */
export function useQuery<T>(run: (signal: AbortSignal) => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    run(abort.signal).then(
      (data) => !abort.signal.aborted && setState({ data, error: null, loading: false }),
      (error: Error) => !abort.signal.aborted && setState({ data: null, error: error.message, loading: false }),
    );
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
