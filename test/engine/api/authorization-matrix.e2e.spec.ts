import { SwaggerModule, DocumentBuilder } from '@nestjs/swagger';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

/**
 * The authorisation matrix (issue #3): for every endpoint and every kind of caller, the exact
 * status. One table drives the test, and the table must name every route the app serves — an
 * endpoint added without a row fails here.
 *
 * Callers (demo organisation): the task under test is step 2 of 1.001806, "assign a specialist",
 * owned by SYT_BTXH with role `head`.
 */
const USERS = {
  anonymous: null,
  admin: 'admin', // admin, designer, manager
  designer: 'thietke',
  manager: 'quanly',
  reception: 'motcua.syt', // SYT one-stop desk
  specialist: 'chuyenvien.btxh', // same department as the task, another role
  head: 'truongphong.btxh', // the task's department and role; also the department's leader
  otherAgency: 'chuyenvien.qlcl', // Department of Agriculture
} as const;
type Caller = keyof typeof USERS;
const CALLERS = Object.keys(USERS) as Caller[];

interface Fixture {
  taskId: string;
  dossierCode: string;
  instanceId: string;
  definitionId: string;
}

interface Row {
  method: 'get' | 'post' | 'patch' | 'delete';
  route: string;
  /** Builds the concrete path and body from a fresh fixture. */
  request: (f: Fixture, n: number) => { path: string; body?: unknown };
  expect: Record<Caller, number>;
  /** Needs its own fixture per call (the request changes the task or dossier). */
  mutates?: boolean;
  /** A page, not an API operation: absent from the OpenAPI document. */
  page?: boolean;
  /** Ends the caller's session (logout): each call logs in afresh instead of using the shared token. */
  ownSession?: boolean;
}

const all = (status: number, anonymous = 401): Record<Caller, number> => Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? anonymous : status])) as Record<Caller, number>;
const only = (allowed: Partial<Record<Caller, number>>, otherwise = 403): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 401 : allowed[c] ?? otherwise])) as Record<Caller, number>;

