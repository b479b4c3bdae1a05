import { PolicyTarget } from '@rg/policy-targets';
import { IncubatorPark } from './incubator-park.entity';
import { RecommendedProject } from './recommended-project.entity';
import { Residency } from './residency.entity';

export * from './enums';
export { IncubatorPark, RecommendedProject, Residency };
export const entities = [IncubatorPark, RecommendedProject, Residency, PolicyTarget];
