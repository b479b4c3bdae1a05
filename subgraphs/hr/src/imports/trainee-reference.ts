import type { EntityManager } from 'typeorm';
import { CellProblem } from '@rg/record-import';
import { CitizenIdError, parseCitizenId } from '@rg/person-key';
import { Trainee } from '../entities';

/** hr's sheets name a trainee by citizen ID; the mutations take the trainee's id. */
export async function traineeIdOf(tx: EntityManager, citizenId: unknown, field: string): Promise<string> {
  let value: string;
  try {
    value = parseCitizenId(String(citizenId)).value;
  } catch (error) {
    if (error instanceof CitizenIdError) throw new CellProblem(field, `is not a valid citizen ID: ${error.message}`);
    throw error;
  }
  const trainee = await tx.getRepository(Trainee).findOne({ where: { citizenId: value }, select: { id: true } });
  if (!trainee) throw new CellProblem(field, 'no trainee is registered with this citizen ID (import the trainees first)');
  return String(trainee.id);
}
