import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DepartmentDoc, PersonDoc, UserDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Organisation } from '../../persistence/identity/organisation.js';
import { assertPasswordAllowed } from '../../identity/password-policy.js';
import { Sessions } from '../../persistence/identity/sessions.js';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { appendAudit } from '../../persistence/audit-log.js';
import { notFound } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';

export class DepartmentDto {
  @IsString() @Matches(/^[A-Z0-9_.-]{1,50}$/, { message: 'code is upper-case letters, digits, _ . -' }) code!: string;
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsOptional() @IsString() @MaxLength(50) parentCode?: string;
}

export class UserDto {
  @IsString() @Matches(/^[a-z0-9_.-]{2,50}$/, { message: 'username is lower-case letters, digits, _ . -' }) username!: string;
  @IsString() @MinLength(8) @MaxLength(200) password!: string;
  @IsString() @MinLength(1) @MaxLength(200) fullName!: string;
  @IsString() @MaxLength(50) departmentCode!: string;
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[a-z_]{2,30}$/, { each: true }) roles!: string[];
}

export class UserChangeDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) fullName?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(50) departmentCode?: string | null;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[a-z_]{2,30}$/, { each: true }) roles?: string[];
  /** false: the user can't sign in any more, and every session of theirs ends now. */
  @IsOptional() @IsBoolean() active?: boolean;
}

export class PasswordResetDto {
  @IsString() @MinLength(1) @MaxLength(200) newPassword!: string;
}

export class DepartmentChangeDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(50) parentCode?: string | null;
}

export class UserListQuery {
  @IsOptional() @IsString() @MaxLength(50) departmentCode?: string;
}

@ApiTags('identity')
@Controller('api')
export class OrganisationController {
  constructor(
    private readonly engine: Engine,
    private readonly organisation: Organisation,
    private readonly sessions: Sessions,
  ) {}

  /** Every signed-in user may read the departments (the modeler's picker needs them). */
  @Get('departments')
  @ApiOkResponse({ type: [DepartmentDoc] })
  @ApiErrors(401)
  departments() {
    return this.organisation.departments();
  }

  /** Names for the usernames every page shows (who holds a step, who received a dossier): any signed-in user. */
  @Get('people')
  @ApiOkResponse({ type: [PersonDoc], description: 'Display names for usernames' })
  @ApiErrors(401)
  people() {
    return this.organisation.people();
  }

  @Post('departments')
  @ApiCreatedResponse({ type: DepartmentDoc })
  @ApiErrors(400, 401, 403, 409)
  @HttpCode(201)
  @Roles('admin')
  async createDepartment(@Body() body: DepartmentDto, @CurrentActor() actor: Actor) {
    const created = await this.organisation.createDepartment({ code: body.code, name: body.name, parentCode: body.parentCode ?? null });
    await this.audit(actor, 'department-created', 'department', body.code, undefined, created);
    return created;
  }

  @Patch('departments/:code')
  @ApiOkResponse({ type: DepartmentDoc })
  @ApiErrors(400, 401, 403, 404)
  @Roles('admin')
  async updateDepartment(@Param('code') code: string, @Body() body: DepartmentChangeDto, @CurrentActor() actor: Actor) {
    const { before, after } = await this.organisation.updateDepartment(code, body);
    await this.audit(actor, 'department-changed', 'department', code, before, after);
    return after;
  }

  @Get('users')
  @ApiOkResponse({ type: [UserDoc] })
  @ApiErrors(400, 401, 403)
  @Roles('admin', 'leader')
  users(@Query() q: UserListQuery) {
    return this.organisation.users(q);
  }

  @Post('users')
  @ApiCreatedResponse({ type: UserDoc })
  @ApiErrors(400, 401, 403, 409)
  @HttpCode(201)
  @Roles('admin')
  async createUser(@Body() body: UserDto, @CurrentActor() actor: Actor) {
    assertPasswordAllowed(body.password, 'password', body.username);
    // An empty department is none (an administrator of the whole system), not a code.
    const created = await this.organisation.createUser({ ...body, departmentCode: body.departmentCode || null });
    await this.audit(actor, 'user-created', 'user', body.username, undefined, created);
    return created;
  }

  /**
   * An administrator edits a user: name, department, roles, or whether they may sign in. A change
   * of department, roles or a disabling ends the user's sessions at once on every node, so no
   * token keeps rights the user no longer has.
   */
  @Patch('users/:username')
  @ApiOkResponse({ type: UserDoc })
  @ApiErrors(400, 401, 403, 404)
  @Roles('admin')
  async updateUser(@Param('username') username: string, @Body() body: UserChangeDto, @CurrentActor() actor: Actor) {
    const { before, after } = await this.organisation.updateUser(username, body);
    const rightsChanged = before.departmentCode !== after.departmentCode || before.roles.join() !== after.roles.join() || (before.active && !after.active);
    if (rightsChanged) await this.sessions.endAll(username);
    await this.audit(actor, after.active ? 'user-changed' : 'user-disabled', 'user', username, before, after);
    return after;
  }

  /** An administrator sets a new password (the user forgot theirs); every session of the user ends. */
  @Post('users/:username/password')
  @ApiNoContentResponse({ description: 'Set; every session of the user ends' })
  @ApiErrors(400, 401, 403, 404)
  @HttpCode(204)
  @Roles('admin')
  async resetPassword(@Param('username') username: string, @Body() body: PasswordResetDto, @CurrentActor() actor: Actor) {
    assertPasswordAllowed(body.newPassword, 'newPassword', username);
    await this.organisation.setPassword(username, body.newPassword);
    await this.sessions.endAll(username);
    await this.audit(actor, 'password-reset', 'user', username);
  }

  /** Ends every session of a user at once (a lost laptop, an officer who left): all their tokens stop working. */
  @Post('users/:username/end-sessions')
  @ApiNoContentResponse({ description: 'Every token of the user stops working' })
  @ApiErrors(401, 403, 404)
  @HttpCode(204)
  @Roles('admin')
  async endSessions(@Param('username') username: string, @CurrentActor() actor: Actor) {
    if (!(await this.sessions.endAll(username))) throw notFound('User', username);
    await this.audit(actor, 'sessions-ended', 'user', username);
  }

  private audit(actor: Actor, operation: string, entityType: string, entityId: string, fromState?: unknown, details?: unknown): Promise<void> {
    return appendAudit(this.engine.db, { at: new Date(), username: actor.username, operation, entityType, entityId, fromState, details });
  }
}
