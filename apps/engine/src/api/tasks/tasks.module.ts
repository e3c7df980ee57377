import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { TaskFormQuery } from '../../queries/forms/task-form-query.js';
import { TaskQueries } from '../../queries/task-queries.js';
import { TasksController } from './tasks.controller.js';

/** The departments' inbox: open tasks, their forms, claiming, completing, returning. */
@Module({
  controllers: [TasksController],
  providers: [
    { provide: TaskQueries, useFactory: (engine: Engine) => engine.tasks, inject: [Engine] },
    { provide: TaskFormQuery, useFactory: (engine: Engine) => new TaskFormQuery(engine.db, engine.services.definitions), inject: [Engine] },
  ],
})
export class TasksModule {}
