import { HttpSmsChannel, SmtpChannel, ZaloZnsChannel, type NoticeChannel } from './notice-channels.js';
import { NOTICE_EVENTS, type NoticeEvent } from './notice-templates.js';

export interface ApplicantNoticeConfig {
  channels: NoticeChannel[];
  /** The agency's public address (ONEDOOR_PUBLIC_URL): notices end with a link to the lookup page. */
  publicUrl?: string;
}

/**
 * The channels configured in the environment; a channel left unconfigured keeps its notices queued
 * until it is (as the portal outbox does), so nothing an applicant agreed to receive is dropped.
 *
 * - e-mail: ONEDOOR_SMTP_URL (smtp://user:pass@host:587), ONEDOOR_MAIL_FROM
 * - SMS: ONEDOOR_SMS_URL, ONEDOOR_SMS_TOKEN, ONEDOOR_SMS_BRANDNAME
 * - Zalo: ONEDOOR_ZALO_ACCESS_TOKEN, ONEDOOR_ZALO_TEMPLATES (received=…,supplement_requested=…,result_ready=…,apology=…), ONEDOOR_ZALO_URL
 */
export function applicantNoticeConfig(env: NodeJS.ProcessEnv = process.env): ApplicantNoticeConfig {
  const channels: NoticeChannel[] = [];
  if (env.ONEDOOR_SMTP_URL) channels.push(new SmtpChannel(env.ONEDOOR_SMTP_URL, env.ONEDOOR_MAIL_FROM ?? 'OneDoor <no-reply@localhost>'));
  if (env.ONEDOOR_SMS_URL) channels.push(new HttpSmsChannel({ url: env.ONEDOOR_SMS_URL, token: env.ONEDOOR_SMS_TOKEN, brandname: env.ONEDOOR_SMS_BRANDNAME }));
  if (env.ONEDOOR_ZALO_ACCESS_TOKEN) {
    channels.push(new ZaloZnsChannel({ accessToken: env.ONEDOOR_ZALO_ACCESS_TOKEN, templates: zaloTemplates(env.ONEDOOR_ZALO_TEMPLATES ?? ''), url: env.ONEDOOR_ZALO_URL }));
  }
  return { channels, publicUrl: env.ONEDOOR_PUBLIC_URL || undefined };
}

/** "received=123,result_ready=456" → { received: '123', result_ready: '456' }; unknown events are ignored. */
export function zaloTemplates(text: string): Partial<Record<NoticeEvent, string>> {
  const templates: Partial<Record<NoticeEvent, string>> = {};
  for (const pair of text.split(',')) {
    const [event, id] = pair.split('=').map((s) => s.trim());
    if (id && (NOTICE_EVENTS as readonly string[]).includes(event)) templates[event as NoticeEvent] = id;
  }
  return templates;
}
