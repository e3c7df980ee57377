import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { ConfirmPayment, RequestCheckout, paymentOf, paymentView } from '../../payments/payment-commands.js';
import { SandboxPaymentProvider, paymentSandboxEnabled } from '../../payments/payment-provider.js';
import { renderReceipt } from '../../payments/receipt-html.js';
import { SANDBOX_PAGE_CSP, renderSandboxPage } from '../../payments/sandbox-page.js';
import { loadDossier } from '../../persistence/dossiers/dossier-record.js';
import { agencyOfDossier } from '../../persistence/dossiers/dossier-rows.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { PublicDossierLookup } from '../../queries/public/public-dossier-lookup.js';
import { PublicLookupQuery } from '../public/public-dossiers.controller.js';
import { LookupRateLimiter } from '../public/lookup-rate-limiter.js';
import { DomainError, ErrorCode, notFound } from '../../shared/domain-error.js';
import { DocumentAccess } from '../../documents/document-access.js';
import { paymentStore } from '../../persistence/payments/payment-store.js';
import { departmentName } from '../../persistence/identity/department-tree.js';

const nullableString = { type: String, nullable: true } as const;

export class PaymentDoc {
  @ApiProperty() dossierCode!: string;
  @ApiProperty({ description: 'VND' }) amount!: number;
  @ApiProperty({ enum: ['pending', 'paid'] }) status!: string;
  @ApiProperty({ enum: ['online', 'cash'], nullable: true }) method!: string | null;
  @ApiProperty(nullableString) provider!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ ...nullableString, example: 'BL-2026-000001' }) receiptNumber!: string | null;
}

export class ConfirmedPaymentDoc extends PaymentDoc {
  @ApiProperty({ description: 'True when it had been paid before this call (nothing changed)' }) alreadyPaid!: boolean;
}

export class CheckoutDoc {
  @ApiProperty({ description: 'Send the applicant here to pay' }) checkoutUrl!: string;
  @ApiProperty() amount!: number;
}

export class SandboxPaidDoc {
  @ApiProperty() message!: string;
  @ApiProperty() returnUrl!: string;
}

interface HeaderSink {
  header(name: string, value: string): unknown;
}

/** The payment pages' own budget of code + phone guesses (PaymentsModule provides it). */
export const PAYMENT_LOOKUP_LIMITER = Symbol('PAYMENT_LOOKUP_LIMITER');

/**
 * Fees, applicant's side (no account: the dossier code and phone, as in the lookup): what is owed,
 * paying online through the provider; and the sandbox provider's pages and notifications.
 */
@ApiTags('public')
@Controller('api/public')
export class PublicPaymentsController {
  private readonly sandbox = paymentSandboxEnabled();

  constructor(
    private readonly engine: Engine,
    private readonly lookup: PublicDossierLookup,
    private readonly provider: SandboxPaymentProvider,
    /** Code + phone guesses are limited here as in the lookup (30 per 5 minutes per address). */
    @Inject(PAYMENT_LOOKUP_LIMITER) private readonly limiter: LookupRateLimiter,
  ) {}

  private async applicantOf(code: string, phone: string | undefined, ip: string | undefined): Promise<void> {
    this.limiter.takeOrRefuse(`ip:${ip ?? 'unknown'}`, 'lookups');
    await this.lookup.find(code, phone);
  }

