/**
 * Points of the first load in the page's own Performance timeline (performance.mark), so the
 * benchmark can say where the time to the first drawn chart goes: when the scorecard request
 * left, when its answer arrived, when the views' frame and the chart were ready. Each name is
 * marked once, the first time, so a page open for hours keeps a handful of entries.
 */
export const MARKS = {
  scorecardRequest: 'workbench:scorecard-request',
  scorecardAnswer: 'workbench:scorecard-answer',
  appStarted: 'workbench:app-started',
  /** The first view's module (and what it imports, the chart library among them) has run. */
  viewCode: 'workbench:view-code',
  chartDrawn: (testId: string) => `workbench:chart-drawn:${testId}`,
};

export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
