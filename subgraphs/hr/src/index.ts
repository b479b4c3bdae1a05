import 'reflect-metadata';
import { runWhenMain, type DepartmentSubgraph } from '@rg/subgraph-kit';
import type { World } from '@rg/demo-province';
import { entities } from './entities';
import { migrations } from './migrations';
import { createLoaders, type HrLoaders } from './loaders';
import { orphanedTypes, referenceResolvers, resolvers } from './resolvers';
import { seed } from './seed';
import { imports } from './imports';

/** Human Resources & Social Security (人社): trainees, training, ventures, loans, follow-ups. */
export const hrSubgraph: DepartmentSubgraph<HrLoaders, World> = {
  name: 'hr',
  entities,
  migrations,
  schema: {
    resolvers: [...resolvers],
    orphanedTypes,
    referenceResolvers,
    // Personal records whose reads by other departments (and admins) hr audits.
    auditedTypes: { Trainee: 'id', Enrolment: 'id', Loan: 'id', FollowUp: 'id', SurveyResponse: 'id', TrainingSubsidy: 'id',
      // A designation is audited only when it names a person (an entrepreneur star); see the entity.
      Designation: 'personalRecordId' },
  },
  createLoaders,
  seed,
  imports,
};

runWhenMain(module, hrSubgraph);
