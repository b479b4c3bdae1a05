/**
 * The header a department sets on an answer that read any of its personal records (the types
 * it audits: a trainee, a household member, a support case…), whoever the reader. The gateway
 * keeps an answer for other callers only when no department set it: an aggregate under
 * disclosure control may be shared by callers entitled to the same view, a person never.
 */
export const PERSONAL_RECORDS_HEADER = 'x-personal-records';
