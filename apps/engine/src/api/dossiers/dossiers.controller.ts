import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApologyResultDoc, DossierDoc, DossierEndedDoc, DossierListItemDoc, ReceivableProcedureDoc, ReceivedDossierDoc, SupplementReceivedDoc, SupplementRequestedDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { DossierQueries } from '../../queries/dossiers/dossier-queries.js';
import { ReceiveDossier } from '../../dossiers/receive-dossier.js';
import { idempotent } from '../../commands/idempotent.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../idempotency-key.decorator.js';
import { RecordApology } from '../../dossiers/record-apology.js';
import { receivableProcedures } from '../../dossiers/receivable-procedures.js';
import { EndDossier, type DossierEnding } from '../../dossiers/end-dossier.js';
import { RequestSupplement, SupplementReceived } from '../../dossiers/supplement.js';
import { Engine } from '../../engine.js';
import { Organisation } from '../../persistence/identity/organisation.js';
import { hasRole } from '../../identity/task-access.js';
import { agencyHasStep } from '../../persistence/identity/instance-access.js';
import { notFound } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { agencyOfDossier } from '../../persistence/dossiers/dossier-rows.js';

export class ApplicantDto {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsOptional() @IsString() @Matches(/^[0-9A-Za-z]{6,20}$/, { message: 'idNumber is 6–20 letters or digits' }) idNumber?: string;
  @IsOptional() @IsString() @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'phone is 8–20 digits' }) phone?: string;
  @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @IsOptional() @IsIn(['citizen', 'organisation']) type?: 'citizen' | 'organisation';
  /** The channels the applicant agreed to be told on (e-mail to `email`; SMS and Zalo to `phone`); none by default. */
  @IsOptional() @IsArray() @ArrayMaxSize(3) @IsIn(['email', 'sms', 'zalo'], { each: true }) notify?: ('email' | 'sms' | 'zalo')[];
}

export class ReceiveDossierDto {
  @IsString() @MinLength(1) @MaxLength(200) procedureKey!: string;
  @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;
  @IsIn(['direct', 'online', 'postal']) channel!: 'direct' | 'online' | 'postal';
  @IsOptional() @Type(() => Date) @IsDate() receivedAt?: Date;
  @IsOptional() @IsObject() variables?: Record<string, unknown>;
  /** Ids of the procedure's dossier components the desk checked off (GET /api/reception/procedures lists them). */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(100, { each: true }) components?: string[];
}

export class DossierListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10) status?: number;
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() overdue?: boolean;
  @IsOptional() @IsString() @MaxLength(50) departmentCode?: string;
  /** Received on or after this instant. */
  @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  /** Received before this instant. */
  @IsOptional() @Type(() => Date) @IsDate() to?: Date;
  /** Appointment (current due date) on or after / before these instants. */
  @IsOptional() @Type(() => Date) @IsDate() dueFrom?: Date;
  @IsOptional() @Type(() => Date) @IsDate() dueTo?: Date;
  /** Part of the dossier code. */
  @IsOptional() @IsString() @MaxLength(50) code?: string;
  /** Part of the applicant's name; diacritics optional. */
  @IsOptional() @IsString() @MaxLength(200) applicant?: string;
  /** The applicant's identity number or tax code, exactly. */
  @IsOptional() @IsString() @MaxLength(20) idNumber?: string;
  @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @IsOptional() @IsString() @MaxLength(200) procedureKey?: string;
  @IsOptional() @IsString() @MaxLength(30) procedureCode?: string;
  /** One search box: code, applicant, identity number or phone. */
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) size?: number;
}

