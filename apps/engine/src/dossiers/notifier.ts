import type { CommandContext } from '../commands/command.js';

export interface NotificationMessage {
  kind: string;
  departmentCode: string | null;
  role: string;
  message: string;
  taskId?: string;
  dossierCode?: string | null;
}

/**
 * The hook point for e-mail, SMS or webhooks: every in-app notification is also handed here.
 * Called inside the job's command; a sender should queue, not block (or use an outbox).
 */
export interface Notifier {
  afterCommit(ctx: CommandContext | undefined, message: NotificationMessage): void;
}

/** Default: in-app notifications only (the rows in `notification`). */
export const inAppOnly: Notifier = { afterCommit: () => undefined };
