import { enqueueSync } from '../../../apps/engine/src/persistence/portal-sync/outbox.js';
import { portalDate } from '../../../apps/engine/src/portal-sync/portal-date.js';
import { buildSyncRecord, type SyncDossier } from '../../../apps/engine/src/portal-sync/sync-record.js';
import { syncDossierStatus } from '../../../apps/engine/src/portal-sync/dossier-status-sync.js';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

const local = (s: string) => new Date(`${s}+07:00`);

const dossier: SyncDossier = {
  code: 'H38.2-260518-0200015',
  procedure_code: '1.001806',
  procedure_name: 'Công nhận cơ sở sản xuất, kinh doanh sử dụng từ 30% tổng số lao động trở lên là người khuyết tật',
  field: 'Bảo trợ xã hội',
  agency_code: 'SYT',
  applicant_name: 'Công ty TNHH Hoa Mai',
  applicant_type: 'organisation',
  channel: 'online',
  received_at: local('2026-05-18T15:20:05'),
  due_at: local('2026-06-01T17:00:00'),
  returned_at: null,
  status: 4,
};

describe('national portal sync records', () => {
  it('given an instant, then it travels as yyyyMMddHHmmss in Vietnam time, even across the UTC day', () => {
    expect(portalDate(local('2026-05-18T15:20:05'))).toBe('20260518152005');
    expect(portalDate(new Date('2026-12-31T17:30:00Z'))).toBe('20270101003000');
    expect(portalDate(null)).toBe('');
  });

  it('given a dossier, then the record carries the docs/domain.md fields with codes as strings', () => {
    expect(buildSyncRecord(dossier)).toEqual({
      MaHoSo: 'H38.2-260518-0200015',
      MaTTHC: '1.001806',
      TenTTHC: dossier.procedure_name,
      MaLinhVuc: 'Bảo trợ xã hội',
      ChuHoSo: 'Công ty TNHH Hoa Mai',
      LoaiDoiTuong: '2',
      NgayTiepNhan: '20260518152005',
      NgayHenTra: '20260601170000',
      NgayTra: '',
      TrangThaiHoSo: '4',
      HinhThuc: '2',
      DonViXuLy: 'SYT',
    });
  });

  it('given each channel and applicant type, then HinhThuc is 1 direct, 2 online, 3 postal and LoaiDoiTuong 1 for citizens', () => {
    expect(['direct', 'online', 'postal'].map((channel) => buildSyncRecord({ ...dossier, channel: channel as SyncDossier['channel'] }).HinhThuc)).toEqual(['1', '2', '3']);
    expect(buildSyncRecord({ ...dossier, applicant_type: 'citizen' }).LoaiDoiTuong).toBe('1');
  });

  it('given a returned dossier and a progress step, then NgayTra and the progress fields are filled', () => {
    const record = buildSyncRecord(
      { ...dossier, status: 10, returned_at: local('2026-05-29T10:00:00') },
      { actorName: 'Trần Chuyên Viên', actorTitle: 'Chuyên viên', at: local('2026-05-28T16:45:00'), departmentName: 'Phòng Bảo trợ xã hội', content: 'Thẩm định hồ sơ', stepStartedAt: local('2026-05-19T08:00:00'), stepDueAt: local('2026-05-27T17:00:00') },
    );
    expect(record).toEqual(expect.objectContaining({
      TrangThaiHoSo: '10',
      NgayTra: '20260529100000',
      NguoiXuLy: 'Trần Chuyên Viên',
      ChucDanh: 'Chuyên viên',
      ThoiDiemXuLy: '20260528164500',
      PhongBanXuLy: 'Phòng Bảo trợ xã hội',
      NoiDungXuLy: 'Thẩm định hồ sơ',
      NgayBatDau: '20260519080000',
      NgayKetThucTheoQuyDinh: '20260527170000',
    }));
  });

  describe('enqueueSync', () => {
    let t: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      t = await createTestDatabase();
      db = new Database(t.dataSource);
    });
    afterAll(() => t.close());

    it('given a committed transaction, then its record is queued; given one rolled back, then nothing is', async () => {
      const now = local('2026-05-18T15:20:06');
      const id = await db.transaction((sql) => enqueueSync(sql, buildSyncRecord(dossier), now));
      await expect(db.transaction(async (sql) => {
        await syncDossierStatus({ sql, now }, { ...dossier, status: 5 });
        throw new Error('the command failed');
      })).rejects.toThrow('the command failed');
      const rows = await db.query<{ id: string; dossier_code: string; payload: { TrangThaiHoSo: string }; delivered_at: Date | null; attempts: number; next_attempt_at: Date }>(`SELECT * FROM portal_outbox`);
      expect(rows).toEqual([expect.objectContaining({ id, dossier_code: dossier.code, delivered_at: null, attempts: 0, next_attempt_at: now })]);
      expect(rows[0].payload.TrangThaiHoSo).toBe('4');
    });
  });
});
