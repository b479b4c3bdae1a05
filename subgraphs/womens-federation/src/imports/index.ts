import { supportCaseImport } from './support-cases';

/** The records the federation imports from its spreadsheets: POST /import/<name>, npm run import -- womens-federation <name> <file>. */
export const imports = [supportCaseImport];
