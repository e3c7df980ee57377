import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DepartmentDoc, PersonDoc, UserDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Organisation } from '../../identity/organisation.js';
import { TokenRevocations } from '../../identity/token-revocations.js';
import { notFound } from '../../shared/domain-error.js';
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

export class UserListQuery {
  @IsOptional() @IsString() @MaxLength(50) departmentCode?: string;
}

@ApiTags('identity')
@Controller('api')
export class OrganisationController {
  constructor(
    private readonly organisation: Organisation,
    private readonly revocations: TokenRevocations,
  ) {}

  /** Every signed-in user may read the departments (the modeler's picker needs them). */
  @Get('departments')
  @ApiOkResponse({ type: [DepartmentDoc] })
  @ApiErrors(401)
  departments() {
    return this.organisation.departments();
  }

  @Post('departments')
  @ApiCreatedResponse({ type: DepartmentDoc })
  @ApiErrors(400, 401, 403, 409)
  @HttpCode(201)
  @Roles('admin')
  createDepartment(@Body() body: DepartmentDto) {
    return this.organisation.createDepartment({ code: body.code, name: body.name, parentCode: body.parentCode ?? null });
  }

  /** Names for the usernames every page shows (who holds a step, who received a dossier): any signed-in user. */
  @Get('people')
  @ApiOkResponse({ type: [PersonDoc], description: 'Display names for usernames' })
  @ApiErrors(401)
  people() {
    return this.organisation.people();
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
  createUser(@Body() body: UserDto) {
    return this.organisation.createUser(body);
  }

  /** Ends every session of a user at once (a lost laptop, an officer who left): all their tokens stop working. */
  @Post('users/:username/end-sessions')
  @ApiNoContentResponse({ description: 'Every token of the user stops working' })
  @ApiErrors(401, 403, 404)
  @HttpCode(204)
  @Roles('admin')
  async endSessions(@Param('username') username: string) {
    if ((await this.revocations.endSessions(username)) === 0) throw notFound('User', username);
  }
}
