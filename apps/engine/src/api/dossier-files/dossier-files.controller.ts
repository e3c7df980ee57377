import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../commands/command.js';
import { AddDossierFile } from '../../dossier-files/add-dossier-file.js';
import { DossierFileQueries } from '../../queries/dossier-files/dossier-file-queries.js';
import type { DossierFilesConfig } from '../../dossier-files/dossier-files-config.js';
import { signPdf } from '../../signing/pdf-signer.js';
import type { ResultSigning } from '../../signing/signing-config.js';
import { verifyPdfSignature } from '../../signing/verify-pdf.js';
import { SignatureCheckDoc } from './signature-doc.js';
import { ReuseDossierFile } from '../../dossier-files/reuse-dossier-file.js';
import { Engine } from '../../engine.js';
import { Organisation } from '../../persistence/identity/organisation.js';
import { appendAudit } from '../../persistence/audit-log.js';
import { badInput } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { assertMaySeeDossier } from './dossier-access.js';
import { contentDisposition, readDossierUpload } from './uploaded-dossier-file.js';

/** Lets a deployment or a spec choose the store and the size limit; the default reads ONEDOOR_FILE_DIR / ONEDOOR_FILE_MAX_BYTES. */
export const DOSSIER_FILES_CONFIG = Symbol('DOSSIER_FILES_CONFIG');

export class ComponentUploadDoc {
  @ApiProperty({ description: 'The component (od:dossierComponent id) the file is a scan of' }) componentId!: string;
  @ApiProperty({ type: 'string', format: 'binary', description: 'One PDF, PNG or JPEG file (checked by content)' }) file!: unknown;
}

export class ResultUploadDoc {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The result document (PDF, PNG or JPEG, checked by content)' }) file!: unknown;
}

export class ReuseDto {
  @IsString() @MinLength(1) @MaxLength(100) componentId!: string;
  @IsString() @Matches(/^[0-9a-fA-F-]{36}$/, { message: 'fileId is a file id from GET …/reusable' }) fileId!: string;
}

export class FileDownloadQuery {
  /** attachment: download; inline (default): open in the browser. */
  @IsOptional() @IsIn(['inline', 'attachment']) disposition?: 'inline' | 'attachment';
}

export class DossierFileDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['component', 'result'] }) purpose!: string;
  @ApiPropertyOptional({ nullable: true }) componentId!: string | null;
  @ApiProperty() componentName!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex; checked on every download' }) sha256!: string;
  @ApiProperty({ description: 'Attached by reference to a file the applicant handed in before' }) reused!: boolean;
  @ApiPropertyOptional({ nullable: true }) reusedFromDossier!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) validUntil!: Date | null;
  @ApiProperty() addedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) addedAt!: Date;
}

export class DossierComponentFilesDoc {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ nullable: true }) copies!: string | null;
  @ApiPropertyOptional({ nullable: true }) template!: string | null;
  @ApiProperty({ description: 'What the paper is across procedures; reuse matches on it' }) kind!: string;
  @ApiProperty({ type: [DossierFileDoc] }) files!: DossierFileDoc[];
}

export class DossierFilesDoc {
  @ApiProperty({ type: [DossierComponentFilesDoc] }) components!: DossierComponentFilesDoc[];
  @ApiPropertyOptional({ type: DossierFileDoc, nullable: true }) result!: DossierFileDoc | null;
  @ApiProperty() resultElectronic!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'The open step that returns the result: POST /api/tasks/{id}/result attaches it there' }) resultStepTaskId!: string | null;
}

export class ReusableFileDoc extends DossierFileDoc {
  @ApiProperty({ description: 'The earlier dossier the file came with' }) dossierCode!: string;
}

export class ReusableOfferDoc {
  @ApiProperty() componentId!: string;
  @ApiProperty() componentName!: string;
  @ApiProperty({ type: [ReusableFileDoc] }) files!: ReusableFileDoc[];
}

const FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/**
 * A dossier's documents: the components' scans (uploaded at reception or online, or reused from
 * the applicant's earlier dossiers), the electronic result, and their downloads, checked against
 * their SHA-256. Only those who may see the dossier see its files.
 */
@ApiTags('dossiers')
@Controller('api')
export class DossierFilesController {
  constructor(
    private readonly engine: Engine,
    private readonly organisation: Organisation,
    @Inject(DOSSIER_FILES_CONFIG) private readonly config: DossierFilesConfig,
    private readonly queries: DossierFileQueries,
  ) {}

  /** The procedure's components with the files held for each, and the result. */
  @Get('dossiers/:code/files')
  @ApiOkResponse({ type: DossierFilesDoc })
  @ApiErrors(401, 404)
  async list(@Param('code') code: string, @CurrentActor() actor: Actor) {
    await assertMaySeeDossier(this.engine.db, this.organisation, actor, code);
    return this.queries.list(code);
  }

