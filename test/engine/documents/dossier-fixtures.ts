import { randomUUID } from 'node:crypto';
import type { Database } from '../../../apps/engine/src/persistence/database.js';

/**
 * Rows a dossier leaves behind, written with SQL so the document specs don't depend on the dossier
 * commands: an organisation (two agencies and an inter-agency partner), a procedure, and dossiers
 * in every state with their events, task history and variables.
 */
export const AGENCY = { code: 'SYT', name: 'Sở Y tế tỉnh Cao Bằng' };
export const PARTNER = { code: 'VPUBND', name: 'Văn phòng Ủy ban nhân dân tỉnh Cao Bằng' };
export const OTHER = { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường tỉnh Cao Bằng' };
export const PROCEDURE = {
  key: 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat',
  code: '1.001806',
  name: 'Công nhận cơ sở sản xuất, kinh doanh sử dụng từ 30% tổng số lao động trở lên là người khuyết tật',
};

export const DEPARTMENTS = [
  { code: 'SYT', name: AGENCY.name, parentCode: null },
  { code: 'SYT_MOTCUA', name: 'Bộ phận Tiếp nhận và Trả kết quả (Sở Y tế)', parentCode: 'SYT' },
  { code: 'SYT_BTXH', name: 'Phòng Bảo trợ xã hội và Trẻ em', parentCode: 'SYT' },
  { code: 'SYT_LANHDAO', name: 'Lãnh đạo Sở Y tế', parentCode: 'SYT' },
  { code: 'VPUBND', name: PARTNER.name, parentCode: null },
  { code: 'VPUBND_KGVX', name: 'Phòng Khoa giáo – Văn xã', parentCode: 'VPUBND' },
  { code: 'SNNMT', name: OTHER.name, parentCode: null },
  { code: 'SNNMT_MOTCUA', name: 'Bộ phận Một cửa (Sở Nông nghiệp và Môi trường)', parentCode: 'SNNMT' },
];

export const USERS = [
  { username: 'motcua.syt', fullName: 'Nguyễn Thị Lan', departmentCode: 'SYT_MOTCUA', roles: ['officer', 'reception'] },
  { username: 'truongphong.btxh', fullName: 'Lê Văn Hùng', departmentCode: 'SYT_BTXH', roles: ['leader', 'head'] },
  { username: 'chuyenvien.btxh', fullName: 'Trần Thị Minh Thư', departmentCode: 'SYT_BTXH', roles: ['officer', 'specialist'] },
  { username: 'lanhdao.syt', fullName: 'Hoàng Văn Đức', departmentCode: 'SYT_LANHDAO', roles: ['leader'] },
  { username: 'chuyenvien.kgvx', fullName: 'Đàm Thị Hòa', departmentCode: 'VPUBND_KGVX', roles: ['officer', 'specialist'] },
  { username: 'motcua.snnmt', fullName: 'Bế Văn Sơn', departmentCode: 'SNNMT_MOTCUA', roles: ['officer', 'reception'] },
];

/** An instant given in Vietnam local time, "2027-04-05 08:30". */
export const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

export interface DossierSeed {
  code: string;
  status: number;
  receivedAt: Date;
  legalDueAt: Date | null;
  dueAt?: Date | null;
  finishedAt?: Date | null;
  returnedAt?: Date | null;
  apologyCount?: number;
  formVersion?: string;
  agencyCode?: string;
  applicantName?: string;
  applicantPhone?: string | null;
  applicantEmail?: string | null;
  applicantIdNumber?: string | null;
  instanceState?: 'active' | 'completed' | 'terminated';
}

export interface TaskSeed {
  elementId?: string;
  name: string;
  departmentCode: string;
  assignee: string | null;
  createdAt: Date;
  dueAt: Date | null;
  allowanceDays?: number | null;
  endedAt?: Date | null;
  endedBy?: string | null;
  outcome?: 'completed' | 'canceled' | 'returned' | null;
}

export class DossierFixtures {
  private definitionId?: string;

  constructor(private readonly db: Database) {}

  /** Departments and users (the password hash is a placeholder: these users never log in here). */
  async organisation(): Promise<void> {
    for (const d of DEPARTMENTS) await this.db.query(`INSERT INTO department (code, name, parent_code) VALUES ($1, $2, $3)`, [d.code, d.name, d.parentCode]);
    for (const u of USERS) {
      await this.db.query(`INSERT INTO app_user (id, username, password_hash, full_name, department_code, roles) VALUES ($1, $2, 'x', $3, $4, $5) ON CONFLICT (username) DO NOTHING`, [
        randomUUID(),
        u.username,
        u.fullName,
        u.departmentCode,
        u.roles,
      ]);
    }
  }

  async procedure(): Promise<string> {
    if (this.definitionId) return this.definitionId;
    const deployment = randomUUID();
    this.definitionId = `${PROCEDURE.key}:1:${deployment.slice(0, 8)}`;
    await this.db.query(`INSERT INTO deployment (id, name) VALUES ($1, 'fixtures')`, [deployment]);
    await this.db.query(
      `INSERT INTO process_definition (id, key, version, name, deployment_id, resource_name, bpmn_xml, sha256, procedure_code, statutory_days)
       VALUES ($1, $2, 1, $3, $4, 'fixture.bpmn', '<definitions/>', 'fixture', $5, 10)`,
      [this.definitionId, PROCEDURE.key, PROCEDURE.name, deployment, PROCEDURE.code],
    );
    return this.definitionId;
  }

  /** A dossier on a root instance; returns the instance id. */
  async dossier(seed: DossierSeed): Promise<string> {
    const definitionId = await this.procedure();
    const instanceId = await this.instance(definitionId, seed.code, seed.receivedAt, null, seed.instanceState ?? 'active');
    await this.db.query(
      `INSERT INTO dossier (code, instance_id, definition_id, procedure_key, procedure_code, procedure_name, field, agency_code,
         applicant_name, applicant_id_number, applicant_phone, applicant_email, channel, received_at, clock_started_at,
         statutory_days, legal_due_at, due_at, status, finished_at, returned_at, apology_count, form_version, received_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'Bảo trợ xã hội', $7, $8, $9, $10, $11, 'direct', $12, $12, 10, $13, $14, $15, $16, $17, $18, $19, 'motcua.syt')`,
      [
        seed.code,
        instanceId,
        definitionId,
        PROCEDURE.key,
        PROCEDURE.code,
        PROCEDURE.name,
        seed.agencyCode ?? AGENCY.code,
        seed.applicantName ?? 'Công ty TNHH Hoa Mai',
        seed.applicantIdNumber ?? '004123456789',
        seed.applicantPhone === undefined ? '0912 345 678' : seed.applicantPhone,
        seed.applicantEmail === undefined ? 'hoamai@example.vn' : seed.applicantEmail,
        seed.receivedAt,
        seed.legalDueAt,
        seed.dueAt === undefined ? seed.legalDueAt : seed.dueAt,
        seed.status,
        seed.finishedAt ?? null,
        seed.returnedAt ?? null,
        seed.apologyCount ?? 0,
        seed.formVersion ?? 'TT03/2025',
      ],
    );
    await this.event(seed.code, seed.receivedAt, 'received', 'motcua.syt', { channel: 'direct' });
    return instanceId;
  }

  /** An instance called by `parentId` (an inter-agency step). */
  async childInstance(parentId: string, startedAt: Date): Promise<string> {
    const [parent] = await this.db.query<{ definition_id: string; root_instance_id: string }>(`SELECT definition_id, root_instance_id FROM process_instance WHERE id = $1`, [parentId]);
    return this.instance(parent.definition_id, null, startedAt, { parentId, rootId: parent.root_instance_id }, 'completed');
  }

  async event(code: string, at: Date, kind: string, actor: string | null, data: Record<string, unknown> = {}): Promise<void> {
    await this.db.query(`INSERT INTO dossier_event (dossier_code, at, kind, actor, data) VALUES ($1, $2, $3, $4, $5)`, [code, at, kind, actor, JSON.stringify(data)]);
  }

  /** A task in history, and its activity instance (open while the task is). */
  async task(instanceId: string, t: TaskSeed): Promise<void> {
    const taskId = randomUUID();
    const elementId = t.elementId ?? `step-${taskId.slice(0, 6)}`;
    const outcome = t.outcome ?? (t.endedAt ? 'completed' : null);
    // One row per step: the activity carries its task's fields, in its instance's month partition.
    await this.db.query(
      `INSERT INTO hist_activity_instance (id, history_month, instance_id, execution_id, definition_id, activity_id, activity_name, activity_type, started_at, ended_at, state,
                                           task_id, assignee, department_code, due_at, outcome, ended_by, allowance_days, counted)
       VALUES ($1, (SELECT od_history_month(started_at) FROM process_instance WHERE id = $2), $2, $3, $4, $5, $6, 'userTask', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, true)`,
      [randomUUID(), instanceId, randomUUID(), this.definitionId, elementId, t.name, t.createdAt, t.endedAt ?? null, t.endedAt ? 'completed' : 'active', taskId, t.assignee, t.departmentCode, t.dueAt,
        outcome, t.endedBy ?? (t.endedAt ? t.assignee : null), t.allowanceDays ?? null],
    );
  }

  async variable(instanceId: string, name: string, value: unknown, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO hist_variable_update (history_month, instance_id, name, value, at) VALUES ((SELECT od_history_month(started_at) FROM process_instance WHERE id = $1), $1, $2, $3, $4)`,
      [instanceId, name, JSON.stringify(value), at],
    );
  }

  private async instance(definitionId: string, businessKey: string | null, startedAt: Date, parent: { parentId: string; rootId: string } | null, state: string): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, parent_instance_id, root_instance_id, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, definitionId, PROCEDURE.key, businessKey, state, parent?.parentId ?? null, parent?.rootId ?? id, startedAt],
    );
    return id;
  }
}
