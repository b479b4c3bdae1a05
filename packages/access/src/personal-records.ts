/**
 * The header a department sets on an answer that read any of its personal records (the types
 * it audits: a trainee, a household member, a support case…), whoever the reader. The gateway
 * keeps an answer for other callers only when no department set it: an aggregate under
 * disclosure control may be shared by callers entitled to the same view, a person never.
 */
export const PERSONAL_RECORDS_HEADER = 'x-personal-records';

/**
 * Asked for by a gateway that keeps one caller's personal answers (sent with the value
 * `want`), and answered by a department that read personal records with the name of a receipt
 * for the read events it wrote (`none` when it audited nothing: its own staff's reads). Before
 * the gateway sends such an answer again, the department writes those events again on the
 * receipt's presentation at AUDIT_REPLAY_PATH.
 */
export const AUDIT_RECEIPT_HEADER = 'x-audit-receipt';

/** Where a department takes receipts back: a signed POST of `{"receipts": [...]}` with the caller's token. */
export const AUDIT_REPLAY_PATH = '/audit/replay';
