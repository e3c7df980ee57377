import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.js';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { DocumentAccess } from '../../documents/document-access.js';
import { DossierDocumentQuery } from '../../queries/documents/dossier-document-query.js';
import { FORM_SETS } from '../../documents/form-registry.js';
import { FORM_KEYS, isFormKey } from '../../documents/form-set.js';
import { renderTrackingBook } from '../../documents/forms/tracking-book.js';
import { renderDossierForm } from '../../documents/render-dossier-form.js';
import { TrackingBookQuery } from '../../queries/documents/tracking-book-query.js';
import { reportingPeriod } from '../../documents/reporting-period.js';
import { Engine } from '../../engine.js';
import { badInput, notFound } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { publicBaseUrl } from './public-base-url.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Documents carry no script and load nothing: even a missed escape could not run code. */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export class DocumentQueryDto {
  /** Only `html`: no library renders this HTML to PDF well without a browser, and the browser's print dialog does. */
  @IsOptional() @IsIn(['html', 'pdf']) format?: string;
  /** Form 07: first and last local day of the register (YYYY-MM-DD); default the current month. */
  @IsOptional() @Matches(LOCAL_DATE, { message: 'from is a date YYYY-MM-DD' }) from?: string;
  @IsOptional() @Matches(LOCAL_DATE, { message: 'to is a date YYYY-MM-DD' }) to?: string;
  /** Form 07: print with another registered form set than the period's. */
  @IsOptional() @IsString() @MaxLength(30) formVersion?: string;
}

export class TrackingBookQueryDto extends DocumentQueryDto {
  /** Default: the caller's own agency (root of their department). */
  @IsOptional() @IsString() @MaxLength(50) agencyCode?: string;
}

/**
 * Printable forms 01–07 as HTML (A4 print CSS). Forms 01–06 belong to one dossier; form 07 is an
 * agency's register, reachable as `/api/documents/tracking-book?agencyCode=` or, keeping the
 * path shape of the other forms, `/api/documents/{agencyCode}/07`.
 */
@ApiTags('documents')
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly engine: Engine,
    private readonly dossiers: DossierDocumentQuery,
    private readonly books: TrackingBookQuery,
    private readonly access: DocumentAccess,
  ) {}

  @Get('tracking-book')
  @ApiOkResponse({ description: 'Form 07 as printable HTML (A4)', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 404)
  @ApiProduces('text/html')
  async trackingBook(@Query() q: TrackingBookQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HeaderSink): Promise<string> {
    const agencyCode = q.agencyCode ?? (await this.access.agencyOf(actor));
    if (!agencyCode) throw badInput('agencyCode is required for a user outside any agency', [{ field: 'agencyCode', message: 'required' }]);
    return asHtml(res, await this.book(agencyCode, q, actor));
  }

  @Get(':code/:form')
  @ApiOkResponse({ description: 'The form as printable HTML (A4); a browser without a token is sent to the app’s print page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 404)
  @ApiProduces('text/html')
  async document(
    @Param('code') code: string,
    @Param('form') form: string,
    @Query() q: DocumentQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: HeaderSink,
    @Req() request: { protocol?: string; host?: string; hostname?: string },
  ): Promise<string> {
    if (!isFormKey(form)) throw badInput(`unknown form ${form}`, [{ field: 'form', message: `one of ${FORM_KEYS.join(', ')}` }]);
    if (form === '07') return asHtml(res, await this.book(code, q, actor));
    refusePdf(q);
    if (q.formVersion !== undefined) throw badInput('a dossier prints with the form set it was received under', [{ field: 'formVersion', message: 'only for form 07' }]);
    const agencyCode = await this.dossiers.agencyOf(code);
    // Another agency's dossier is "not found", exactly like a code that doesn't exist.
    if (!agencyCode || !(await this.access.canSee(actor, agencyCode))) throw notFound('Dossier', code);
    const data = await this.dossiers.load(code, this.engine.now());
    return asHtml(res, renderDossierForm(form, { ...data, publicBaseUrl: publicBaseUrl(request) }));
  }

  private async book(agencyCode: string, q: DocumentQueryDto, actor: Actor): Promise<string> {
    refusePdf(q);
    if (q.formVersion !== undefined && !Object.hasOwn(FORM_SETS, q.formVersion)) {
      throw badInput(`no form set ${q.formVersion}`, [{ field: 'formVersion', message: `one of ${Object.keys(FORM_SETS).join(', ')}` }]);
    }
    if (!(await this.access.canSee(actor, agencyCode))) throw notFound('Agency', agencyCode);
    const now = this.engine.now();
    const period = reportingPeriod(q.from, q.to, now);
    const book = await this.books.load(agencyCode, period.from, period.to, now);
    return renderTrackingBook(book, q.formVersion ?? book.formVersion);
  }
}

/** The part of the HTTP response a handler touches. */
interface HeaderSink {
  header(name: string, value: string): unknown;
}

/**
 * Headers of a printed document, set only once it rendered: set up front (@Header), they would
 * also go out on the JSON error responses and mislabel them as HTML.
 */
function asHtml(res: HeaderSink, html: string): string {
  res.header('Content-Type', 'text/html; charset=utf-8');
  res.header('Cache-Control', 'no-store');
  res.header('Content-Security-Policy', DOCUMENT_CSP);
  return html;
}

function refusePdf(q: DocumentQueryDto): void {
  if (q.format === 'pdf') {
    throw badInput('PDF is not offered: the HTML is laid out for A4, print it to PDF from the browser', [{ field: 'format', message: 'only html' }]);
  }
}