const TASK_WORKER = only({ head: 204 });
const ROWS: Row[] = [
  { method: 'post', route: '/api/auth/login', request: () => ({ path: '/api/auth/login', body: { username: 'admin', password: 'demo' } }), expect: all(200, 200) },
  { method: 'get', route: '/api/auth/me', request: () => ({ path: '/api/auth/me' }), expect: all(200) },
  { method: 'get', route: '/api/auth/account', request: () => ({ path: '/api/auth/account' }), expect: all(200) },
  { method: 'post', route: '/api/auth/logout', ownSession: true, request: () => ({ path: '/api/auth/logout' }), expect: all(204) },
  { method: 'get', route: '/api/auth/oidc', request: () => ({ path: '/api/auth/oidc' }), expect: all(200, 200) },
  { method: 'get', route: '/api/auth/oidc/login', request: () => ({ path: '/api/auth/oidc/login' }), expect: all(404, 404) },
  { method: 'get', route: '/api/auth/oidc/callback', request: () => ({ path: '/api/auth/oidc/callback?code=x&state=y' }), expect: all(404, 404) },
  { method: 'post', route: '/api/auth/oidc/ticket', request: () => ({ path: '/api/auth/oidc/ticket', body: { ticket: 'khong-co-ve-nao-ca-day' } }), expect: all(404, 404) },
  { method: 'post', route: '/api/auth/mfa', request: () => ({ path: '/api/auth/mfa', body: { mfaToken: 'not-a-sign-in', code: '123456' } }), expect: all(401, 401) },
  { method: 'post', route: '/api/auth/refresh', request: () => ({ path: '/api/auth/refresh', body: { refreshToken: 'not-a-refresh-token-at-all' } }), expect: all(401, 401) },
  { method: 'post', route: '/api/auth/totp/setup', request: () => ({ path: '/api/auth/totp/setup' }), expect: all(200) },
  { method: 'post', route: '/api/auth/totp/enable', request: () => ({ path: '/api/auth/totp/enable', body: { code: '000000' } }), expect: all(400) },
  { method: 'post', route: '/api/auth/totp/disable', request: () => ({ path: '/api/auth/totp/disable', body: { code: '000000' } }), expect: all(409) },
  { method: 'post', route: '/api/auth/password', request: () => ({ path: '/api/auth/password', body: { currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-rat-dai' } }), expect: all(400) },
  { method: 'get', route: '/api/departments', request: () => ({ path: '/api/departments' }), expect: all(200) },
  { method: 'post', route: '/api/departments', request: (_, n) => ({ path: '/api/departments', body: { code: `NEW_${n}`, name: 'Phòng mới', parentCode: 'SYT' } }), expect: only({ admin: 201 }) },
  { method: 'get', route: '/api/people', request: () => ({ path: '/api/people' }), expect: all(200) },
  { method: 'get', route: '/api/users', request: () => ({ path: '/api/users' }), expect: only({ admin: 200, head: 200 }) },
  { method: 'patch', route: '/api/users/{username}', request: () => ({ path: '/api/users/vanthu.syt', body: { fullName: 'Văn thư Sở Y tế' } }), expect: only({ admin: 200 }) },
  { method: 'post', route: '/api/users/{username}/password', request: () => ({ path: '/api/users/vanthu.syt/password', body: { newPassword: 'Hoa-sen-no-tren-ho' } }), expect: only({ admin: 204 }) },
  { method: 'patch', route: '/api/departments/{code}', request: () => ({ path: '/api/departments/SYT_VANTHU', body: { name: 'Văn thư Sở Y tế' } }), expect: only({ admin: 200 }) },
  { method: 'post', route: '/api/users/{username}/end-sessions', request: () => ({ path: '/api/users/vanthu.syt/end-sessions' }), expect: only({ admin: 204 }) },
  { method: 'post', route: '/api/users', request: (_, n) => ({ path: '/api/users', body: { username: `moi.${n}`, password: 'mat-khau-dai', fullName: 'Cán bộ mới', departmentCode: 'SYT_BTXH', roles: ['officer'] } }), expect: only({ admin: 201 }) },
  { method: 'post', route: '/api/deployments', request: (_, n) => ({ path: '/api/deployments', body: { name: 'x', bpmnXml: minimalProcess(n) } }), expect: only({ admin: 201, designer: 201 }) },
  { method: 'get', route: '/api/process-definitions', request: () => ({ path: '/api/process-definitions' }), expect: all(200) },
  { method: 'get', route: '/api/process-definitions/{id}', request: (f) => ({ path: `/api/process-definitions/${f.definitionId}` }), expect: all(200) },
  { method: 'get', route: '/api/process-definitions/{id}/xml', request: (f) => ({ path: `/api/process-definitions/${f.definitionId}/xml` }), expect: all(200) },
  { method: 'get', route: '/api/process-definitions/{id}/steps', request: (f) => ({ path: `/api/process-definitions/${f.definitionId}/steps` }), expect: all(200) },
  { method: 'get', route: '/api/process-definitions/{id}/annex', request: (f) => ({ path: `/api/process-definitions/${f.definitionId}/annex` }), expect: all(200) },
  { method: 'post', route: '/api/process-definitions/key/{key}/start', request: () => ({ path: '/api/process-definitions/key/cong-nhan-co-so-su-dung-lao-dong-khuyet-tat/start', body: {} }), expect: only({ admin: 201, designer: 201, reception: 201, specialist: 201, head: 201, otherAgency: 201 }) },
  { method: 'get', route: '/api/process-instances/{id}', request: (f) => ({ path: `/api/process-instances/${f.instanceId}` }), expect: only({ admin: 200, designer: 200, manager: 200, reception: 200, specialist: 200, head: 200 }, 404) },
  { method: 'get', route: '/api/process-instances/{id}/history', request: (f) => ({ path: `/api/process-instances/${f.instanceId}/history` }), expect: only({ admin: 200, designer: 200, manager: 200, reception: 200, specialist: 200, head: 200 }, 404) },
  { method: 'get', route: '/api/tasks', request: () => ({ path: '/api/tasks' }), expect: only({ admin: 200, reception: 200, specialist: 200, head: 200, otherAgency: 200 }) },
  { method: 'get', route: '/api/tasks/{id}', request: (f) => ({ path: `/api/tasks/${f.taskId}` }), expect: only({ admin: 200, head: 200 }, 404) },
  { method: 'get', route: '/api/tasks/{id}/form', request: (f) => ({ path: `/api/tasks/${f.taskId}/form` }), expect: only({ admin: 200, head: 200 }, 404) },
  { method: 'post', route: '/api/tasks/{id}/claim', mutates: true, request: (f) => ({ path: `/api/tasks/${f.taskId}/claim` }), expect: TASK_WORKER },
  { method: 'post', route: '/api/tasks/{id}/unclaim', mutates: true, request: (f) => ({ path: `/api/tasks/${f.taskId}/unclaim` }), expect: only({ admin: 204, head: 204 }) },
  { method: 'post', route: '/api/tasks/{id}/assign', mutates: true, request: (f) => ({ path: `/api/tasks/${f.taskId}/assign`, body: { username: 'truongphong.btxh' } }), expect: only({ admin: 204, head: 204 }) },
  { method: 'post', route: '/api/tasks/{id}/complete', mutates: true, request: (f) => ({ path: `/api/tasks/${f.taskId}/complete`, body: {} }), expect: TASK_WORKER },
  { method: 'post', route: '/api/tasks/{id}/return', mutates: true, request: (f) => ({ path: `/api/tasks/${f.taskId}/return`, body: { reason: 'Thiếu chữ ký' } }), expect: only({ head: 200 }) },
  { method: 'post', route: '/api/tasks/{id}/request-supplement', mutates: true, request: (f) => ({ path: `/api/tasks/${f.taskId}/request-supplement`, body: { missing: ['Bản sao CCCD'] } }), expect: only({ head: 200 }) },
  { method: 'post', route: '/api/signals', request: () => ({ path: '/api/signals', body: { signalName: 'nobody-waits' } }), expect: only({ admin: 200, manager: 200, head: 200 }) },
  { method: 'get', route: '/api/message-outbox', request: () => ({ path: '/api/message-outbox?pending=true' }), expect: only({ admin: 200 }) },
  { method: 'post', route: '/api/message-outbox/{id}/delivered', request: () => ({ path: '/api/message-outbox/00000000-0000-4000-8000-000000000000/delivered' }), expect: only({ admin: 404 }) },
  { method: 'post', route: '/api/messages', request: () => ({ path: '/api/messages', body: { messageName: 'nobody-waits' } }), expect: only({ admin: 404, reception: 404, specialist: 404, head: 404, otherAgency: 404 }) },
  { method: 'get', route: '/api/incidents', request: () => ({ path: '/api/incidents' }), expect: only({ admin: 200, designer: 200, manager: 200 }) },
  { method: 'post', route: '/api/dossiers', request: () => ({ path: '/api/dossiers', body: { procedureKey: 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat', applicant: { name: 'Nguyễn Văn A' }, channel: 'online' } }), expect: only({ admin: 201, reception: 201, head: 201 }) },
  { method: 'get', route: '/api/reception/procedures', request: () => ({ path: '/api/reception/procedures' }), expect: only({ admin: 200, reception: 200, head: 200 }) },
  { method: 'get', route: '/api/dossiers', request: () => ({ path: '/api/dossiers' }), expect: all(200) },
  { method: 'get', route: '/api/dossiers/{code}', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}` }), expect: only({ admin: 200, manager: 200, reception: 200, specialist: 200, head: 200 }, 404) },
  { method: 'post', route: '/api/dossiers/{code}/supplement-received', mutates: true, request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/supplement-received` }), expect: only({ admin: 409, reception: 409, specialist: 409, head: 409, otherAgency: 404 }) },
  { method: 'post', route: '/api/dossiers/{code}/apology', mutates: true, request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/apology`, body: { reason: 'Chậm do xác minh', newDueAt: '2099-01-05T09:00:00+07:00' } }), expect: only({ admin: 200, reception: 200, head: 200 }) },
  { method: 'post', route: '/api/dossiers/{code}/refuse', mutates: true, request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/refuse`, body: { reason: 'Không thuộc thẩm quyền' } }), expect: only({ admin: 200, reception: 200, head: 200 }) },
  { method: 'post', route: '/api/dossiers/{code}/stop', mutates: true, request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/stop`, body: { reason: 'Theo đề nghị của cơ quan thuế' } }), expect: only({ admin: 200, head: 200 }) },
  { method: 'post', route: '/api/dossiers/{code}/withdraw', mutates: true, request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/withdraw`, body: { reason: 'Công dân xin rút' } }), expect: only({ admin: 200, reception: 200, head: 200 }) },
  { method: 'get', route: '/api/documents/{code}/{form}', request: (f) => ({ path: `/api/documents/${f.dossierCode}/06` }), expect: only({ admin: 200, manager: 200, reception: 200, specialist: 200, head: 200 }, 404) },
  { method: 'get', route: '/api/documents/tracking-book', request: () => ({ path: '/api/documents/tracking-book?agencyCode=SYT' }), expect: only({ admin: 200, manager: 200, reception: 200, specialist: 200, head: 200 }, 404) },
  { method: 'post', route: '/api/public/petitions', request: () => ({ path: '/api/public/petitions', body: {} }), expect: all(400, 400) },
  { method: 'get', route: '/api/public/petitions', request: () => ({ path: '/api/public/petitions' }), expect: all(200, 200) },
  { method: 'get', route: '/api/public/dossiers/{code}/payment', request: (f) => ({ path: `/api/public/dossiers/${f.dossierCode}/payment?phone=0912345678` }), expect: all(404, 404) },
  { method: 'post', route: '/api/public/dossiers/{code}/payment', request: (f) => ({ path: `/api/public/dossiers/${f.dossierCode}/payment?phone=0912345678` }), expect: all(404, 404) },
  { method: 'get', route: '/api/public/payments/sandbox/{ref}', request: () => ({ path: '/api/public/payments/sandbox/nope' }), expect: all(404, 404) },
  { method: 'post', route: '/api/public/payments/sandbox/{ref}/pay', request: () => ({ path: '/api/public/payments/sandbox/nope/pay', body: {} }), expect: all(404, 404) },
  { method: 'post', route: '/api/public/payments/notify/sandbox', request: () => ({ path: '/api/public/payments/notify/sandbox', body: {} }), expect: all(400, 400) },
  { method: 'get', route: '/api/dossiers/{code}/payment', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/payment` }), expect: all(404) },
  { method: 'post', route: '/api/dossiers/{code}/payment/cash', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/payment/cash` }), expect: only({ admin: 404, reception: 404 }) },
  { method: 'get', route: '/api/dossiers/{code}/payment/receipt', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/payment/receipt` }), expect: all(404) },
  { method: 'get', route: '/api/public/dossiers/{code}', request: (f) => ({ path: `/api/public/dossiers/${f.dossierCode}?phone=0912345678` }), expect: all(200, 200) },
  // issue #23: a dossier's files (the fixture's applicant has no identity number: nothing to reuse), the public result and rating
  { method: 'get', route: '/api/dossiers/{code}/files', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/files` }), expect: only({ admin: 200, manager: 200, reception: 200, specialist: 200, head: 200 }, 404) },
  { method: 'post', route: '/api/dossiers/{code}/files', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/files`, body: { componentId: 'van-ban-de-nghi' } }), expect: only({ admin: 400, reception: 400, specialist: 400, head: 400, otherAgency: 404 }) },
  { method: 'get', route: '/api/dossiers/{code}/files/{fileId}', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/files/00000000-0000-4000-8000-000000000000` }), expect: all(404) },
  { method: 'get', route: '/api/dossiers/{code}/files/{fileId}/signature', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/files/00000000-0000-4000-8000-000000000000/signature` }), expect: all(404) },
  { method: 'get', route: '/api/dossiers/{code}/reusable', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/reusable` }), expect: only({ admin: 200, reception: 200, specialist: 200, head: 200, otherAgency: 404 }) },
  { method: 'post', route: '/api/dossiers/{code}/reuse', request: (f) => ({ path: `/api/dossiers/${f.dossierCode}/reuse`, body: { componentId: 'van-ban-de-nghi', fileId: '00000000-0000-4000-8000-000000000000' } }), expect: only({ admin: 400, reception: 400, specialist: 400, head: 400, otherAgency: 404 }) },
  { method: 'post', route: '/api/tasks/{id}/result', request: (f) => ({ path: `/api/tasks/${f.taskId}/result`, body: {} }), expect: all(400) },
  { method: 'post', route: '/api/public/dossiers/{code}/result-code', request: (f) => ({ path: `/api/public/dossiers/${f.dossierCode}/result-code`, body: { phone: '0912345678' } }), expect: all(409, 409) },
  { method: 'post', route: '/api/public/dossiers/{code}/result-code/verify', request: (f) => ({ path: `/api/public/dossiers/${f.dossierCode}/result-code/verify`, body: { phone: '0912345678', code: '123456' } }), expect: all(409, 409) },
  { method: 'get', route: '/api/public/dossiers/{code}/result', request: (f) => ({ path: `/api/public/dossiers/${f.dossierCode}/result?token=${'A'.repeat(43)}` }), expect: all(404, 404) },
  { method: 'post', route: '/api/public/dossiers/{code}/rating', request: (f) => ({ path: `/api/public/dossiers/${f.dossierCode}/rating`, body: { phone: '0912345678', rating: 'satisfied' } }), expect: all(409, 409) },
  { method: 'get', route: '/tra-cuu', page: true, request: () => ({ path: '/tra-cuu' }), expect: all(200, 200) },
  { method: 'get', route: '/api/reports/ii06a', request: () => ({ path: '/api/reports/ii06a?period=2026-Q3' }), expect: only({ admin: 200, manager: 200 }) },
  { method: 'get', route: '/api/reports/dashboard', request: () => ({ path: '/api/reports/dashboard?period=2026-Q3' }), expect: only({ admin: 200, manager: 200 }) },
  { method: 'get', route: '/api/calendar', request: () => ({ path: '/api/calendar?year=2027' }), expect: all(200) },
  { method: 'get', route: '/api/calendar/add', request: () => ({ path: '/api/calendar/add?from=2027-04-09T16:00:00%2B07:00&days=1' }), expect: all(200) },
  { method: 'get', route: '/api/calendar/overrides', request: () => ({ path: '/api/calendar/overrides' }), expect: all(200) },
  { method: 'post', route: '/api/calendar/overrides', request: () => ({ path: '/api/calendar/overrides', body: { date: '2031-02-15', kind: 'working_day', name: 'Làm bù' } }), expect: only({ admin: 201 }) },
  { method: 'delete', route: '/api/calendar/overrides/{date}', request: () => ({ path: '/api/calendar/overrides/2031-02-15' }), expect: only({ admin: 204 }) },
  { method: 'get', route: '/api/notifications', request: () => ({ path: '/api/notifications' }), expect: all(200) },
  { method: 'post', route: '/api/notifications/{id}/read', request: () => ({ path: '/api/notifications/00000000-0000-0000-0000-000000000000/read' }), expect: all(204) },
  { method: 'post', route: '/api/process-definitions/{id}/simplify', request: () => ({ path: '/api/process-definitions/nope:1:x/simplify', body: {} }), expect: only({ admin: 404, designer: 404 }) },
  { method: 'get', route: '/api/comparisons', request: (f) => ({ path: `/api/comparisons?base=${f.definitionId}&candidate=${f.definitionId}` }), expect: only({ admin: 200, manager: 200 }) },
  { method: 'post', route: '/api/petitions', request: () => ({ path: '/api/petitions', body: {} }), expect: only({ admin: 400, reception: 400 }) },
  { method: 'get', route: '/api/petitions', request: () => ({ path: '/api/petitions' }), expect: only({ admin: 200, reception: 200, head: 200, manager: 200 }) },
  { method: 'get', route: '/api/petitions/report', request: () => ({ path: '/api/petitions/report?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z' }), expect: only({ admin: 200, head: 200, manager: 200 }) },
  { method: 'get', route: '/api/petitions/{code}', request: () => ({ path: '/api/petitions/PAKN-000000-000000' }), expect: only({ admin: 404, reception: 404, head: 404, manager: 404 }) },
  { method: 'get', route: '/api/comparisons/annex', request: (f) => ({ path: `/api/comparisons/annex?base=${f.definitionId}&candidate=${f.definitionId}` }), expect: all(200) },
  { method: 'get', route: '/api/process-instances', request: (f) => ({ path: `/api/process-instances?businessKey=${f.dossierCode}` }), expect: only({ admin: 200, manager: 200 }) },
  { method: 'get', route: '/api/process-instances/{id}/console', request: (f) => ({ path: `/api/process-instances/${f.instanceId}/console` }), expect: only({ admin: 200, manager: 200 }) },
  { method: 'post', route: '/api/process-instances/{id}/cancel', mutates: true, request: (f) => ({ path: `/api/process-instances/${f.instanceId}/cancel`, body: { ending: 'withdrawn', reason: 'Công dân xin rút' } }), expect: only({ admin: 200 }) },
  { method: 'post', route: '/api/process-instances/{id}/suspend', mutates: true, request: (f) => ({ path: `/api/process-instances/${f.instanceId}/suspend`, body: { reason: 'Đang xác minh' } }), expect: only({ admin: 200 }) },
  { method: 'post', route: '/api/process-instances/{id}/resume', request: (f) => ({ path: `/api/process-instances/${f.instanceId}/resume`, body: { reason: 'Xong' } }), expect: only({ admin: 409 }) },
  { method: 'post', route: '/api/process-instances/{id}/modification', mutates: true, request: (f) => ({ path: `/api/process-instances/${f.instanceId}/modification`, body: { reason: 'Chuyển nhầm', instructions: [{ type: 'startBeforeActivity', activityId: 'buoc-2-phan-cong' }] } }), expect: only({ admin: 200 }) },
  { method: 'patch', route: '/api/process-instances/{id}/variables', mutates: true, request: (f) => ({ path: `/api/process-instances/${f.instanceId}/variables`, body: { reason: 'Nhập sai', variables: { soLaoDong: 3 } } }), expect: only({ admin: 200 }) },
  { method: 'post', route: '/api/incidents/{id}/retry', request: () => ({ path: '/api/incidents/00000000-0000-4000-8000-000000000000/retry', body: { reason: 'Thử lại' } }), expect: only({ admin: 404 }) },
  { method: 'post', route: '/api/incidents/{id}/resolve', request: () => ({ path: '/api/incidents/00000000-0000-4000-8000-000000000000/resolve', body: { reason: 'Đã xử lý' } }), expect: only({ admin: 404 }) },
  { method: 'post', route: '/api/process-definitions/{id}/suspend', request: () => ({ path: '/api/process-definitions/nope:1:x/suspend', body: { reason: 'Tạm dừng' } }), expect: only({ admin: 404 }) },
  { method: 'post', route: '/api/process-definitions/{id}/resume', request: () => ({ path: '/api/process-definitions/nope:1:x/resume', body: { reason: 'Tiếp tục' } }), expect: only({ admin: 404 }) },
  { method: 'get', route: '/api/process-definitions/{id}/heat-map', request: (f) => ({ path: `/api/process-definitions/${f.definitionId}/heat-map` }), expect: only({ admin: 200, manager: 200 }) },
  { method: 'get', route: '/api/operations/dashboard', request: () => ({ path: '/api/operations/dashboard?definitionKey=cong-nhan-co-so-su-dung-lao-dong-khuyet-tat' }), expect: only({ admin: 200, manager: 200 }) },
  { method: 'post', route: '/api/migrations/plan', request: (f) => ({ path: '/api/migrations/plan', body: { sourceDefinitionId: f.definitionId } }), expect: only({ admin: 200 }) },
  { method: 'post', route: '/api/migrations/preview', request: (f) => ({ path: '/api/migrations/preview', body: { plan: { sourceDefinitionId: f.definitionId, targetDefinitionId: f.definitionId, instructions: [] }, instanceIds: [] } }), expect: only({ admin: 200 }) },
  { method: 'post', route: '/api/migrations', request: (f) => ({ path: '/api/migrations', body: { plan: { sourceDefinitionId: f.definitionId, targetDefinitionId: f.definitionId, instructions: [] }, instanceIds: [], reason: 'Thử' } }), expect: only({ admin: 202 }) },
  { method: 'get', route: '/api/migrations/{id}', request: () => ({ path: '/api/migrations/00000000-0000-4000-8000-000000000000' }), expect: only({ admin: 404 }) },
  { method: 'get', route: '/health', request: () => ({ path: '/health' }), expect: all(200, 200) },
  { method: 'get', route: '/metrics', request: () => ({ path: '/metrics' }), expect: all(200, 200) },
  // Last: it ends every other session of each caller, the shared tokens of the rows above included.
  { method: 'post', route: '/api/auth/sessions/end-others', ownSession: true, request: () => ({ path: '/api/auth/sessions/end-others' }), expect: all(200) },
];

