import { paymentSandboxEnabled } from '../../../apps/engine/src/payments/payment-provider.js';

describe('the sandbox payment provider', () => {
  it('given the embedded database (demo, tests), it is on; against a real database it is off unless asked for', () => {
    expect(paymentSandboxEnabled({})).toBe(true);
    expect(paymentSandboxEnabled({ DATABASE_URL: 'postgres://db/onedoor' })).toBe(false);
    expect(paymentSandboxEnabled({ DATABASE_URL: 'postgres://db/onedoor', ONEDOOR_PAYMENT_SANDBOX: '1' })).toBe(true);
    expect(paymentSandboxEnabled({ ONEDOOR_PAYMENT_SANDBOX: '0' })).toBe(false);
  });
});
