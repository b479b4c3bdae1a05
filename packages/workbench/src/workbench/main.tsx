import { startFirstView } from './first-view';

/**
 * The page's entry, kept small: it asks for the first view's data and code at once, then
 * loads the workbench itself (React, the views' frame). See first-view.ts.
 */
startFirstView();
void import('./app');
