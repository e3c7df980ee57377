import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Engine } from '../../engine.js';

@ApiTags('instances')
@Controller('api/process-instances')
export class ProcessInstancesController {
  constructor(private readonly engine: Engine) {}

  @Get(':id')
  get(@Param('id') id: string) {
    return this.engine.instances.get(id);
  }

  @Get(':id/history')
  history(@Param('id') id: string) {
    return this.engine.instances.history(id);
  }
}
