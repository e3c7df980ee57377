import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'onedoor:public';

/** Marks a handler reachable without a token (`/api/public/*`, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
