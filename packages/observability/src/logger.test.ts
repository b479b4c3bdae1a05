import { Writable } from 'node:stream';
import { createLogger } from './logger';

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
