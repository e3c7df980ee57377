import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { LOOKUP_PAGE_CSP, LOOKUP_PAGE_HTML } from './lookup-page.js';
import { PETITIONS_PAGE_CSP, PETITIONS_PAGE_HTML } from './petitions-page.js';

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

/** GET /phan-anh-kien-nghi: send a petition, read the published answers; server-rendered, no login. */
@ApiExcludeController()
@Controller('phan-anh-kien-nghi')
export class PetitionsPageController {
  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PETITIONS_PAGE_CSP)
  @Header('Cache-Control', 'no-cache')
  page(): string {
    return PETITIONS_PAGE_HTML;
  }
}
