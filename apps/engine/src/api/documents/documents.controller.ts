import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { DocumentAccess } from '../../documents/document-access.js';
import { DossierDocumentQuery } from '../../documents/dossier-document-query.js';
import { FORM_SETS } from '../../documents/form-registry.js';
import { FORM_KEYS, isFormKey } from '../../documents/form-set.js';
import { renderTrackingBook } from '../../documents/forms/tracking-book.js';
import { renderDossierForm } from '../../documents/render-dossier-form.js';
import { TrackingBookQuery } from '../../documents/tracking-book-query.js';
import { reportingPeriod } from '../../documents/reporting-period.js';
import { Engine } from '../../engine.js';
import { badInput, notFound } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DocumentQueryDto {
  /** Only `html`: PDF is the browser's print dialog (see README of this folder). */
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
  private readonly dossiers: DossierDocumentQuery;
  private readonly books: TrackingBookQuery;
  private readonly access: DocumentAccess;

  constructor(private readonly engine: Engine) {
    this.dossiers = new DossierDocumentQuery(engine.db);
    this.books = new TrackingBookQuery(engine.db);
    this.access = new DocumentAccess(engine.db);
  }

  @Get('tracking-book')
  @ApiProduces('text/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', DOCUMENT_CSP)
  async trackingBook(@Query() q: TrackingBookQueryDto, @CurrentActor() actor: Actor): Promise<string> {
    const agencyCode = q.agencyCode ?? (await this.access.agencyOf(actor));
    if (!agencyCode) throw badInput('agencyCode is required for a user outside any agency', [{ field: 'agencyCode', message: 'required' }]);
    return this.book(agencyCode, q, actor);
  }

  @Get(':code/:form')
  @ApiProduces('text/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', DOCUMENT_CSP)
  async document(@Param('code') code: string, @Param('form') form: string, @Query() q: DocumentQueryDto, @CurrentActor() actor: Actor): Promise<string> {
    if (!isFormKey(form)) throw badInput(`unknown form ${form}`, [{ field: 'form', message: `one of ${FORM_KEYS.join(', ')}` }]);
    if (form === '07') return this.book(code, q, actor);
    refusePdf(q);
    if (q.formVersion !== undefined) throw badInput('a dossier prints with the form set it was received under', [{ field: 'formVersion', message: 'only for form 07' }]);
    const agencyCode = await this.dossiers.agencyOf(code);
    // Another agency's dossier is "not found", exactly like a code that doesn't exist.
    if (!agencyCode || !(await this.access.canSee(actor, agencyCode))) throw notFound('Dossier', code);
    return renderDossierForm(form, await this.dossiers.load(code, this.engine.now()));
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

/** Documents carry no script and load nothing: even a missed escape could not run code. */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function refusePdf(q: DocumentQueryDto): void {
  if (q.format === 'pdf') {
    throw badInput('PDF is not offered: the HTML is laid out for A4, print it to PDF from the browser', [{ field: 'format', message: 'only html' }]);
  }
}
