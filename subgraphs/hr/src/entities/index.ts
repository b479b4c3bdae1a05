import { PolicyTarget } from '@rg/policy-targets';
import { Course } from './course.entity';
import { Enrolment } from './enrolment.entity';
import { FollowUp } from './follow-up.entity';
import { Loan } from './loan.entity';
import { Mentor } from './mentor.entity';
import { Trainee } from './trainee.entity';
import { TrainingInstitution } from './training-institution.entity';
import { Venture } from './venture.entity';
import { SurveyResponse } from './survey-response.entity';
import { InstitutionDebarment, InstitutionDesignation, InstitutionEvaluation, TrainingSubsidy } from './institution-records.entity';

export * from './enums';
export { Course, Enrolment, FollowUp, Loan, Mentor, Trainee, TrainingInstitution, Venture };
export { SurveyResponse, InstitutionDebarment, InstitutionDesignation, InstitutionEvaluation, TrainingSubsidy };
import { Designation, DesignationReview } from './designation.entity';

export * from './designation-enums';
export { Designation, DesignationReview };
export const entities = [Course, Enrolment, FollowUp, Loan, Mentor, Trainee, TrainingInstitution, Venture, PolicyTarget,
  SurveyResponse, InstitutionDebarment, InstitutionDesignation, InstitutionEvaluation, TrainingSubsidy,
  Designation, DesignationReview];
