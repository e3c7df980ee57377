import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { SandboxPaymentProvider } from '../../payments/payment-provider.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { LookupRateLimiter } from '../public/lookup-rate-limiter.js';
import { PublicDossierLookup } from '../../queries/public/public-dossier-lookup.js';
import { DossierPaymentsController, PAYMENT_LOOKUP_LIMITER, PublicPaymentsController } from './payments.controller.js';

/** Fees: what a dossier owes, online payment through the provider, cash at the desk, the receipt. */
@Module({
  imports: [DocumentsModule],
  controllers: [DossierPaymentsController, PublicPaymentsController],
  providers: [
    { provide: PublicDossierLookup, useFactory: (engine: Engine) => new PublicDossierLookup(engine.db), inject: [Engine] },
    { provide: SandboxPaymentProvider, useFactory: (engine: Engine) => new SandboxPaymentProvider(engine.db), inject: [Engine] },
    { provide: PAYMENT_LOOKUP_LIMITER, useFactory: () => new LookupRateLimiter() },
  ],
})
export class PaymentsModule {}
