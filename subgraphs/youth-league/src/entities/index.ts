import { Award } from './award.entity';
import { SuccessStory } from './success-story.entity';

export * from './enums';
export { Award, SuccessStory };
export const entities = [Award, SuccessStory];
