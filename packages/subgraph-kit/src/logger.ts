import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Personal data never reaches a log line: known personal fields are
 * redacted by path, and any 18-character citizen-ID-shaped or phone-shaped string in a
 * message is masked by the formatter.
 */
const REDACT_PATHS = [
  'citizenId', '*.citizenId', '*.*.citizenId', 'name', '*.name', 'phone', '*.phone',
  'req.headers.authorization', 'headers.authorization', 'variables', '*.variables',
];
const CITIZEN_ID = /\b\d{17}[\dXx]\b/g;
const PHONE = /\b1[3-9]\d{9}\b/g;

export function scrubPersonalData(text: string): string {
  return text.replace(CITIZEN_ID, '[citizen-id]').replace(PHONE, '[phone]');
}

export function createLogger(service: string): Logger {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubPersonalData(a) : a)) as Parameters<typeof method>);
      },
    },
  });
}

export type { Logger };
