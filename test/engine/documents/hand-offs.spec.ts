import { handOffsOf, type TaskHistory } from '../../../apps/engine/src/documents/hand-offs.js';
import { receivedDocumentsOf } from '../../../apps/engine/src/documents/received-documents.js';
import { vn } from './dossier-fixtures.js';

const task = (t: Partial<TaskHistory> & Pick<TaskHistory, 'name' | 'createdAt'>): TaskHistory => ({
  departmentCode: 'D',
  departmentName: 'Phòng D',
  assignee: null,
  endedBy: null,
  dueAt: null,
  endedAt: null,
  allowanceDays: null,
  outcome: null,
  ...t,
});

describe('control-sheet hand-offs from task history', () => {
  const origin = { departmentCode: null, departmentName: null, person: 'Công ty A' };

  it('given tasks in order, then each comes from whoever finished the one before, and the first from the applicant', () => {
    const rows = handOffsOf(
      [
        task({ name: 'a', departmentCode: 'A', departmentName: 'Phòng A', assignee: 'An', endedBy: 'Bình', createdAt: vn('2027-04-01 08:00'), endedAt: vn('2027-04-01 09:00'), dueAt: vn('2027-04-01 17:00') }),
        task({ name: 'b', departmentCode: 'B', departmentName: 'Phòng B', assignee: 'Chi', createdAt: vn('2027-04-01 09:00') }),
      ],
      origin,
    );
    expect(rows.map((r) => [r.from.person, r.to.person])).toEqual([
      ['Công ty A', 'An'],
      ['Bình', 'Chi'],
    ]);
    expect(rows[1].from.departmentName).toBe('Phòng A');
  });

  it('given finish times around the due instant, then the result follows the one timeliness definition', () => {
    const due = vn('2027-04-06 17:00');
    const result = (endedAt: Date, outcome: TaskHistory['outcome'] = 'completed') => handOffsOf([task({ name: 'x', createdAt: vn('2027-04-01 08:00'), dueAt: due, endedAt, outcome })], origin)[0].result;
    expect(result(vn('2027-04-05 23:59'))).toBe('early');
    expect(result(vn('2027-04-06 08:00'))).toBe('on_time');
    expect(result(vn('2027-04-06 17:00'))).toBe('on_time');
    expect(result(vn('2027-04-06 17:01'))).toBe('late');
    expect(result(vn('2027-04-06 17:01'), 'returned')).toBe('late');
    expect(result(vn('2027-04-06 17:01'), 'canceled')).toBeNull();
  });

  it('given a documents variable of names or objects, then the slip lists them and ignores the rest', () => {
    expect(receivedDocumentsOf(['Đơn', { name: 'Bản sao', copies: 2 }, { ten: 'Tờ khai', soLuong: '01 bản chính' }, 42, { copies: 1 }, ' '])).toEqual([
      { name: 'Đơn', copies: null },
      { name: 'Bản sao', copies: '2' },
      { name: 'Tờ khai', copies: '01 bản chính' },
    ]);
    expect(receivedDocumentsOf({ name: 'x' })).toEqual([]);
  });
});
