import type { FastifyRequest } from 'fastify';
import { badInput, DomainError, ErrorCode } from '../../shared/domain-error.js';
import { refuseUnreadableMultipart } from '../errors/unreadable-multipart.js';
import type { UploadedFile } from '../../dossier-files/add-dossier-file.js';

/** A multipart upload of one dossier file: the file of field `file` and the text fields beside it. */
export interface DossierUpload {
  file?: UploadedFile;
  fields: Record<string, string>;
}

/**
 * Reads a multipart body with this route's own limits (one file, at most `maxBytes`): over the
 * limit is 413 naming the field, a body that is not multipart or can't be parsed is 400 naming it.
 */
export async function readDossierUpload(request: FastifyRequest, maxBytes: number): Promise<DossierUpload> {
  if (!request.isMultipart()) throw badInput('send multipart/form-data with the file in field "file"', [{ field: 'file', message: 'multipart/form-data expected' }]);
  const upload: DossierUpload = { fields: {} };
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1000 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') upload.file = { field: 'file', fileName: part.filename, bytes };
      } else if (typeof part.value === 'string') {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError(ErrorCode.TooLarge, `file is larger than ${maxBytes} bytes`, [{ field: 'file', message: `at most ${maxBytes} bytes` }]);
    if (code === 'FST_FILES_LIMIT') throw badInput('one file per request', [{ field: 'file', message: 'send one file per request' }]);
    refuseUnreadableMultipart(error);
  }
  return upload;
}

/** Content-Disposition for a Vietnamese file name: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
