import { rememberOperations } from './operation-memo';
import { plainFederationExports } from './federation-exports';

/**
 * What has to happen before @apollo/gateway is loaded, since its modules keep what they were
 * handed when they load: main.ts imports this module before anything else. Each query's
 * Operation built once (operation-memo.ts), then @apollo/federation-internals' names as plain
 * values (federation-exports.ts), which then include the remembering operationFromDocument.
 */
rememberOperations();
plainFederationExports();
