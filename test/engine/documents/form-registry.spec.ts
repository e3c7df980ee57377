import { Database } from '../../../apps/engine/src/persistence/database.js';
import { DossierDocumentQuery } from '../../../apps/engine/src/queries/documents/dossier-document-query.js';
import { CURRENT_FORM_SET, FORM_SETS, formSetFor } from '../../../apps/engine/src/documents/form-registry.js';
import { FORM_KEYS } from '../../../apps/engine/src/documents/form-set.js';
import { renderTrackingBook } from '../../../apps/engine/src/documents/forms/tracking-book.js';
import { renderDossierForm } from '../../../apps/engine/src/documents/render-dossier-form.js';
import { TrackingBookQuery } from '../../../apps/engine/src/queries/documents/tracking-book-query.js';
import { DomainError, ErrorCode } from '../../../apps/engine/src/shared/domain-error.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { DossierFixtures } from './dossier-fixtures.js';
import { CODES, PRINTED_AT, seedScenarios } from './dossier-scenarios.js';
import { textContent } from './text-content.js';

describe('the form set is versioned data', () => {
  let db: TestDatabase;
  let query: DossierDocumentQuery;
  let books: TrackingBookQuery;

  beforeAll(async () => {
    db = await createTestDatabase();
    const database = new Database(db.dataSource);
    const fixtures = new DossierFixtures(database);
    await fixtures.organisation();
    await seedScenarios(fixtures);
    query = new DossierDocumentQuery(database);
    books = new TrackingBookQuery(database);
  });
  afterAll(() => db.close());

  it('given the registry, then every version has all seven forms with a title and the national motto', () => {
    expect(Object.keys(FORM_SETS).sort()).toEqual(['TT01/2018', 'TT03/2025']);
    expect(CURRENT_FORM_SET).toBe('TT03/2025');
    for (const set of Object.values(FORM_SETS)) {
      expect(set.common.nationLine).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      for (const key of FORM_KEYS) expect(set.forms[key].title).toMatch(/^[A-ZÀ-Ỹ ,]+$/u);
    }
  });

  it('given a dossier received under TT01/2018, when its refusal is printed, then it carries the old title, numbering, legal basis and desk name', async () => {
    const body = textContent(renderDossierForm('03', await query.load(CODES.oldCircular, PRINTED_AT)));
    expect(body).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(body).not.toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(body).toContain('Mẫu số 04');
    expect(body).toContain('Thông tư số 01/2018/TT-VPCP');
    expect(body).toContain('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ');
    expect(body).toContain('Lý do: Lý do theo mẫu cũ');
    expect(body).toContain('Ngày 11 tháng 6 năm 2024');
  });

  it('given the same forms for a dossier under TT03/2025, then they carry the new numbering', async () => {
    const refusal = textContent(renderDossierForm('03', await query.load(CODES.refused, PRINTED_AT)));
    expect(refusal).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(refusal).toContain('Mẫu số 03');
    const old = textContent(renderDossierForm('06', await query.load(CODES.oldCircular, PRINTED_AT)));
    const current = textContent(renderDossierForm('06', await query.load(CODES.refused, PRINTED_AT)));
    expect(old).toContain('Mẫu số 02');
    expect(current).toContain('Mẫu số 06');
  });

  it('given TT01/2018 had no stop notice, when form 05 is printed for an old dossier, then it has a title but no form number', async () => {
    const body = textContent(renderDossierForm('05', await query.load(CODES.oldCircular, PRINTED_AT)));
    expect(body).toContain('THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(body).not.toMatch(/Mẫu số/);
  });

  it('given a period of 2024, when the tracking book is printed, then it uses the set of that period’s dossiers', async () => {
    const book = await books.load('SYT', '2024-06-01', '2024-06-30', PRINTED_AT);
    expect(book.formVersion).toBe('TT01/2018');
    expect(textContent(renderTrackingBook(book, book.formVersion))).toContain('Mẫu số 06');
    const empty = await books.load('SYT', '2026-01-01', '2026-01-31', PRINTED_AT);
    expect(empty.formVersion).toBe(CURRENT_FORM_SET);
  });

  it('given a version nobody registered, when its form set is asked for, then it is a conflict, not a crash', () => {
    expect(() => formSetFor('TT99/2030')).toThrow(expect.objectContaining({ code: ErrorCode.Conflict }) as DomainError);
    expect(() => formSetFor('constructor')).toThrow(DomainError);
  });
});
