import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { InstanceQueries } from '../../queries/instance-queries.js';
import { MessageOutbox } from '../../queries/message-outbox.js';
import { MessageOutboxController } from '../message-outbox/message-outbox.controller.js';
import { MessagesController } from '../messages/messages.controller.js';
import { SignalsController } from '../signals/signals.controller.js';
import { ProcessInstancesController } from './process-instances.controller.js';

/** Running procedures: instances, the messages and signals they wait for, the messages they send. */
@Module({
  controllers: [ProcessInstancesController, MessagesController, SignalsController, MessageOutboxController],
  providers: [
    { provide: InstanceQueries, useFactory: (engine: Engine) => engine.instances, inject: [Engine] },
    { provide: MessageOutbox, useFactory: (engine: Engine) => new MessageOutbox(engine.db), inject: [Engine] },
  ],
})
export class InstancesModule {}
