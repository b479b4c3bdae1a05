import { PLAN_YEARS } from './indicators';
import { prefetchFirstScreen } from './scorecards';
import { MARKS, markOnce } from './timing';

export type ViewId = 'scorecard' | 'compare' | 'records' | 'monthly';

/** Each view's module, imported on demand (a chunk of its own in the build). */
export const VIEW_CODE = {
  scorecard: () => import('./views/scorecard-view'),
  compare: () => import('./views/compare-view'),
  records: () => import('./views/records-view'),
  monthly: () => import('./views/monthly-view'),
} satisfies Record<ViewId, () => Promise<unknown>>;

/** The view the URL's hash names (so a view can be bookmarked); the scorecard when it names none. */
export function currentView(): ViewId {
  const id = location.hash.replace('#', '');
  return id in VIEW_CODE ? (id as ViewId) : 'scorecard';
}

/** What the scorecard view shows first: Xuzhou's 2019 in its table, the number trained over the plan's five years in its chart. */
export const FIRST_SCORECARD = { regionCode: '320300', year: 2019, charted: 'trained' };

/**
 * Starts what the first view needs while the page's code is still arriving: the view's own
 * module and, for the scorecard, its data, so the request and the code load side by side
 * instead of one after the other.
 */
export function startFirstView(): void {
  const view = currentView();
  if (view === 'scorecard') prefetchFirstScreen({ ...FIRST_SCORECARD, years: PLAN_YEARS });
  VIEW_CODE[view]().then(() => markOnce(MARKS.viewCode), () => undefined); // a failed load shows in the view
}
