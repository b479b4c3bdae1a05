import { CitizenIdError, parseCitizenId, personKeyOf } from '@rg/person-key';
import { CellProblem } from '@rg/record-import';

/**
 * youth-league keeps person keys, never citizen IDs: a sheet's ID column is turned into the key
 * on import and goes no further. A sheet may carry the key itself instead (人员标识).
 */
export function personKeyFromRow(values: Record<string, unknown>, idField: string, keyField: string): unknown {
  if (values[idField] === undefined) {
    if (values[keyField] === undefined) throw new CellProblem(idField, 'must not be blank (or give the person key in its own column)');
    return values[keyField];
  }
  try {
    return personKeyOf(parseCitizenId(String(values[idField])).value);
  } catch (error) {
    if (error instanceof CitizenIdError) throw new CellProblem(idField, `is not a valid citizen ID: ${error.message}`);
    throw error;
  }
}
