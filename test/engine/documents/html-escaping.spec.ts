import { Database } from '../../../apps/engine/src/persistence/database.js';
import { DossierDocumentQuery } from '../../../apps/engine/src/queries/documents/dossier-document-query.js';
import { html } from '../../../apps/engine/src/documents/html.js';
import { renderDossierForm } from '../../../apps/engine/src/documents/render-dossier-form.js';
import { renderTrackingBook } from '../../../apps/engine/src/documents/forms/tracking-book.js';
import { TrackingBookQuery } from '../../../apps/engine/src/queries/documents/tracking-book-query.js';
import { FORM_KEYS, type FormKey } from '../../../apps/engine/src/documents/form-set.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { DossierFixtures, vn } from './dossier-fixtures.js';
import { textContent } from './text-content.js';

const NAME = `<script>alert("tên")</script> & Công ty "Hoa Mai" 'X'`;
const ITEM = '<img src=x onerror=alert(1)>Bản sao giấy phép';
const REASON = '</td></tr></table><b onclick="x()">Lý do</b>';

describe('user data in printed documents is text, never markup', () => {
  let db: TestDatabase;
  let query: DossierDocumentQuery;
  let books: TrackingBookQuery;
  const code = 'SYT-270407-0000009';

  beforeAll(async () => {
    db = await createTestDatabase();
    const database = new Database(db.dataSource);
    const f = new DossierFixtures(database);
    await f.organisation();
    const instance = await f.dossier({ code, status: 5, receivedAt: vn('2027-04-07 09:00'), legalDueAt: vn('2027-04-21 17:00'), applicantName: NAME, applicantEmail: 'a"><svg onload=alert(1)>@x.vn' });
    await f.variable(instance, 'documents', [ITEM, { name: '<iframe src="//evil">', copies: '<b>2</b>' }], vn('2027-04-07 09:00'));
    await f.task(instance, { name: '<u>Tiếp nhận</u>', departmentCode: 'SYT_MOTCUA', assignee: 'motcua.syt', createdAt: vn('2027-04-07 09:00'), dueAt: vn('2027-04-07 17:00') });
    await f.event(code, vn('2027-04-07 10:00'), 'supplement_requested', 'chuyenvien.btxh', { missing: [ITEM], note: REASON });
    await f.event(code, vn('2027-04-07 11:00'), 'refused', 'motcua.syt', { reason: REASON });
    await f.event(code, vn('2027-04-07 11:00'), 'apology', 'lanhdao.syt', { reason: REASON, previousDueAt: 'not a date', newDueAt: vn('2027-04-28 17:00').toISOString() });
    await f.event(code, vn('2027-04-07 11:00'), 'stopped', 'lanhdao.syt', { reason: REASON });
    query = new DossierDocumentQuery(database);
    books = new TrackingBookQuery(database);
  });
  afterAll(() => db.close());

  it.each(FORM_KEYS.filter((k) => k !== '07') as Exclude<FormKey, '07'>[])('given markup in names, items and reasons, when form %s is printed, then it is escaped and reads as typed', async (form) => {
    const printed = renderDossierForm(form, await query.load(code, vn('2027-04-08 09:00')));
    expect(printed).not.toMatch(/<script>alert|<img src=x|<iframe|<b onclick|<svg|<u>|<b>2/);
    expect(printed).toContain('&lt;script&gt;alert(&quot;tên&quot;)&lt;/script&gt; &amp; Công ty &quot;Hoa Mai&quot; &#39;X&#39;');
    expect(textContent(printed)).toContain(NAME);
    if (form === '02' || form === '03' || form === '04' || form === '05') expect(textContent(printed)).toContain(REASON);
    if (form === '01') expect(textContent(printed)).toContain(ITEM);
  });

  it('given markup in an applicant name, when form 07 is printed, then it is escaped', async () => {
    const book = await books.load('SYT', '2027-04-01', '2027-04-30', vn('2027-04-08 09:00'));
    const printed = renderTrackingBook(book, book.formVersion);
    expect(printed).not.toContain('<script>alert');
    expect(textContent(printed)).toContain(NAME);
  });

  it('given the html template, when values are interpolated, then only SafeHtml passes unescaped', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${'<a href="x">'}${inner}${['<', html`<br>`]}${null}${undefined}${false}${0}</p>`.value).toBe('<p>&lt;a href=&quot;x&quot;&gt;<b>&lt;i&gt;</b>&lt;<br>0</p>');
  });
});
