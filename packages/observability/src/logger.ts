import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import { wholeNumber } from '@rg/settings';

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
  return pino(settings, options.destination ?? bufferedDestination(1, logFlushMs()));
}

/** The redaction paths that name a field at the top level, without wildcards. */
const FLAT_REDACT_PATHS = REDACT_PATHS.filter((path) => !path.includes('*'));

/**
 * A logger for lines whose object is flat (a request's summary: operation, role, ms, error
 * codes): the same redaction of a personal field at the top level and the same masking of
 * messages, without the wildcard paths. Those walk every key of the object and of each object
 * in it to find a personal field two levels down, which doubled the cost of the one line every
 * request logs in every service, where no object has a level below the top.
 */
export function flatLineLogger(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: FLAT_REDACT_PATHS, censor: '[redacted]' } });
}

/**
 * LOG_FLUSH_MS (100; 0 = each line at once): how long a log line may wait to be written with
 * the ones after it. Every request logs a line in each service it reaches, and one write per
 * line cost each service about 6 % of its CPU under load (a write handed to libuv's thread
 * pool, then its completion). Under NODE_ENV=test lines go out at once, as tests read a
 * service's output right after the request that logged it.
 */
export function logFlushMs(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env, 'LOG_FLUSH_MS', env.NODE_ENV === 'test' ? 0 : 100, 0);
}

/** Lines gathered up to this many bytes are written at once, whatever the time. */
const BUFFERED_BYTES = 8192;

/**
 * A file descriptor or path written asynchronously: a line logged while a write is under way
 * joins the next one, and with `flushMs` > 0 lines wait up to that long (or until 8 KiB are
 * gathered) to go out together. pino writes whatever is still buffered synchronously when the
 * process exits (the services exit through process.exit on SIGTERM and SIGINT).
 */
export function bufferedDestination(dest: number | string, flushMs: number): DestinationStream {
  if (flushMs <= 0) return pino.destination({ dest, sync: false });
  const stream = pino.destination({ dest, sync: false, minLength: BUFFERED_BYTES });
  // sonic-boom's own periodicFlush writes even when nothing waits; this one flushes only when
  // bytes logged are not all written (a flush while a write is under way is tried again later).
  let logged = 0;
  let written = 0;
  const write = stream.write.bind(stream);
  stream.write = (line: string) => {
    logged += Buffer.byteLength(line);
    return write(line);
  };
  let closed = false;
  stream.on('write', (bytes: number) => { written += bytes; });
  stream.on('close', () => { closed = true; });
  setInterval(() => {
    if (written < logged && !closed) stream.flush();
  }, flushMs).unref();
  return stream;
}

export type { Logger };
