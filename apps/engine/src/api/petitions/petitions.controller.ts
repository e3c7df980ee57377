import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { PetitionQueries, SubmitPetition } from '../../petitions/index.js';
import { badInput } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { LookupRateLimiter } from '../public/lookup-rate-limiter.js';
import { PetitionDoc, PetitionReportDoc, PublishedPetitionDoc, SubmittedPetitionDoc } from './petition-docs.js';

export class PetitionDto {
  @IsString() @MinLength(1) @MaxLength(200) senderName!: string;
  @IsOptional() @IsString() @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'senderPhone is 8–20 digits' }) senderPhone?: string;
  @IsOptional() @IsEmail() @MaxLength(200) senderEmail?: string;
  @IsOptional() @IsString() @MaxLength(500) senderAddress?: string;
  @IsString() @MinLength(3) @MaxLength(300) subject!: string;
  @IsString() @MinLength(10) @MaxLength(10_000) content!: string;
}

export class DeskPetitionDto extends PetitionDto {
  @IsOptional() @IsIn(['direct', 'postal']) channel?: 'direct' | 'postal';
}

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) size?: number;
}

export class PetitionListQuery extends PageQuery {
  @IsOptional() @IsIn(['received', 'processing', 'transferred', 'answered']) status?: string;
}

export class PetitionReportQuery {
  /** Received on or after this instant. */
  @Type(() => Date) @IsDate() from!: Date;
  /** Received before this instant. */
  @Type(() => Date) @IsDate() to!: Date;
}

/** Submissions per client address (PetitionsModule: 5 per 10 minutes), so the form can't be used to flood the inbox. */
export const PETITION_SUBMISSION_LIMITER = Symbol('PETITION_SUBMISSION_LIMITER');

/** What anyone may do without an account: send a petition, read the published answers. */
@ApiTags('public')
@Controller('api/public/petitions')
export class PublicPetitionsController {
  constructor(
    private readonly engine: Engine,
    private readonly queries: PetitionQueries,
    @Inject(PETITION_SUBMISSION_LIMITER) private readonly submissions: LookupRateLimiter,
  ) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: SubmittedPetitionDoc })
  @ApiErrors(400, 404, 429)
  submit(@Body() body: PetitionDto, @Req() request: { ip?: string }) {
    if (!body.senderPhone && !body.senderEmail) throw badInput('a petition needs a phone or an e-mail to answer to', [{ field: 'senderPhone', message: 'give senderPhone or senderEmail' }]);
    this.submissions.takeOrRefuse(`ip:${request.ip ?? 'unknown'}`, 'petitions from this address');
    return this.engine.execute(new SubmitPetition(body, 'online'), { username: 'cong-dan', roles: [], departmentCode: null });
  }

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: [PublishedPetitionDoc], description: 'Answered petitions, newest answer first; senders are never shown' })
  @ApiErrors(400)
  published(@Query() q: PageQuery) {
    const size = q.size ?? 20;
    return this.queries.published(size, ((q.page ?? 1) - 1) * size);
  }
}

/** The officers' side: petitions received at the desk, the list, one petition, the report. */
@ApiTags('petitions')
@Controller('api/petitions')
export class PetitionsController {
  constructor(
    private readonly engine: Engine,
    private readonly queries: PetitionQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: SubmittedPetitionDoc })
  @ApiErrors(400, 401, 403, 404)
  @Roles('reception', 'admin')
  receive(@Body() body: DeskPetitionDto, @CurrentActor() actor: Actor) {
    const { channel, ...petition } = body;
    return this.engine.execute(new SubmitPetition(petition, channel ?? 'direct'), actor);
  }

  @Get()
  @ApiOkResponse({ type: [PetitionDoc], description: 'Newest first; the number of matches is in X-Total-Count' })
  @ApiErrors(400, 401, 403)
  @Roles('reception', 'leader', 'manager', 'admin')
  async list(@Query() q: PetitionListQuery, @Res({ passthrough: true }) res: { header(name: string, value: string): unknown }) {
    const size = q.size ?? 50;
    const { items, total } = await this.queries.list({ status: q.status, limit: size, offset: ((q.page ?? 1) - 1) * size });
    res.header('X-Total-Count', String(total));
    return items;
  }

  @Get('report')
  @ApiOkResponse({ type: PetitionReportDoc })
  @ApiErrors(400, 401, 403)
  @Roles('leader', 'manager', 'admin')
  report(@Query() q: PetitionReportQuery) {
    if (q.to.getTime() <= q.from.getTime()) throw badInput('the period ends before it starts', [{ field: 'to', message: 'must be after from' }]);
    return this.queries.report(q.from, q.to, this.engine.now());
  }

  @Get(':code')
  @ApiOkResponse({ type: PetitionDoc })
  @ApiErrors(401, 403, 404)
  @Roles('reception', 'leader', 'manager', 'admin')
  get(@Param('code') code: string) {
    return this.queries.get(code);
  }
}
