/** Per-request gateway context: only what is forwarded to the departments. */
export interface GatewayContext {
  authorization?: string;
  operationName?: string;
  role: string;
  /** The departments this request's fetches went to (what a kept public answer depends on). */
  departmentsAsked?: Set<string>;
}
