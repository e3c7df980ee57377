import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDoc } from './responses.js';

const MEANING: Record<number, string> = {
  400: 'Bad input: `details` names each field (or BPMN element) at fault',
  401: 'Not logged in (no or expired bearer token)',
  403: 'Logged in, but not allowed (role, department or agency)',
  404: 'Unknown id (or one the caller may not see)',
  409: 'Conflict: already done by someone else, claimed by another officer, or a stale state',
  413: 'Body too large',
  422: 'The procedure cannot continue (a condition that can’t be evaluated)',
  429: 'Too many attempts',
};

/** The docs/api.md error answers an operation can give, each with the `{ statusCode, error, message, details? }` body. */
export const ApiErrors = (...codes: number[]) => applyDecorators(...codes.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorBodyDoc })));
