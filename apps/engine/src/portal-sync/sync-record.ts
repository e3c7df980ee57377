import { portalDate } from './portal-date.js';

/** The dossier columns a sync record is made of (a `dossier` row, or the dossier core's record). */
export interface SyncDossier {
  code: string;
  procedure_code: string | null;
  procedure_name: string | null;
  field: string | null;
  agency_code: string;
  applicant_name: string;
  applicant_type: string;
  channel: 'direct' | 'online' | 'postal';
  received_at: Date | string;
  due_at: Date | string | null;
  returned_at: Date | string | null;
  status: number;
}

/** A processing step someone just did, for the portal's progress (tiến trình) fields. */
export interface SyncProgress {
  actorName: string;
  actorTitle?: string | null;
  at: Date;
  departmentName?: string | null;
  content: string;
  stepStartedAt?: Date | null;
  stepDueAt?: Date | null;
}

/** One record for the national portal, field names and codes as docs/domain.md lists them. */
export interface PortalSyncRecord {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  ChuHoSo: string;
  LoaiDoiTuong: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  NgayTra: string;
  TrangThaiHoSo: string;
  HinhThuc: string;
  DonViXuLy: string;
  NguoiXuLy?: string;
  ChucDanh?: string;
  ThoiDiemXuLy?: string;
  PhongBanXuLy?: string;
  NoiDungXuLy?: string;
  NgayBatDau?: string;
  NgayKetThucTheoQuyDinh?: string;
}

/**
 * HinhThuc, how the dossier was handed in. docs/domain.md names the field but not its codes; this
 * table is our assumption (1 direct at the desk, 2 online, 3 by post) and the one place to
 * change once the portal's integration document for the province is at hand.
 */
export const HINH_THUC: Record<SyncDossier['channel'], string> = { direct: '1', online: '2', postal: '3' };

/** LoaiDoiTuong: 1 citizen, 2 organisation or business — as public integrations send it. */
export function loaiDoiTuong(applicantType: string): string {
  return applicantType === 'citizen' ? '1' : '2';
}

/**
 * The record the national portal receives for a dossier: its state now, plus the progress
 * fields when a step was just done. Codes travel as strings and dates as `yyyyMMddHHmmss`
 * (Vietnam time), empty when unknown. NgayHenTra is the current appointment (`due_at`, moved by
 * an apology), because that is what the applicant was told; NgayTra the day the result was
 * handed back (`returned_at`).
 */
export function buildSyncRecord(dossier: SyncDossier, progress?: SyncProgress): PortalSyncRecord {
  const record: PortalSyncRecord = {
    MaHoSo: dossier.code,
    MaTTHC: dossier.procedure_code ?? '',
    TenTTHC: dossier.procedure_name ?? '',
    MaLinhVuc: dossier.field ?? '',
    ChuHoSo: dossier.applicant_name,
    LoaiDoiTuong: loaiDoiTuong(dossier.applicant_type),
    NgayTiepNhan: portalDate(dossier.received_at),
    NgayHenTra: portalDate(dossier.due_at),
    NgayTra: portalDate(dossier.returned_at),
    TrangThaiHoSo: String(dossier.status),
    HinhThuc: HINH_THUC[dossier.channel],
    DonViXuLy: dossier.agency_code,
  };
  if (!progress) return record;
  return {
    ...record,
    NguoiXuLy: progress.actorName,
    ChucDanh: progress.actorTitle ?? '',
    ThoiDiemXuLy: portalDate(progress.at),
    PhongBanXuLy: progress.departmentName ?? '',
    NoiDungXuLy: progress.content,
    NgayBatDau: portalDate(progress.stepStartedAt),
    NgayKetThucTheoQuyDinh: portalDate(progress.stepDueAt),
  };
}
