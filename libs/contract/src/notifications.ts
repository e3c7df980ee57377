import type { Wire } from './wire.js';

/** An officer's notification (GET /api/notifications). */
export interface NotificationView {
  id: string;
  createdAt: Date;
  kind: string;
  message: string;
  dossierCode: string | null;
  taskId: string | null;
  readAt: Date | null;
}
export type AppNotification = Wire<NotificationView>;