  /** A component's scan, multipart (`componentId`, `file`): PDF, PNG or JPEG by content, within the size limit. */
  @Post('dossiers/:code/files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ComponentUploadDoc })
  @ApiCreatedResponse({ type: DossierFileDoc })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  @HttpCode(201)
  @Roles('reception', 'officer', 'leader', 'admin')
  async upload(@Param('code') code: string, @Req() request: FastifyRequest, @CurrentActor() actor: Actor) {
    await assertMaySeeDossier(this.engine.db, this.organisation, actor, code);
    const upload = await readDossierUpload(request, this.config.maxBytes);
    return this.engine.execute(new AddDossierFile({ purpose: 'component', dossierCode: code, componentId: upload.fields.componentId }, upload.file, this.config.store, this.config.maxBytes), actor);
  }

  /** The bytes of one file, verified against its checksum (a corrupted file is 409, never its bytes). */
  @Get('dossiers/:code/files/:fileId')
  @ApiProduces(...FILE_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file, inline (default) or as an attachment' })
  @ApiErrors(400, 401, 404, 409)
  @Header('Cache-Control', 'private, no-store')
  async download(@Param('code') code: string, @Param('fileId') fileId: string, @Query() q: FileDownloadQuery, @CurrentActor() actor: Actor) {
    await assertMaySeeDossier(this.engine.db, this.organisation, actor, code);
    const content = await this.queries.read(code, fileId).catch(async (error: unknown) => {
      await appendAudit(this.engine.db, { at: this.engine.now(), username: actor.username, operation: 'dossier-file-refused', entityType: 'dossier', entityId: code, details: { fileId, reason: (error as Error).message } });
      throw error;
    });
    await appendAudit(this.engine.db, { at: this.engine.now(), username: actor.username, operation: 'view-dossier-file', entityType: 'dossier', entityId: code, details: { fileId, sha256: content.file.sha256 } });
    return new StreamableFile(content.bytes, { type: content.file.contentType, disposition: contentDisposition(q.disposition ?? 'inline', content.file.fileName), length: content.bytes.length });
  }

  /** Files the applicant (same identity number) handed in before, of the kinds this dossier needs, still valid. */
  @Get('dossiers/:code/reusable')
  @ApiOkResponse({ type: [ReusableOfferDoc] })
  @ApiErrors(401, 403, 404)
  @Roles('reception', 'officer', 'leader', 'admin')
  async reusable(@Param('code') code: string, @CurrentActor() actor: Actor) {
    await assertMaySeeDossier(this.engine.db, this.organisation, actor, code);
    return this.queries.reusable(code, this.engine.now());
  }

  /** Attaches an offered file by reference instead of a new upload; the reuse is recorded. */
  @Post('dossiers/:code/reuse')
  @ApiCreatedResponse({ type: DossierFileDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(201)
  @Roles('reception', 'officer', 'leader', 'admin')
  async reuse(@Param('code') code: string, @Body() body: ReuseDto, @CurrentActor() actor: Actor) {
    await assertMaySeeDossier(this.engine.db, this.organisation, actor, code);
    return this.engine.execute(new ReuseDossierFile(code, body.componentId, body.fileId), actor);
  }

  /** The result document, at the step that returns it (multipart `file`): the dossier's result becomes electronic. */
  @Post('tasks/:id/result')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ResultUploadDoc })
  @ApiCreatedResponse({ type: DossierFileDoc })
  @ApiErrors(400, 401, 403, 404, 409, 413)
  @HttpCode(201)
  async attachResult(@Param('id') taskId: string, @Req() request: FastifyRequest, @CurrentActor() actor: Actor) {
    const upload = await readDossierUpload(request, this.config.maxBytes);
    const file = upload.file && this.config.signing ? await signedResult(upload.file, this.config.signing) : upload.file;
    return this.engine.execute(new AddDossierFile({ purpose: 'result', taskId }, file, this.config.store, this.config.maxBytes), actor);
  }

  /** Whether a PDF in the dossier carries a valid signature (PAdES): signer, time, whole file covered, chain trusted. */
  @Get('dossiers/:code/files/:fileId/signature')
  @ApiOkResponse({ type: SignatureCheckDoc })
  @ApiErrors(401, 404, 409)
  async signature(@Param('code') code: string, @Param('fileId') fileId: string, @CurrentActor() actor: Actor) {
    await assertMaySeeDossier(this.engine.db, this.organisation, actor, code);
    const content = await this.queries.read(code, fileId);
    if (content.file.contentType !== 'application/pdf') return { signed: false, valid: false, coversWholeFile: false, chainTrusted: null, problem: 'only PDF files carry a signature' };
    return verifyPdfSignature(content.bytes, this.config.signing?.trustedRoots ?? []);
  }
}

/**
 * A result PDF signed with the agency's key before it is kept (PAdES); images and unsigned setups
 * pass as they came. A PDF the signer can't read is refused naming the field, like any bad file.
 */
async function signedResult<F extends { bytes: Buffer; field: string }>(file: F, signing: ResultSigning): Promise<F> {
  if (file.bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return file;
  const signer = await signing.signer;
  try {
    return { ...file, bytes: await signPdf(file.bytes, signer, { reason: 'Ký kết quả giải quyết thủ tục hành chính', location: signing.location }) };
  } catch (error) {
    throw badInput(`the result PDF could not be signed: ${(error as Error).message}`, [{ field: file.field, message: 'not a PDF the signer can read' }]);
  }
}
