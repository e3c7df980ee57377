import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  departments() {
    return this.organisation.departments();
  }

  @Post('departments')
  @HttpCode(201)
  @Roles('admin')
  createDepartment(@Body() body: DepartmentDto) {
    return this.organisation.createDepartment({ code: body.code, name: body.name, parentCode: body.parentCode ?? null });
  }

  @Get('users')
  @Roles('admin', 'leader')
  users(@Query() q: UserListQuery) {
    return this.organisation.users(q);
  }

  @Post('users')
  @HttpCode(201)
  @Roles('admin')
  createUser(@Body() body: UserDto) {
    return this.organisation.createUser(body);
  }

  /** Ends every session of a user at once (a lost laptop, an officer who left): all their tokens stop working. */
  @Post('users/:username/end-sessions')
  @HttpCode(204)
  @Roles('admin')
  async endSessions(@Param('username') username: string) {
    if ((await this.revocations.endSessions(username)) === 0) throw notFound('User', username);
  }
}
