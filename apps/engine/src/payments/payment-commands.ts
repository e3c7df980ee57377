import { randomUUID } from 'node:crypto';
import type { Command, CommandContext } from '../commands/command.js';
import { CorrelateMessage } from '../commands/correlate-message.js';
import { loadDossier } from '../persistence/dossiers/dossier-record.js';
import { DomainError, ErrorCode, badInput, conflict, notFound } from '../shared/domain-error.js';
import { PAYMENT_MESSAGE } from './payment-gate.js';
import type { PaymentProvider } from './payment-provider.js';
import { paymentStore } from '../persistence/payments/payment-store.js';

export interface PaymentView {
  dossierCode: string;
  amount: number;
  status: 'pending' | 'paid';
  method: 'online' | 'cash' | null;
  provider: string | null;
  requestedAt: Date;
  paidAt: Date | null;
  receiptNumber: string | null;
}

interface PaymentRow {
  id: string;
  dossier_code: string;
  amount: string;
  status: 'pending' | 'paid';
  method: 'online' | 'cash' | null;
  provider: string | null;
  provider_ref: string | null;
  requested_at: Date;
  paid_at: Date | null;
  receipt_number: string | null;
}

export const paymentView = (row: PaymentRow): PaymentView => ({
  dossierCode: row.dossier_code,
  amount: Number(row.amount),
  status: row.status,
  method: row.method,
  provider: row.provider,
  requestedAt: row.requested_at,
  paidAt: row.paid_at,
  receiptNumber: row.receipt_number,
});

export async function paymentOf(sql: Pick<CommandContext['sql'], 'query'>, code: string, lock = false): Promise<PaymentRow | undefined> {
  return paymentStore.ofDossier<PaymentRow>(sql, code, lock);
}

/** The applicant asks to pay online: the provider's page for the dossier's pending fee. */
export class RequestCheckout implements Command<{ checkoutUrl: string; amount: number }> {
  readonly name = 'request-payment-checkout';
  constructor(
    private readonly code: string,
    private readonly provider: PaymentProvider,
  ) {}

  async execute(ctx: CommandContext) {
    const payment = await paymentOf(ctx.sql, this.code, true);
    if (!payment) throw notFound('Payment of dossier', this.code);
    if (payment.status === 'paid') throw conflict(`the fee of dossier ${this.code} is already paid (receipt ${payment.receipt_number})`);
    const providerRef = payment.provider === this.provider.name && payment.provider_ref ? payment.provider_ref : `${this.provider.name}-${randomUUID()}`;
    await paymentStore.checkoutStarted(ctx.sql, payment.id, this.provider.name, providerRef);
    const amount = Number(payment.amount);
    const { checkoutUrl } = await this.provider.checkout({ providerRef, amount, description: `Lệ phí hồ sơ ${this.code}` });
    return { checkoutUrl, amount };
  }
}

/**
 * The fee is paid: online, on the provider's verified notice, or in cash at the desk. Marks the
 * payment paid with the next receipt number and releases the gate (the payment message) in the
 * same transaction. Idempotent: a notice repeated, or two nodes receiving it at once, pays once and
 * moves the dossier once (the row lock serialises them; the second sees it paid).
 */
export class ConfirmPayment implements Command<PaymentView & { alreadyPaid: boolean }> {
  readonly name = 'confirm-payment';
  constructor(
    private readonly by: { providerRef: string; amount: number; provider: string } | { dossierCode: string; cash: true },
  ) {}

  async execute(ctx: CommandContext) {
    const by = this.by;
    const found = 'providerRef' in by
      ? await paymentStore.byProviderRef<PaymentRow>(ctx.sql, by.provider, by.providerRef, true)
      : await paymentStore.ofDossier<PaymentRow>(ctx.sql, by.dossierCode, true);
    if (!found) throw notFound('Payment', 'providerRef' in by ? by.providerRef : by.dossierCode);
    if (found.status === 'paid') return { ...paymentView(found), alreadyPaid: true };
    if ('providerRef' in by && by.amount !== Number(found.amount)) {
      throw badInput(`the provider reports ${by.amount} VND, the fee is ${found.amount} VND`, [{ field: 'amount', message: 'does not match the fee' }]);
    }
    const dossier = await loadDossier(ctx.sql, found.dossier_code);
    if (dossier.finished_at && dossier.status !== 9) throw new DomainError(ErrorCode.Conflict, `dossier ${dossier.code} has ended`);
    const receiptNumber = await nextReceiptNumber(ctx);
    const method = 'providerRef' in by ? 'online' : 'cash';
    await paymentStore.paid(ctx.sql, found.id, method, ctx.now, ctx.actor.username, receiptNumber);
    await new CorrelateMessage(PAYMENT_MESSAGE, dossier.code, null, { daNopLePhi: true, bienLaiThuPhi: receiptNumber }).execute(ctx);
    await ctx.audit({ operation: 'confirm-payment', entityType: 'dossier', entityId: dossier.code, instanceId: dossier.instance_id, details: { amount: Number(found.amount), method, receiptNumber } });
    ctx.dossierChanged(dossier.code);
    return { ...paymentView({ ...found, status: 'paid', method, paid_at: ctx.now, receipt_number: receiptNumber }), alreadyPaid: false };
  }
}

/** "BL-2026-000042": receipts numbered per year without gaps (the row lock on the year serialises nodes). */
async function nextReceiptNumber(ctx: CommandContext): Promise<string> {
  const year = new Date(ctx.now.getTime() + 7 * 3_600_000).getUTCFullYear();
  const last = await paymentStore.nextReceipt(ctx.sql, year);
  return `BL-${year}-${String(last).padStart(6, '0')}`;
}
