import { Writable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, bufferedDestination, flatLineLogger, logFlushMs } from './logger';

/** Collects what a logger writes, one parsed JSON object per line. */
function capture() {
  const lines: Array<Record<string, any>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('service logger', () => {
  it('names its service on every line, also in child loggers', () => {
    const { lines, destination } = capture();
    const logger = createLogger('youth-league', { level: 'info', destination });
    logger.info('started');
    logger.child({ role: 'admin' }).info({ operation: 'Stories' }, 'graphql request');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.service).toBe('youth-league');
    expect(lines[1]).toMatchObject({ role: 'admin', operation: 'Stories', msg: 'graphql request' });
  });

  it('still redacts personal names, phones and citizen IDs wherever they appear', () => {
    const { lines, destination } = capture();
    const logger = createLogger('hr', { level: 'info', destination });
    logger.info({ name: '周梅', phone: '13800001111', trainee: { name: '陈芳', citizenId: '320321199204052171' } }, 'registered');
    logger.info({ input: { head: { name: '刘强', phone: '13900002222' } } }, 'household');
    logger.info('lookup 320321199204052171 from 13800001111');
    const text = lines.map((line) => JSON.stringify(line)).join('\n');
    for (const personal of ['周梅', '陈芳', '刘强', '13800001111', '13900002222', '320321199204052171']) {
      expect(text).not.toContain(personal);
    }
    expect(lines[0]).toMatchObject({ service: 'hr', name: '[redacted]', trainee: { name: '[redacted]', citizenId: '[redacted]' } });
    expect(lines[1].input.head).toEqual({ name: '[redacted]', phone: '[redacted]' });
    expect(lines[2].msg).toBe('lookup [citizen-id] from [phone]');
  });
});

describe('flat line logger', () => {
  it('writes a flat line as the service logger does: personal top-level fields redacted, messages masked', () => {
    const { lines, destination } = capture();
    const logger = createLogger('poverty', { level: 'info', destination });
    const line = { operation: 'Households 13800001111', role: 'admin', ms: 3, errors: ['BAD_USER_INPUT'], name: '周梅', phone: '13800001111', citizenId: '320321199204052171', variables: { a: 1 } };
    logger.info(line, 'graphql request from 320321199204052171');
    flatLineLogger(logger).info(line, 'graphql request from 320321199204052171');
    expect(lines).toHaveLength(2);
    const [full, flat] = lines.map(({ time: _time, ...rest }) => rest);
    expect(flat).toEqual(full);
    expect(flat).toMatchObject({ service: 'poverty', name: '[redacted]', phone: '[redacted]', citizenId: '[redacted]', variables: '[redacted]',
      msg: 'graphql request from [citizen-id]', errors: ['BAD_USER_INPUT'] });
  });
});

describe('buffered log writes', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'log-flush-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const linesIn = (file: string) => { try { return readFileSync(file, 'utf8').split('\n').filter(Boolean); } catch { return []; } };

  it('writes lines together, within the flush interval, in the order they were logged', async () => {
    const file = path.join(dir, 'service.log');
    const fd = openSync(file, 'a'); // open already, so an unbuffered line would be written at once
    const logger = createLogger('poverty', { level: 'info', destination: bufferedDestination(fd, 300) });
    for (let i = 0; i < 5; i++) logger.info({ request: i }, 'graphql request');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(linesIn(file)).toHaveLength(0); // gathered, not one write per line
    for (let waited = 0; linesIn(file).length < 5 && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(linesIn(file).map((line) => JSON.parse(line).request)).toEqual([0, 1, 2, 3, 4]);
    logger.info({ request: 5 }, 'graphql request'); // and a line logged after a flush goes out too
    for (let waited = 0; linesIn(file).length < 6 && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(linesIn(file)).toHaveLength(6);
    closeSync(fd);
  });

  it('loses no line when the process exits, as a service does on SIGTERM', () => {
    // The built module, in a process of its own (the suite runs after the build).
    const script = `const { createLogger } = require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'logger.js'))});
      const logger = createLogger('gateway', { level: 'info' });
      for (let i = 0; i < 3; i++) logger.info({ request: i }, 'graphql request');
      process.exit(0);`;
    const child = spawnSync(process.execPath, ['-e', script], {
      env: { ...process.env, NODE_ENV: 'production', LOG_FLUSH_MS: '60000' }, encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line).request)).toEqual([0, 1, 2]);
  });

  it('takes LOG_FLUSH_MS, writes at once under test, and refuses a malformed value', () => {
    expect(logFlushMs({})).toBe(100);
    expect(logFlushMs({ NODE_ENV: 'test' })).toBe(0);
    expect(logFlushMs({ LOG_FLUSH_MS: '0' })).toBe(0);
    expect(() => logFlushMs({ LOG_FLUSH_MS: 'soon' })).toThrow(/LOG_FLUSH_MS/);
  });
});
