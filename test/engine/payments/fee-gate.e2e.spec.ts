import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KEY = 'thu-tuc-co-le-phi';
const PHONE = '0912345678';

/**
 * Issue #24: a dossier pays its fee before its result is released. The procedure's payment gate
 * (a message catch event waiting for `thanhToanLePhi`) holds it; the sandbox provider's signed
 * notification, or cash at the desk, releases it once.
 */
describe('fees and the payment gate', () => {
  let t: TestEngine;
  let desk: string;

  beforeAll(async () => {
    t = await startTestEngine();
    const admin = await t.login('admin');
    const xml = await readFile(path.join(here, 'fee-gate.bpmn'), 'utf8');
    expect((await t.http.post('/api/deployments').set('Authorization', admin).send({ name: 'fee', bpmnXml: xml })).status).toBe(201);
    desk = await t.login('motcua.syt');
  });
  afterAll(() => t.close());

  /** A dossier received and its first step done: it now stands at the payment gate. */
  async function atTheGate(): Promise<string> {
    const received = await t.http.post('/api/dossiers').set('Authorization', desk).send({ procedureKey: KEY, applicant: { name: 'Lò Văn Páo', phone: PHONE }, channel: 'direct' });
    expect(received.status).toBe(201);
    const code = received.body.code;
    const [step] = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', desk)).body.currentSteps;
    expect((await t.http.post(`/api/tasks/${step.id}/complete`).set('Authorization', desk).send({})).status).toBe(204);
    return code;
  }

  const dossier = async (code: string) => (await t.http.get(`/api/dossiers/${code}`).set('Authorization', desk)).body;

  it('given a dossier at the gate, it owes the procedure’s fee, reads status 6 and no step is open until it is paid', async () => {
    const code = await atTheGate();
    const owed = await t.http.get(`/api/public/dossiers/${code}/payment?phone=${PHONE}`);
    expect(owed.status).toBe(200);
    expect(owed.body).toEqual(expect.objectContaining({ amount: 150000, status: 'pending', receiptNumber: null }));
    const d = await dossier(code);
    expect(d.status).toBe(6);
    expect(d.currentSteps).toEqual([]);
    // The wrong phone learns nothing, as in the lookup.
    expect((await t.http.get(`/api/public/dossiers/${code}/payment?phone=0999999999`)).status).toBe(404);
  });

  it('given the applicant pays online, the provider’s signed notice releases the gate once — a repeated notice pays nothing twice', async () => {
    const code = await atTheGate();
    const checkout = await t.http.post(`/api/public/dossiers/${code}/payment?phone=${PHONE}`);
    expect(checkout.status).toBe(201);
    expect(checkout.body.amount).toBe(150000);
    const page = await t.http.get(checkout.body.checkoutUrl);
    expect(page.status).toBe(200);
    expect(page.text).toContain('150.000 đồng');

    const paid = await t.http.post(`${checkout.body.checkoutUrl}/pay`).send({});
    expect(paid.status).toBe(200);
    expect(paid.body.returnUrl).toBe(`/tra-cuu?code=${code}`);

    const after = await dossier(code);
    expect(after.currentSteps.map((s: { elementId: string }) => s.elementId)).toEqual(['tra-ket-qua']);
    expect(after.status).toBe(9);
    const payment = (await t.http.get(`/api/dossiers/${code}/payment`).set('Authorization', desk)).body;
    expect(payment).toEqual(expect.objectContaining({ status: 'paid', method: 'online', provider: 'sandbox', receiptNumber: expect.stringMatching(/^BL-\d{4}-\d{6}$/) }));

    // The bank retries its notice (and two at once): nothing changes, no second step.
    const again = await Promise.all([t.http.post(`${checkout.body.checkoutUrl}/pay`).send({}), t.http.post(`${checkout.body.checkoutUrl}/pay`).send({})]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    const later = await dossier(code);
    expect(later.currentSteps.map((s: { elementId: string }) => s.elementId)).toEqual(['tra-ket-qua']);
    expect((await t.http.get(`/api/dossiers/${code}/payment`).set('Authorization', desk)).body.receiptNumber).toBe(payment.receiptNumber);
  });

  it('given a forged or altered notice, it is refused and the fee stays owed', async () => {
    const code = await atTheGate();
    const checkout = await t.http.post(`/api/public/dossiers/${code}/payment?phone=${PHONE}`);
    const ref = decodeURIComponent(checkout.body.checkoutUrl.split('/').pop());
    const forged = await t.http.post('/api/public/payments/notify/sandbox').send({ providerRef: ref, amount: 150000, paid: true, signature: '00'.repeat(32) });
    expect(forged.status).toBe(400);
    expect(forged.body.details[0].field).toBe('signature');
    expect((await dossier(code)).status).toBe(6);
  });

  it('given cash at the desk, the gate opens, the receipt prints with the amount, and a second confirmation changes nothing', async () => {
    const code = await atTheGate();
    const cash = await t.http.post(`/api/dossiers/${code}/payment/cash`).set('Authorization', desk);
    expect(cash.status).toBe(200);
    expect(cash.body).toEqual(expect.objectContaining({ status: 'paid', method: 'cash', alreadyPaid: false }));
    const twice = await t.http.post(`/api/dossiers/${code}/payment/cash`).set('Authorization', desk);
    expect(twice.body).toEqual(expect.objectContaining({ alreadyPaid: true, receiptNumber: cash.body.receiptNumber }));
    const receipt = await t.http.get(`/api/dossiers/${code}/payment/receipt`).set('Authorization', desk);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(receipt.text).toContain('150.000 đồng');
    expect(receipt.text).toContain(cash.body.receiptNumber);
    // Another agency's officer can't see or take it.
    const other = await t.login('chuyenvien.qlcl');
    expect((await t.http.get(`/api/dossiers/${code}/payment`).set('Authorization', other)).status).toBe(404);
  });

  it('given the dossiers above (one paid online, one in cash, two owing), the Decision 766 online-payment index is 1 of 4', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const res = await t.http.get(`/api/reports/dashboard?from=${today}&to=${today}`).set('Authorization', await t.login('admin'));
    expect(res.status).toBe(200);
    expect(res.body.indices.onlinePayment).toEqual(expect.objectContaining({ numerator: 1, denominator: 4, value: 0.25 }));
  });

  it('given a negative fee, the deployment is refused naming the process', async () => {
    const admin = await t.login('admin');
    const xml = (await readFile(path.join(here, 'fee-gate.bpmn'), 'utf8')).replace('od:fee="150000"', 'od:fee="-5"');
    const res = await t.http.post('/api/deployments').set('Authorization', admin).send({ name: 'bad fee', bpmnXml: xml });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: KEY, message: expect.stringContaining('od:fee') })]));
  });
});
