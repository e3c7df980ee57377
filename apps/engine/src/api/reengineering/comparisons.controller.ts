import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  @Roles('manager', 'admin')
  compare(@Query() query: ComparisonQuery) {
    return compareDefinitions(this.engine, query.base, query.candidate);
  }
}
