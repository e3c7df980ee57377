import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'onedoor:roles';

/** The caller needs at least one of these roles. */
export const Roles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES, roles);
