import type { Viewer } from '@rg/access';
import { AuditReceipts } from './audit-receipts';
import type { AuditRow } from './audit';

const viewer = (subject: string, role = 'admin') => ({ subject, role, scopes: new Set<string>() }) as unknown as Viewer;
const read = (recordType: string, ...recordIds: string[]): AuditRow => ({
  occurredAt: '2026-11-29T06:00:00.000Z', subject: 'alice', role: 'admin', action: 'READ', operation: 'Page', recordType, recordIds,
});

describe('audit receipts', () => {
  it('stand for the read events they were issued for, to their own caller only', () => {
    const receipts = new AuditReceipts({ ttlMs: 60_000, maxRecords: 100 });
    const trainees = receipts.issue(viewer('alice'), [read('Trainee', '1', '2')]);
    const loans = receipts.issue(viewer('alice'), [read('Loan', '9')]);
    expect(trainees).toMatch(/^[\w-]{22}$/);
    expect(trainees).not.toBe(loans);
    expect(receipts.recall([trainees, loans], viewer('alice'))).toEqual([read('Trainee', '1', '2'), read('Loan', '9')]);
    expect(receipts.recall([trainees], viewer('bob'))).toBe('another-caller');
    expect(receipts.recall([trainees], viewer('alice', 'analyst'))).toBe('another-caller');
    expect(receipts.recall([trainees, 'made-up'], viewer('alice'))).toBe('unknown');
  });

  it('are gone after their time, and the oldest go first past the bound on records', () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const receipts = new AuditReceipts({ ttlMs: 1000, maxRecords: 3 });
      const first = receipts.issue(viewer('alice'), [read('Trainee', '1', '2')]);
      const second = receipts.issue(viewer('alice'), [read('Trainee', '3')]);
      expect(receipts.recall([first, second], viewer('alice'))).toHaveLength(2);
      const third = receipts.issue(viewer('alice'), [read('Trainee', '4')]); // four records: the first goes
      expect(receipts.recall([first], viewer('alice'))).toBe('unknown');
      expect(receipts.recall([second, third], viewer('alice'))).toHaveLength(2);
      jest.advanceTimersByTime(1000);
      expect(receipts.recall([third], viewer('alice'))).toBe('unknown');
      const tooLarge = receipts.issue(viewer('alice'), [read('Trainee', '5', '6', '7', '8')]);
      expect(receipts.recall([tooLarge], viewer('alice'))).toBe('unknown'); // larger than the bound: never kept
    } finally {
      jest.useRealTimers();
    }
  });
});
