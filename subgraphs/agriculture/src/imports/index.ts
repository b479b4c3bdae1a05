import { parkImport } from './parks';
import { residencyImport } from './residencies';

/** The records agriculture imports from its sheets: POST /import/<name>, npm run import -- agriculture <name> <file>. */
export const imports = [parkImport, residencyImport];
