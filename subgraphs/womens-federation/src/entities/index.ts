import { WomenSupportCase } from './women-support-case.entity';

export * from './enums';
export { WomenSupportCase };
export const entities = [WomenSupportCase];
