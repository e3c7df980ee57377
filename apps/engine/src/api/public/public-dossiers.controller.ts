import { Controller, Get, Header, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PublicDossierDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { IsOptional, IsString } from 'class-validator';
import { Public } from '../auth/public.decorator.js';
import { LookupRateLimiter } from './lookup-rate-limiter.js';
import { PublicDossierLookup } from '../../queries/public/public-dossier-lookup.js';

export class PublicLookupQuery {
  /** The phone given when the dossier was handed in; length is not validated so that any wrong phone is a 404. */
  @IsOptional() @IsString() phone?: string;
}

/** The lookup's own budget of guesses (PublicModule provides 30 per 5 min; a test or a deployment may give another). */
export const PUBLIC_LOOKUP_LIMITER = Symbol('PUBLIC_LOOKUP_LIMITER');

/** What an applicant may ask without logging in: where is my dossier. */
@ApiTags('public')
@Controller('api/public/dossiers')
export class PublicDossiersController {
  constructor(
    private readonly lookup: PublicDossierLookup,
    @Inject(PUBLIC_LOOKUP_LIMITER) private readonly limiter: LookupRateLimiter,
  ) {}

  @Public()
  @Get(':code')
  @ApiOkResponse({ type: PublicDossierDoc })
  @ApiErrors(400, 404, 429)
  @Header('Cache-Control', 'no-store')
  find(@Param('code') code: string, @Query() q: PublicLookupQuery, @Req() request: { ip?: string }) {
    // Counted before the lookup, hit or miss: guessing is what the budget limits.
    this.limiter.takeOrRefuse(`ip:${request.ip ?? 'unknown'}`, 'lookups');
    return this.lookup.find(code, q.phone);
  }
}
