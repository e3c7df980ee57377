import type { SimplificationRefused } from '@onedoor/reengineering';
import { DomainError, ErrorCode } from '../shared/domain-error.js';

/** A refused simplification is the caller's request to fix: 400 with one detail per element. */
export function refusalAsDomainError(refused: SimplificationRefused): DomainError {
  return new DomainError(
    ErrorCode.BadInput,
    refused.message,
    refused.details.map((d) => ({ elementId: d.elementId, elementType: d.elementType, message: d.message })),
  );
}
