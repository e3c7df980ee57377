import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { LOOKUP_PAGE_CSP, LOOKUP_PAGE_HTML } from './lookup-page.js';

/** GET /tra-cuu: the applicant's lookup page, server-rendered, no login. */
@ApiExcludeController()
@Controller('tra-cuu')
export class LookupPageController {
  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', LOOKUP_PAGE_CSP)
  @Header('Cache-Control', 'no-cache')
  page(): string {
    return LOOKUP_PAGE_HTML;
  }
}