function minimalProcess(n: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="matrix-${n}" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" /></bpmn:process>
</bpmn:definitions>`;
}

describe('authorisation matrix', () => {
  let t: TestEngine;
  const tokens = new Map<Caller, string | null>();
  let counter = 0;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true, jobs: true });
    for (const c of CALLERS) tokens.set(c, USERS[c] ? await t.login(USERS[c]!) : null);
  });
  afterAll(() => t.close());

  /** A dossier of 1.001806 whose desk step is done: its open task is step 2 (SYT_BTXH, head). */
  async function fixture(): Promise<Fixture> {
    const reception = tokens.get('reception')!;
    const received = await t.http.post('/api/dossiers').set('Authorization', reception).send({ procedureKey: 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat', applicant: { name: 'Công ty A', phone: '0912345678' }, channel: 'direct' });
    const dossier = (await t.http.get(`/api/dossiers/${received.body.code}`).set('Authorization', reception)).body;
    await t.http.post(`/api/tasks/${dossier.currentSteps[0].id}/complete`).set('Authorization', reception).send({}).expect(204);
    const next = (await t.http.get(`/api/dossiers/${received.body.code}`).set('Authorization', reception)).body;
    const [instance] = await t.engine.db.query<{ definition_id: string }>(`SELECT definition_id FROM process_instance WHERE id = $1`, [received.body.processInstanceId]);
    return { taskId: next.currentSteps[0].id, dossierCode: received.body.code, instanceId: received.body.processInstanceId, definitionId: instance.definition_id };
  }

  it('has a row for every route the app serves', () => {
    const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    const served = Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m} ${p}`));
    const covered = ROWS.filter((r) => !r.page).map((r) => `${r.method} ${r.route}`);
    expect(served.filter((s) => !covered.includes(s))).toEqual([]);
    expect(covered.filter((c) => !served.includes(c))).toEqual([]);
  });

  it.each(ROWS.map((r) => [`${r.method.toUpperCase()} ${r.route}`, r] as const))('%s', async (_, row) => {
    const shared = row.mutates ? undefined : await fixture();
    const seen: Record<string, number> = {};
    for (const caller of CALLERS) {
      const f = shared ?? (await fixture());
      const { path, body } = row.request(f, ++counter);
      let req = t.http[row.method](path);
      const token = row.ownSession && USERS[caller] ? await t.login(USERS[caller]!) : tokens.get(caller);
      if (token) req = req.set('Authorization', token);
      const res = body === undefined ? await req : await req.send(body as object);
      seen[caller] = res.status;
    }
    expect(seen).toEqual(row.expect);
  });
});
