import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DossierFileQueries } from '../../queries/dossier-files/dossier-file-queries.js';
import type { DossierFileRow } from '../../persistence/dossier-files/dossier-file-row.js';
import { Engine } from '../../engine.js';
import { appendAudit } from '../../persistence/audit-log.js';
import { APPLICANT_ACTOR } from '../../persistence/public-results/applicant.js';
import { hashToken } from '../../public-results/one-time-code.js';
import { RateService, SERVICE_RATINGS, type ServiceRating } from '../../public-results/rate-service.js';
import { RequestResultCode } from '../../public-results/request-result-code.js';
import { releaseOrRefuse, VerifyResultCode } from '../../public-results/verify-result-code.js';
import { notFound } from '../../shared/domain-error.js';
import { Public } from '../auth/public.decorator.js';
import { contentDisposition } from '../dossier-files/uploaded-dossier-file.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { LookupRateLimiter } from './lookup-rate-limiter.js';
import { resultAccessStore } from '../../persistence/public-results/result-access-store.js';

export class ApplicantPhoneDto {
  /** The phone given when the dossier was handed in (any wrong phone is the lookup's 404). */
  @IsString() @MaxLength(50) phone!: string;
}

export class ResultCodeDto extends ApplicantPhoneDto {
  @IsString() @Matches(/^\d{6}$/, { message: 'code is the 6 digits sent by SMS' }) code!: string;
}

export class RatingDto extends ApplicantPhoneDto {
  @IsIn(SERVICE_RATINGS) rating!: ServiceRating;
  @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}

export class DownloadTokenQuery {
  @IsString() @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token is the one in downloadUrl' }) token!: string;
}

export class ResultCodeSentDoc {
  @ApiProperty({ description: 'The phone the code went to, all but the last 3 digits hidden' }) sentTo!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
}

export class ResultReleaseDoc {
  @ApiProperty({ description: 'GET it to download the result; valid 15 minutes' }) downloadUrl!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
}

export class RatingDoc {
  @ApiProperty() dossierCode!: string;
  @ApiProperty({ enum: SERVICE_RATINGS }) rating!: string;
  @ApiProperty({ type: String, format: 'date-time' }) ratedAt!: Date;
}

/** Lets a test supply its own budget for the public result routes (default 30 per 5 min per address). */
export const PUBLIC_RESULT_LIMITER = Symbol('PUBLIC_RESULT_LIMITER');

/**
 * The applicant's electronic result and rating, without logging in: code + phone to ask for a
 * one-time code (sent by SMS), the code to get a short-lived download link, and once the result
 * is returned, one rating of the service.
 */
@ApiTags('public')
@Controller('api/public/dossiers')
export class PublicResultsController {
  constructor(
    private readonly engine: Engine,
    @Inject(PUBLIC_RESULT_LIMITER) private readonly limiter: LookupRateLimiter,
    private readonly files: DossierFileQueries,
  ) {}

  /** Sends a one-time code to the dossier's phone (SMS outbox; logged on the server for the demo). */
  @Public()
  @Post(':code/result-code')
  @ApiCreatedResponse({ type: ResultCodeSentDoc })
  @ApiErrors(400, 404, 409, 429)
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  async requestCode(@Param('code') code: string, @Body() body: ApplicantPhoneDto, @Req() request: { ip?: string }) {
    this.budget(request, 'code');
    const sent = await this.engine.execute(new RequestResultCode(code, body.phone), APPLICANT_ACTOR);
    // Without an SMS gateway (the demo) the code is read from the server log; with one, never logged.
    if (!process.env.ONEDOOR_SMS_URL) console.log(`OneDoor SMS (demo: no ONEDOOR_SMS_URL, not sent) to ${sent.sentTo}: ${sent.message.body}`);
    return { sentTo: sent.sentTo, expiresAt: sent.expiresAt };
  }

  /** The one-time code: right, a download link valid 15 minutes; wrong, 400 naming `code` (5 attempts a code). */
  @Public()
  @Post(':code/result-code/verify')
  @ApiOkResponse({ type: ResultReleaseDoc })
  @ApiErrors(400, 404, 409, 429)
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async verify(@Param('code') code: string, @Body() body: ResultCodeDto, @Req() request: { ip?: string }) {
    this.budget(request, 'verify');
    return releaseOrRefuse(await this.engine.execute(new VerifyResultCode(code, body.phone, body.code), APPLICANT_ACTOR));
  }

  /** The result document, for the holder of a download token; its checksum verified first. */
  @Public()
  @Get(':code/result')
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The result document, as an attachment' })
  @ApiErrors(400, 404, 409, 429)
  @Header('Cache-Control', 'no-store')
  async download(@Param('code') code: string, @Query() q: DownloadTokenQuery, @Req() request: { ip?: string }) {
    this.budget(request, 'download');
    const row = await resultAccessStore.fileOfToken(this.engine.db, hashToken(q.token), code, this.engine.now());
    if (!row) throw notFound('Download link', 'of this dossier (expired or unknown)');
    const content = await this.files.verified(row);
    await appendAudit(this.engine.db, { at: this.engine.now(), username: APPLICANT_ACTOR.username, operation: 'result-downloaded', entityType: 'dossier', entityId: code, details: { fileId: row.id, address: request.ip ?? 'unknown' } });
    return new StreamableFile(content.bytes, { type: content.file.contentType, disposition: contentDisposition('attachment', content.file.fileName), length: content.bytes.length });
  }

  /** One rating per dossier, after the result was returned: satisfied, normal or dissatisfied, with a comment. */
  @Public()
  @Post(':code/rating')
  @ApiCreatedResponse({ type: RatingDoc })
  @ApiErrors(400, 404, 409, 429)
  @HttpCode(201)
  async rate(@Param('code') code: string, @Body() body: RatingDto, @Req() request: { ip?: string }) {
    this.budget(request, 'rating');
    const comment = body.comment?.trim() || null;
    return this.engine.execute(new RateService(code, body.phone, body.rating, comment), APPLICANT_ACTOR);
  }

  /** Each action has its own budget per address: guessing codes is what is limited, not using the page. */
  private budget(request: { ip?: string }, action: string): void {
    this.limiter.takeOrRefuse(`ip:${request.ip ?? 'unknown'}:${action}`, 'attempts');
  }
}
