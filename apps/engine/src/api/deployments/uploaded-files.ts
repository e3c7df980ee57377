import type { FastifyRequest } from 'fastify';
import { refuseUnreadableMultipart } from '../errors/unreadable-multipart.js';

export const MAX_DEPLOYMENT_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DEPLOYMENT_FILES = 20;

/** A multipart deployment: the BPMN files of field `file` and the text fields beside them. */
export interface UploadedDeployment {
  files: { name: string; xml: string }[];
  fields: Record<string, string>;
}

/**
 * Reads a multipart body (@fastify/multipart, limits set where it is registered): files of other
 * fields are drained and ignored, as multer did. Undefined when the request is not multipart.
 * Over a limit, the plugin's error (413) reaches the exception filter.
 */
export async function readUploadedDeployment(request: FastifyRequest): Promise<UploadedDeployment | undefined> {
  if (!request.isMultipart()) return undefined;
  const upload: UploadedDeployment = { files: [], fields: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') upload.files.push({ name: part.filename, xml: content.toString('utf8') });
      } else if (typeof part.value === 'string') {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    refuseUnreadableMultipart(error);
  }
  return upload;
}
