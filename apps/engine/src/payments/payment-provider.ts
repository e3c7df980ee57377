import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../persistence/database.js';
import { badInput } from '../shared/domain-error.js';
import { paymentStore } from '../persistence/payments/payment-store.js';

/** A provider's word that a payment went through (or not), once its signature is checked. */
export interface PaymentNotice {
  providerRef: string;
  amount: number;
  paid: boolean;
}

/**
 * Where applicants pay online. The national payment platform and the banks' gateways each sit
 * behind this: `checkout` gives the page to send the applicant to, `verify` checks a notification
 * the provider sends back (its signature, never trusting the body alone) and says what it reports.
 */
export interface PaymentProvider {
  readonly name: string;
  checkout(input: { providerRef: string; amount: number; description: string }): Promise<{ checkoutUrl: string }>;
  verify(notification: Record<string, unknown>): Promise<PaymentNotice>;
}

/**
 * The sandbox: a pretend bank inside the engine, for the demo and the tests. Its checkout page
 * (`/api/public/payments/sandbox/{ref}`) has one button; its notifications are signed with
 * HMAC-SHA256 under a key kept in the database, so every node verifies what any node signed and a
 * forged or altered notification is refused.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private key?: Promise<Buffer>;

  constructor(private readonly db: Database) {}

  async checkout(input: { providerRef: string }): Promise<{ checkoutUrl: string }> {
    return { checkoutUrl: `/api/public/payments/sandbox/${encodeURIComponent(input.providerRef)}` };
  }

  /** What the pretend bank sends back once the applicant pressed "pay". */
  async notification(providerRef: string, amount: number, paid = true): Promise<Record<string, unknown>> {
    return { providerRef, amount, paid, signature: await this.sign(providerRef, amount, paid) };
  }

  async verify(n: Record<string, unknown>): Promise<PaymentNotice> {
    const providerRef = typeof n.providerRef === 'string' ? n.providerRef : '';
    const amount = typeof n.amount === 'number' ? n.amount : Number.NaN;
    const paid = n.paid === true;
    const given = Buffer.from(typeof n.signature === 'string' ? n.signature : '', 'hex');
    const expected = Buffer.from(await this.sign(providerRef, amount, paid), 'hex');
    if (!providerRef || !Number.isFinite(amount) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw badInput('the payment notification is not signed by the provider', [{ field: 'signature', message: 'does not verify' }]);
    }
    return { providerRef, amount, paid };
  }

  private async sign(providerRef: string, amount: number, paid: boolean): Promise<string> {
    return createHmac('sha256', await this.secret()).update(`${providerRef}|${amount}|${paid ? 'paid' : 'failed'}`).digest('hex');
  }

  private secret(): Promise<Buffer> {
    return (this.key ??= (async () => {
      return Buffer.from(await paymentStore.sandboxKey(this.db, randomBytes(32).toString('base64')), 'base64');
    })());
  }
}

/**
 * The sandbox takes pretend money: it is on with the embedded database (the demo, the tests) and
 * off against a real one (`DATABASE_URL`) unless `ONEDOOR_PAYMENT_SANDBOX=1` says otherwise, so a
 * production server never accepts a payment nobody made.
 */
export function paymentSandboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.ONEDOOR_PAYMENT_SANDBOX !== undefined && env.ONEDOOR_PAYMENT_SANDBOX !== '') return env.ONEDOOR_PAYMENT_SANDBOX === '1';
  return !env.DATABASE_URL;
}
