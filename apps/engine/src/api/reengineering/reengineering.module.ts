import { Module } from '@nestjs/common';
import { ComparisonsController } from './comparisons.controller.js';
import { SimplifyController } from './simplify.controller.js';

/** Re-engineering (issue #7): simplify a definition, compare two versions before and after. */
@Module({ controllers: [SimplifyController, ComparisonsController] })
export class ReengineeringModule {}
