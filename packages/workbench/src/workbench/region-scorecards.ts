import { useEffect, useRef, useState } from 'react';
import { PLAN_YEARS, type ScorecardAnswer } from './indicators';
import { fetchFirstScreen, fetchScorecards } from './scorecards';

export interface RegionScorecards {
  /** The region's cards by plan year: at first the shown year's complete and the charted indicator in the others. */
  cards: ScorecardAnswer[];
  /** Every indicator of every plan year has arrived: any year or indicator can be shown without asking again. */
  complete: boolean;
  loading: boolean;
  error: string | null;
}

/**
 * A region's scorecards over the plan years, in two steps: what is on screen when the region
 * is chosen (its year's table and its chart's indicator), then, once that is drawn, every
 * indicator of every year, so changing the year or the chart needs no further request.
 */
export function useRegionScorecards(regionCode: string, year: number, charted: string): RegionScorecards {
  const [state, setState] = useState<RegionScorecards & { regionCode: string }>({ regionCode, cards: [], complete: false, loading: true, error: null });
  // The year and indicator on screen when the region is chosen; changing them later is served by the second step.
  const onScreen = useRef({ year, charted });
  onScreen.current = { year, charted };

  useEffect(() => {
    const abort = new AbortController();
    setState({ regionCode, cards: [], complete: false, loading: true, error: null });
    fetchFirstScreen({ regionCode, ...onScreen.current, years: PLAN_YEARS }, abort.signal).then(
      (cards) => !abort.signal.aborted && setState({ regionCode, cards, complete: false, loading: false, error: null }),
      (error: Error) => !abort.signal.aborted && setState((s) => ({ ...s, loading: false, error: error.message })),
    );
    return () => abort.abort();
  }, [regionCode]);

  // Effects run after the render they follow is on screen (the chart's drawing included): the rest is asked for then.
  const firstScreenShown = state.regionCode === regionCode && state.cards.length > 0 && !state.complete;
  useEffect(() => {
    if (!firstScreenShown) return;
    const abort = new AbortController();
    fetchScorecards([regionCode], PLAN_YEARS, abort.signal).then(
      (cards) => !abort.signal.aborted && setState({ regionCode, cards, complete: true, loading: false, error: null }),
      (error: Error) => !abort.signal.aborted && setState((s) => ({ ...s, error: error.message })),
    );
    return () => abort.abort();
  }, [firstScreenShown, regionCode]);

  return state.regionCode === regionCode ? state : { cards: [], complete: false, loading: true, error: null };
}
