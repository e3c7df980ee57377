import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { SingleSignOnController } from './single-sign-on.controller.js';

/** Signing in and out, sessions, the second factor and the agency's single sign-on. */
@Module({ controllers: [AuthController, SingleSignOnController] })
export class AuthModule {}
