import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { rememberValidationRules } from './validation-rules.js';

/** Flattens class-validator errors into docs/api.md details: one entry per offending field path. */
export function validationDetails(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationDetails(e.children ?? [], field)];
  });
}

/** Whitelist + forbid unknown fields + transform, with field-level details on 400. */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const list = validationDetails(errors);
      return new BadRequestException({ message: list.map((d) => `${d.field}: ${d.message}`).join('; '), details: list });
    },
  });
}
