import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Course, TrainingInstitution } from './entities';

type WithInstitution = Course & { institutionRow?: TrainingInstitution | null };

/**
 * Courses by id with their institutions in the same statement, priming `institutionById`: a
 * page's enrolments show the course and its institution, and asking for them one level at a
 * time cost a round trip more on every page. The join is safe at any batch size: courses are
 * found by primary key and the institutions are a table of a few hundred rows. (A trainee's
 * ventures, loans and enrolments are not joined so: at a thousand keys the planner would hash
 * the whole loan or course table instead of probing its index.)
 */
export function coursesWithInstitutions(db: DataSource, institutionById: DataLoader<number, TrainingInstitution | null>) {
  return async (ids: readonly number[]): Promise<Course[]> => {
    const courses: WithInstitution[] = await db.getRepository(Course).createQueryBuilder('c')
      .leftJoinAndMapOne('c.institutionRow', TrainingInstitution, 'i', 'i.id = c.institution_id')
      .where('c.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    for (const course of courses) {
      if (course.institutionRow) institutionById.prime(course.institutionRow.id, course.institutionRow);
      delete course.institutionRow;
    }
    return courses;
  };
}
