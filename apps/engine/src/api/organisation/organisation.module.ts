import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller.js';

/** Departments, users and their roles: the directory an administrator keeps. */
@Module({ controllers: [OrganisationController] })
export class OrganisationModule {}
