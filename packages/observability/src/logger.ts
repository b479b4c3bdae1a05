import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Every line names its service in a `service` field (pino's own `name`
 * is not used: it would collide with the personal `name` fields redacted below). Personal data
 * never reaches a log line: known personal fields are redacted by path, at any of the first
 * levels, and any 18-character citizen-ID-shaped or phone-shaped string in a message is masked.
 */
export const REDACT_PATHS = [
  'citizenId', '*.citizenId', '*.*.citizenId', 'name', '*.name', '*.*.name', 'phone', '*.phone', '*.*.phone',
  'req.headers.authorization', 'headers.authorization', 'variables', '*.variables',
];
const CITIZEN_ID = /\b\d{17}[\dXx]\b/g;
const PHONE = /\b1[3-9]\d{9}\b/g;

export function scrubPersonalData(text: string): string {
  return text.replace(CITIZEN_ID, '[citizen-id]').replace(PHONE, '[phone]');
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go; standard output unless given (tests read them back). */
  destination?: DestinationStream;
}

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const settings: pino.LoggerOptions = {
    base: { service, pid: process.pid, hostname: hostname() },
    level: options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubPersonalData(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  // Standard output written asynchronously: a line logged while the previous write is under
  // way joins it, instead of one blocking write per line (each request logs one in every
  // service it reaches). pino writes what is still buffered synchronously on exit.
  return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: false }));
}

export type { Logger };
