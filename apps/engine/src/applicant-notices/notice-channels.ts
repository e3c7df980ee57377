import nodemailer, { type Transporter } from 'nodemailer';
import type { NoticeEvent } from './notice-templates.js';
import type { NoticeChannelName } from '../persistence/applicant-notices/queue-notices.js';

/** One queued notice, as a channel sends it. */
export interface OutgoingNotice {
  id: string;
  dossierCode: string;
  /** A progress notice, or the one-time code an applicant asked for (SMS only). */
  event: NoticeEvent | 'one_time_code';
  recipient: string;
  subject: string;
  /** The final text (with the lookup line when configured). */
  body: string;
  data: Record<string, unknown>;
}

/**
 * A way of reaching an applicant. Every provider (an SMTP server, an SMS brand-name gateway,
 * Zalo's notification service) sits behind this: `send` resolves once the provider accepted the
 * message and throws when it did not, and the delivery loop retries. The notice id goes along so a
 * provider that deduplicates can recognise a repeat after a node died mid-send.
 */
export interface NoticeChannel {
  readonly name: NoticeChannelName;
  send(notice: OutgoingNotice, signal: AbortSignal): Promise<{ providerId?: string }>;
  close?(): Promise<void>;
}

/** E-mail through the agency's SMTP server (`smtp://user:pass@host:587`, `smtps://…`). */
export class SmtpChannel implements NoticeChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    timeoutMs = 10_000,
  ) {
    const address = new URL(url);
    address.searchParams.set('connectionTimeout', String(timeoutMs));
    address.searchParams.set('greetingTimeout', String(timeoutMs));
    address.searchParams.set('socketTimeout', String(timeoutMs));
    this.transport = nodemailer.createTransport(address.toString());
  }

  async send(notice: OutgoingNotice): Promise<{ providerId?: string }> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: notice.recipient,
      subject: notice.subject,
      text: notice.body,
      messageId: `<notice-${notice.id}.${notice.dossierCode}@onedoor>`,
      headers: { 'X-OneDoor-Notice-Id': notice.id },
    });
    return { providerId: info.messageId };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/**
 * SMS through a brand-name gateway's HTTP API. Gateways differ in detail; this speaks the common
 * shape (JSON POST with a bearer token: `{ to, text, brandname, reference }`, 2xx = accepted) and
 * is the one place to adapt for a given carrier's API.
 */
export class HttpSmsChannel implements NoticeChannel {
  readonly name = 'sms' as const;
  constructor(private readonly options: { url: string; token?: string; brandname?: string; fetch?: typeof fetch }) {}

  async send(notice: OutgoingNotice, signal: AbortSignal): Promise<{ providerId?: string }> {
    const response = await (this.options.fetch ?? fetch)(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
      body: JSON.stringify({ to: vietnamesePhone(notice.recipient), text: notice.body, brandname: this.options.brandname, reference: notice.id }),
      signal,
    });
    const answer = (await response.json().catch(() => ({}))) as { id?: unknown; messageId?: unknown };
    if (!response.ok) throw new Error(`SMS gateway answered HTTP ${response.status}`);
    const id = answer.messageId ?? answer.id;
    return id === undefined ? {} : { providerId: String(id) };
  }
}

/**
 * Zalo Notification Service: a template the agency registered with Zalo, filled with the dossier's
 * facts, sent to the applicant's phone number. Zalo answers HTTP 200 with `error: 0` when it took
 * the message, another code when not.
 */
export class ZaloZnsChannel implements NoticeChannel {
  readonly name = 'zalo' as const;
  constructor(private readonly options: { accessToken: string; templates: Partial<Record<NoticeEvent, string>>; url?: string; fetch?: typeof fetch }) {}

  async send(notice: OutgoingNotice, signal: AbortSignal): Promise<{ providerId?: string }> {
    const templateId = notice.event === 'one_time_code' ? undefined : this.options.templates[notice.event];
    if (!templateId) throw new Error(`no Zalo template configured for ${notice.event}`);
    const response = await (this.options.fetch ?? fetch)(this.options.url ?? 'https://business.openapi.zalo.me/message/template', {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: this.options.accessToken },
      body: JSON.stringify({
        phone: vietnamesePhone(notice.recipient),
        template_id: templateId,
        template_data: {
          ma_ho_so: notice.dossierCode,
          ten_nguoi_nop: notice.data.applicantName ?? '',
          noi_dung: notice.body,
          ...(notice.data.dueAt ? { ngay_hen_tra: String(notice.data.dueAt) } : {}),
        },
        tracking_id: notice.id,
      }),
      signal,
    });
    const answer = (await response.json().catch(() => ({}))) as { error?: number; message?: string; data?: { msg_id?: string } };
    if (!response.ok || answer.error !== 0) throw new Error(`Zalo answered ${response.status}: ${answer.error ?? ''} ${answer.message ?? ''}`.trim());
    return answer.data?.msg_id ? { providerId: answer.data.msg_id } : {};
  }
}

/** "0912 345 678", "+84 912 345 678" → "84912345678": the form gateways and Zalo take. */
export function vietnamesePhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.startsWith('84')) return digits;
  if (digits.startsWith('0')) return `84${digits.slice(1)}`;
  return digits;
}
