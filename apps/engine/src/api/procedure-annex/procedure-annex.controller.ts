import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Engine } from '../../engine.js';
import { Organisation } from '../../persistence/identity/organisation.js';
import { AnnexQuery } from '../../procedure-annex/annex-query.js';
import { annexDocx, comparisonAnnexDocx } from '../../procedure-annex/annex-docx.js';
import { renderAnnexHtml, renderComparisonAnnexHtml } from '../../procedure-annex/annex-html.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { AnnexTableDoc, ComparisonAnnexDoc } from './annex-docs.js';

const FORMATS = ['json', 'html', 'docx'] as const;
type Format = (typeof FORMATS)[number];

export class AnnexFormatQuery {
  /** `json` (default) for the app, `html` to print, `docx` for the decision's drafters. */
  @IsOptional() @IsIn(FORMATS) format?: Format;
}

export class ComparisonAnnexQuery extends AnnexFormatQuery {
  /** The version before simplification (process definition id). */
  @IsString() @MinLength(1) @MaxLength(300) base!: string;
  /** The simplified version. */
  @IsString() @MinLength(1) @MaxLength(300) candidate!: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Like the dossier forms: the printed page carries no script and loads nothing. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const ANNEX_CONTENT = (schema: object) => ({
  'application/json': { schema },
  'text/html': { schema: { type: 'string' } },
  [DOCX]: { schema: { type: 'string', format: 'binary' } },
});

/**
 * The procedure as its legal annex: the table of steps a chairman's decision publishes, and for a
 * simplification decision the before/after table — as JSON, printable HTML or DOCX.
 */
@ApiTags('procedures')
@Controller('api')
export class ProcedureAnnexController {
  private readonly annexes: AnnexQuery;

  constructor(engine: Engine, organisation: Organisation) {
    this.annexes = new AnnexQuery(organisation, engine.definitions);
  }

  @Get('process-definitions/:id/annex')
  @ApiOkResponse({ type: AnnexTableDoc, description: 'The annex table of the version', content: ANNEX_CONTENT({ $ref: '#/components/schemas/AnnexTableDoc' }) })
  @ApiProduces('application/json', 'text/html', DOCX)
  @ApiErrors(400, 401, 404)
  async annex(@Param('id') id: string, @Query() query: AnnexFormatQuery, @Res({ passthrough: true }) res: HeaderSink) {
    const annex = await this.annexes.annex(id);
    const name = `phu-luc-${annex.procedureCode ?? annex.key}-v${annex.version}`;
    return respond(res, query.format ?? 'json', annex, name, () => renderAnnexHtml(annex), () => annexDocx(annex));
  }

  @Get('comparisons/annex')
  @ApiOkResponse({ type: ComparisonAnnexDoc, description: 'Before/after annex of a simplification', content: ANNEX_CONTENT({ $ref: '#/components/schemas/ComparisonAnnexDoc' }) })
  @ApiProduces('application/json', 'text/html', DOCX)
  @ApiErrors(400, 401, 404)
  async comparison(@Query() query: ComparisonAnnexQuery, @Res({ passthrough: true }) res: HeaderSink) {
    const annex = await this.annexes.comparison(query.base, query.candidate);
    const name = `phuong-an-don-gian-hoa-${annex.after.procedureCode ?? annex.after.key}-v${annex.before.version}-v${annex.after.version}`;
    return respond(res, query.format ?? 'json', annex, name, () => renderComparisonAnnexHtml(annex), () => comparisonAnnexDocx(annex));
  }
}

interface HeaderSink {
  header(name: string, value: string): unknown;
}

/** Headers set only once the document is made, so an error answer keeps its JSON headers. */
async function respond<T>(res: HeaderSink, format: Format, json: T, fileName: string, page: () => string, docx: () => Promise<Buffer>): Promise<T | string | Buffer> {
  if (format === 'json') return json;
  if (format === 'html') {
    const html = page();
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.header('Content-Security-Policy', PAGE_CSP);
    return html;
  }
  const file = await docx();
  res.header('Content-Type', DOCX);
  res.header('Content-Disposition', `attachment; filename="${fileName}.docx"`);
  return file;
}
