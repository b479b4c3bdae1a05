import { registerEnumType } from 'type-graphql';

export enum StoryChannel { WECHAT = 'WECHAT', NEWSPAPER = 'NEWSPAPER', TV = 'TV', WEBSITE = 'WEBSITE' }
export enum AwardLevel { COUNTY = 'COUNTY', CITY = 'CITY', PROVINCE = 'PROVINCE', NATIONAL = 'NATIONAL' }

registerEnumType(StoryChannel, { name: 'StoryChannel', description: 'Where a success story (青春创富故事汇) ran' });
registerEnumType(AwardLevel, { name: 'AwardLevel', description: 'Level of the body that granted the award' });