export class SupplementRequestDto {
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(500, { each: true }) missing!: string[];
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class EndDossierDto {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class ApologyDto {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
  @Type(() => Date) @IsDate() newDueAt!: Date;
}

/** Who may read a dossier: its agency's people, managers and admins. */
async function agencyScope(organisation: Organisation, actor: Actor): Promise<string[] | undefined> {
  if (hasRole(actor, 'admin') || hasRole(actor, 'manager') || hasRole(actor, 'system')) return undefined;
  const agency = await organisation.agencyOf(actor.departmentCode);
  return agency ? [agency] : [];
}

@ApiTags('dossiers')
@Controller('api')
export class DossiersController {
  constructor(
    private readonly engine: Engine,
    private readonly organisation: Organisation,
    private readonly queries: DossierQueries,
  ) {}

  /** Reception at the one-stop desk (or an online/postal intake): the dossier and its slip data. */
  @Post('dossiers')
  @ApiCreatedResponse({ type: ReceivedDossierDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @HttpCode(201)
  @Roles('reception', 'leader', 'admin')
  receive(@Body() body: ReceiveDossierDto, @CurrentActor() actor: Actor, @IdempotencyKey() idempotencyKey?: string) {
    return this.engine.execute(idempotent(idempotencyKey, { receive: body }, new ReceiveDossier(body)), actor);
  }

  /** The procedures this desk may receive (its agency's, and inter-agency ones it is the entry of), with their components. */
  @Get('reception/procedures')
  @ApiOkResponse({ type: [ReceivableProcedureDoc] })
  @ApiErrors(401, 403)
  @Roles('reception', 'leader', 'admin')
  receivable(@CurrentActor() actor: Actor) {
    return receivableProcedures(this.engine, actor);
  }

  /** The dossier search; the body is the page of results (docs/api.md), the number of matches is in X-Total-Count. */
  @Get('dossiers')
  @ApiOkResponse({ type: [DossierListItemDoc], description: 'Newest first; the number of matches is in X-Total-Count' })
  @ApiErrors(400, 401)
  async list(@Query() q: DossierListQuery, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: { header(name: string, value: string): unknown }) {
    const size = q.size ?? 100;
    const { page: _page, size: _size, ...keys } = q;
    const { items, total } = await this.queries.list({ ...keys, agencyCodes: await agencyScope(this.organisation, actor), now: this.engine.now(), limit: size, offset: ((q.page ?? 1) - 1) * size });
    res.header('X-Total-Count', String(total));
    return items;
  }

  @Get('dossiers/:code')
  @ApiOkResponse({ type: DossierDoc })
  @ApiErrors(401, 404)
  async get(@Param('code') code: string, @CurrentActor() actor: Actor) {
    const dossier = await this.queries.get(code, this.engine.now());
    const scope = await agencyScope(this.organisation, actor);
    // A partner agency in an inter-agency procedure sees the dossier it has a step of.
    if (scope && !scope.includes(dossier.agencyCode) && !(await agencyHasStep(this.engine.db, scope[0] ?? null, dossier.processInstanceId))) {
      throw notFound('Dossier', code);
    }
    return dossier;
  }

  @Post('tasks/:id/request-supplement')
  @ApiOkResponse({ type: SupplementRequestedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  requestSupplement(@Param('id') id: string, @Body() body: SupplementRequestDto, @CurrentActor() actor: Actor) {
    return this.engine.execute(new RequestSupplement(id, body.missing, body.note ?? null), actor);
  }

  @Post('dossiers/:code/supplement-received')
  @ApiOkResponse({ type: SupplementReceivedDoc })
  @ApiErrors(401, 403, 404, 409)
  @HttpCode(200)
  @Roles('reception', 'officer', 'leader', 'admin')
  async supplementReceived(@Param('code') code: string, @CurrentActor() actor: Actor) {
    await this.assertAgency(code, actor);
    return this.engine.execute(new SupplementReceived(code), actor);
  }

  /** Form 04: apology and new appointment date, by the agency's leader (or the desk on their behalf). */
  @Post('dossiers/:code/apology')
  @ApiOkResponse({ type: ApologyResultDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('leader', 'reception', 'admin')
  async apology(@Param('code') code: string, @Body() body: ApologyDto, @CurrentActor() actor: Actor) {
    await this.assertAgency(code, actor);
    return this.engine.execute(new RecordApology(code, body.reason, body.newDueAt), actor);
  }

  /** Form 03: the desk refuses the dossier (not acceptable), with the reason. */
  @Post('dossiers/:code/refuse')
  @ApiOkResponse({ type: DossierEndedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('reception', 'leader', 'admin')
  refuse(@Param('code') code: string, @Body() body: EndDossierDto, @CurrentActor() actor: Actor) {
    return this.end(code, 'refused', body.reason, actor);
  }

  /** Form 05: processing stops (the agency's leader decides). */
  @Post('dossiers/:code/stop')
  @ApiOkResponse({ type: DossierEndedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('leader', 'admin')
  stop(@Param('code') code: string, @Body() body: EndDossierDto, @CurrentActor() actor: Actor) {
    return this.end(code, 'stopped', body.reason, actor);
  }

  /** The applicant withdraws the dossier (recorded at the desk). */
  @Post('dossiers/:code/withdraw')
  @ApiOkResponse({ type: DossierEndedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('reception', 'leader', 'admin')
  withdraw(@Param('code') code: string, @Body() body: EndDossierDto, @CurrentActor() actor: Actor) {
    return this.end(code, 'withdrawn', body.reason, actor);
  }

  private async end(code: string, ending: DossierEnding, reason: string, actor: Actor) {
    await this.assertAgency(code, actor);
    return this.engine.execute(new EndDossier(code, ending, reason), actor);
  }

  private async assertAgency(code: string, actor: Actor): Promise<void> {
    const scope = await agencyScope(this.organisation, actor);
    if (!scope) return;
    const row = await agencyOfDossier(this.engine.db, code);
    if (!row || !scope.includes(row.agency_code)) throw notFound('Dossier', code);
  }
}
