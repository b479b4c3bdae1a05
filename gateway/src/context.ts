/** Per-request gateway context: only what is forwarded to the departments. */
export interface GatewayContext {
  authorization?: string;
  operationName?: string;
  role: string;
  /** What the caller may see: role and scopes. Callers with the same entitlement get the same answers. */
  entitlement: string;
  /** Set when a department's answer showed a personal record: the answer is then kept for no other caller. */
  personalRecordsRead?: boolean;
  /** The departments this request's fetches went to (what a kept answer depends on). */
  departmentsAsked?: Set<string>;
  /** Receipts for the read events the departments wrote for this answer, when asked for (kept-personal-answers.ts). */
  auditReceipts?: Map<string, Set<string>>;
  /** A department showed a person without a receipt, or a fetch carried another request's reads: the answer cannot be kept for its caller. */
  receiptsIncomplete?: boolean;
}
