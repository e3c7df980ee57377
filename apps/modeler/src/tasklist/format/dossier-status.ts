import { i18n } from '../../shared/i18n.js';

/** National portal status codes (TrangThaiHoSo, docs/domain.md) as English source strings for i18n. */
const STATUS: Record<number, string> = {
  1: 'Newly registered',
  2: 'Received',
  3: 'Not received',
  4: 'Processing',
  5: 'Supplement requested',
  6: 'Financial obligation requested',
  7: 'Withdrawn by the applicant',
  8: 'Processing stopped',
  9: 'Processed',
  10: 'Result returned',
};

export function dossierStatusText(status: number, serverText?: string): string {
  const source = STATUS[status];
  return source ? i18n.t(source) : serverText ?? String(status);
}

const CHANNEL: Record<string, string> = { direct: 'In person', online: 'Online', postal: 'By post' };

export function channelText(channel: string): string {
  return CHANNEL[channel] ? i18n.t(CHANNEL[channel]) : channel;
}

export const CHANNELS = Object.keys(CHANNEL);
