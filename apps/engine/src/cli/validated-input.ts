import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationDetails } from '../api/validation.js';
import { DomainError, ErrorCode } from '../shared/domain-error.js';

/**
 * The API's own rules (its DTO classes) applied to what an operator typed: the CLI accepts
 * exactly what `POST /api/...` accepts, and refuses it naming the field the same way.
 */
export async function validatedInput<T extends object>(type: new () => T, plain: Record<string, unknown>, where = ''): Promise<T> {
  const input = plainToInstance(type, plain);
  const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const details = validationDetails(errors).map((d) => ({ field: where ? `${where}.${d.field}` : d.field, message: d.message }));
    throw new DomainError(ErrorCode.BadInput, details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
  }
  return input;
}
