import { storyImport } from './stories';
import { awardImport } from './awards';

/** The records youth-league imports from its sheets: POST /import/<name>, npm run import -- youth-league <name> <file>. */
export const imports = [storyImport, awardImport];
