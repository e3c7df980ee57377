import { renderSVG } from 'uqr';
import { raw, type SafeHtml } from './html.js';

/** The public lookup page of one dossier: /tra-cuu with the code filled in (the phone is still asked). */
export function publicLookupUrl(publicBaseUrl: string, dossierCode: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/tra-cuu?ma=${encodeURIComponent(dossierCode)}`;
}

/**
 * A QR code (SVG, drawn inline so the printed slip needs nothing else) a phone's camera opens
 * as the dossier's lookup page. Error correction M survives a crease or a smudge on paper.
 */
export function lookupQrCode(url: string): SafeHtml {
  const svg = renderSVG(url, { ecc: 'M', border: 2 }).replace('<svg ', '<svg class="qr" role="img" aria-label="Mã QR tra cứu hồ sơ" ');
  return raw(svg);
}