  @Public()
  @Get('dossiers/:code/payment')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PaymentDoc })
  @ApiErrors(400, 404, 429)
  async payment(@Param('code') code: string, @Query() q: PublicLookupQuery, @Req() request: { ip?: string }) {
    await this.applicantOf(code, q.phone, request.ip);
    const row = await paymentOf(this.engine.db, code);
    if (!row) throw notFound('Payment of dossier', code);
    return paymentView(row);
  }

  @Public()
  @Post('dossiers/:code/payment')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CheckoutDoc })
  @ApiErrors(400, 404, 409, 429)
  async checkout(@Param('code') code: string, @Query() q: PublicLookupQuery, @Req() request: { ip?: string }) {
    await this.applicantOf(code, q.phone, request.ip);
    if (!this.sandbox) throw new DomainError(ErrorCode.Conflict, 'online payment is not configured on this server: pay at the one-stop desk');
    return this.engine.execute(new RequestCheckout(code, this.provider), { username: 'cong-dan', roles: [], departmentCode: null });
  }

  /** The sandbox bank's page (demo and tests only; a real provider has its own). */
  @Public()
  @Get('payments/sandbox/:ref')
  @ApiOkResponse({ description: 'The sandbox provider’s checkout page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProduces('text/html')
  @ApiErrors(404)
  async sandboxPage(@Param('ref') ref: string, @Res({ passthrough: true }) res: HeaderSink) {
    if (!this.sandbox) throw notFound('Payment', ref);
    const row = await paymentStore.sandboxPayment(this.engine.db, ref);
    if (!row) throw notFound('Payment', ref);
    const page = renderSandboxPage({ dossierCode: row.dossier_code, amount: Number(row.amount), paid: row.status === 'paid' });
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.header('Content-Security-Policy', SANDBOX_PAGE_CSP);
    return page;
  }

  /** The sandbox bank takes the money and notifies, signed, through the same path a real provider uses. */
  @Public()
  @Post('payments/sandbox/:ref/pay')
  @HttpCode(200)
  @ApiOkResponse({ type: SandboxPaidDoc })
  @ApiErrors(400, 404)
  async sandboxPay(@Param('ref') ref: string) {
    if (!this.sandbox) throw notFound('Payment', ref);
    const row = await paymentStore.sandboxPayment(this.engine.db, ref);
    if (!row) throw notFound('Payment', ref);
    await this.notify(await this.provider.notification(ref, Number(row.amount)));
    return { message: 'Đã thanh toán', returnUrl: `/tra-cuu?code=${encodeURIComponent(row.dossier_code)}` };
  }

  /** A provider's payment notification (IPN): verified by its signature, applied once however often it comes. */
  @Public()
  @Post('payments/notify/sandbox')
  @HttpCode(200)
  @ApiOkResponse({ type: ConfirmedPaymentDoc })
  @ApiErrors(400, 404)
  async notify(@Body() body: Record<string, unknown>) {
    if (!this.sandbox) throw notFound('Payment provider', 'sandbox');
    const notice = await this.provider.verify(body ?? {});
    if (!notice.paid) {
      // A failed payment changes nothing: the fee stays owed and the applicant may try again.
      const row = await paymentStore.byProviderRef<Parameters<typeof paymentView>[0]>(this.engine.db, this.provider.name, notice.providerRef);
      if (!row) throw notFound('Payment', notice.providerRef);
      return { ...paymentView(row), alreadyPaid: false };
    }
    return this.engine.execute(new ConfirmPayment({ providerRef: notice.providerRef, amount: notice.amount, provider: this.provider.name }), { username: `provider:${this.provider.name}`, roles: ['system'], departmentCode: null });
  }
}

/** Fees, the desk's side: what a dossier owes, cash at the counter, the receipt. */
@ApiTags('dossiers')
@Controller('api/dossiers')
export class DossierPaymentsController {
  constructor(
    private readonly engine: Engine,
    private readonly access: DocumentAccess,
  ) {}

  @Get(':code/payment')
  @ApiOkResponse({ type: PaymentDoc })
  @ApiErrors(401, 404)
  async payment(@Param('code') code: string, @CurrentActor() actor: Actor) {
    await this.visible(code, actor);
    const row = await paymentOf(this.engine.db, code);
    if (!row) throw notFound('Payment of dossier', code);
    return paymentView(row);
  }

  @Post(':code/payment/cash')
  @HttpCode(200)
  @ApiOkResponse({ type: ConfirmedPaymentDoc })
  @ApiErrors(401, 403, 404, 409)
  @Roles('reception', 'admin')
  async cash(@Param('code') code: string, @CurrentActor() actor: Actor) {
    await this.visible(code, actor);
    return this.engine.execute(new ConfirmPayment({ dossierCode: code, cash: true }), actor);
  }

  @Get(':code/payment/receipt')
  @ApiOkResponse({ description: 'The receipt (biên lai thu phí, lệ phí) as printable HTML', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProduces('text/html')
  @ApiErrors(401, 404, 409)
  async receipt(@Param('code') code: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HeaderSink) {
    await this.visible(code, actor);
    const row = await paymentOf(this.engine.db, code);
    if (!row || row.status !== 'paid') throw notFound('Paid fee of dossier', code);
    const dossier = await this.engine.db.transaction((sql) => loadDossier(sql, code));
    const agency = await departmentName(this.engine.db, dossier.agency_code);
    const page = renderReceipt({ payment: paymentView(row), agencyName: agency?.name ?? dossier.agency_code, procedureName: dossier.procedure_name, applicantName: dossier.applicant_name });
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return page;
  }

  /** Another agency's dossier is "not found", exactly like a code that doesn't exist. */
  private async visible(code: string, actor: Actor): Promise<void> {
    const row = await agencyOfDossier(this.engine.db, code);
    if (!row || !(await this.access.canSee(actor, row.agency_code))) throw notFound('Dossier', code);
  }
}
