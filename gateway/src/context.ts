/** Per-request gateway context: only what is forwarded to the departments. */
export interface GatewayContext {
  authorization?: string;
  operationName?: string;
  role: string;
}
