import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ComparisonDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Engine } from '../../engine.js';
import { compareDefinitions } from '../../reengineering/compare-definitions.js';
import { Roles } from '../auth/roles.decorator.js';

export class ComparisonQuery {
  @IsString() @MinLength(1) @MaxLength(300) base!: string;
  @IsString() @MinLength(1) @MaxLength(300) candidate!: string;
}

/** Managers' before/after view of a procedure's versions: model, history and a what-if replay. */
@ApiTags('re-engineering')
@Controller('api/comparisons')
export class ComparisonsController {
  constructor(private readonly engine: Engine) {}

  @Get()
  @ApiOkResponse({ type: ComparisonDoc })
  @ApiErrors(400, 401, 403, 404)
  @Roles('manager', 'admin')
  compare(@Query() query: ComparisonQuery) {
    return compareDefinitions(this.engine, query.base, query.candidate);
  }
}
