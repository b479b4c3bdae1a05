import { householdImport } from './households';
import { memberImport } from './members';

/** The records poverty imports from its registry sheets: POST /import/<name>, npm run import -- poverty <name> <file>. */
export const imports = [householdImport, memberImport];
