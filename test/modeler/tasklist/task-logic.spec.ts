import { parseVariableRows } from '../../../apps/modeler/src/tasklist/task/actions/variable-rows.js';
import { dueState } from '../../../apps/modeler/src/tasklist/format/due-state.js';
import { parseRoute, printHref, routeHash, type Route } from '../../../apps/modeler/src/tasklist/shell/router.js';
import { describeApiError } from '../../../apps/modeler/src/tasklist/format/api-message.js';
import { viTasklist } from '../../../apps/modeler/src/tasklist/i18n/vi-tasklist.js';
import { ApiError } from '../../../apps/modeler/src/shared/api-error.js';
import { i18n } from '../../../apps/modeler/src/shared/i18n.js';
import { viUi } from '../../../apps/modeler/src/shared/vi-ui.js';


describe('task list logic (no browser)', () => {
  describe('variables typed in the administrator’s raw editor', () => {
    it('given text, number (with a decimal comma) and yes/no rows, then they become typed variables; blank rows are skipped', () => {
      expect(
        parseVariableRows([
          { name: 'ghiChu', type: 'text', value: 'Đủ hồ sơ' },
          { name: 'soNgay', type: 'number', value: '2,5' },
          { name: 'accepted', type: 'boolean', value: 'false' },
          { name: '', type: 'text', value: '' },
        ]),
      ).toEqual({ ok: true, variables: { ghiChu: 'Đủ hồ sơ', soNgay: 2.5, accepted: false } });
    });

    it('given a bad name, a repeated name and a non-number, then each row is reported', () => {
      const result = parseVariableRows([
        { name: 'ghi chú', type: 'text', value: 'x' },
        { name: 'n', type: 'number', value: 'mười' },
        { name: 'a', type: 'text', value: '1' },
        { name: 'a', type: 'text', value: '2' },
      ]);
      expect(result.ok ? [] : result.problems.map((p) => p.row)).toEqual([0, 1, 3]);
    });
  });

  describe('due state', () => {
    const now = new Date('2027-03-02T01:00:00Z');
    const soonLimit = new Date('2027-03-03T01:00:00Z');
    it('given the engine’s overdue flag, a due time before the limit, after it, or none, then red, amber, plain, none', () => {
      expect(dueState({ dueAt: '2027-03-01T06:30:00Z', overdue: true }, now, soonLimit)).toBe('overdue');
      expect(dueState({ dueAt: '2027-03-02T06:30:00Z', overdue: false }, now, soonLimit)).toBe('soon');
      expect(dueState({ dueAt: '2027-03-10T06:30:00Z', overdue: false }, now, soonLimit)).toBe('ok');
      expect(dueState({ dueAt: null }, now, soonLimit)).toBe('none');
      // without the engine's verdict the browser's clock decides
      expect(dueState({ dueAt: '2027-03-01T06:30:00Z' }, now, null)).toBe('overdue');
    });
  });

  describe('routes', () => {
    it('given each view, then its hash reads back as the same route; anything else is my tasks', () => {
      for (const route of [
        { view: 'inbox', filter: 'candidate' },
        { view: 'task', taskId: 'a b' },
        { view: 'receive' },
        { view: 'waiting' },
        { view: 'dossier', code: 'SYT-261204-0000001' },
        { view: 'dossiers', query: { applicant: 'Nguyễn Văn A', overdue: 'true' } },
        { view: 'book', query: { from: '2026-12-01', to: '2026-12-31' } },
        { view: 'print', code: 'SYT-261204-0000001', form: '06', query: {} },
      ] as Route[]) {
        expect(parseRoute(routeHash(route))).toEqual(route);
      }
      expect(parseRoute('#/nonsense')).toEqual({ view: 'inbox', filter: 'mine' });
      expect(parseRoute('')).toEqual({ view: 'inbox', filter: 'mine' });
      // a printable form has the app's own address: a copied link asks for the login, never a raw 401
      expect(printHref('SYT', '07', { from: '2026-12-01', to: '2026-12-31' })).toBe('/#/print/SYT/07?from=2026-12-01&to=2026-12-31');
    });
  });

  describe('engine errors in Vietnamese', () => {
    beforeAll(() => {
      i18n.register(viUi);
      i18n.register(viTasklist);
    });
    const error = (status: number, message: string) => new ApiError(status, { statusCode: status, message });

    it('given the engine’s 409 and 403 answers, then the officer reads what happened', () => {
      expect(describeApiError(error(409, 'task 3f0c… is already completed'))).toBe('Việc này vừa được người khác hoàn thành. Danh sách đã được làm mới.');
      expect(describeApiError(error(409, 'task is already claimed by chuyenvien.btxh'))).toBe('chuyenvien.btxh đã nhận việc này trước bạn.');
      expect(describeApiError(error(403, 'this task is claimed by chuyenvien.btxh'))).toBe('Việc này đang do chuyenvien.btxh xử lý.');
      expect(describeApiError(error(403, 'this task belongs to SYT_BTXH (head)'))).toBe('Việc này thuộc phòng ban hoặc vai trò khác.');
      expect(describeApiError(error(409, 'buoc-1 is the first step: there is no previous step to return the dossier to'))).toBe('Đây là bước đầu tiên: không có bước trước để chuyển trả.');
      expect(describeApiError(error(0, 'Failed to fetch'))).toBe('Không kết nối được máy chủ.');
    });
  });
});
