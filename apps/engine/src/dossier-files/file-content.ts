/** The kinds of file a dossier keeps: scans and the documents agencies issue. */
export type DossierFileType = 'application/pdf' | 'image/png' | 'image/jpeg';

export const FILE_EXTENSIONS: Record<DossierFileType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/**
 * What a file is, read from its first bytes (its "magic number"), never from its name or the
 * type the browser claims: a renamed executable is still an executable. Undefined: none of ours.
 */
export function sniffFileType(bytes: Buffer): DossierFileType | undefined {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/**
 * A file name safe to show and to put in Content-Disposition: no path, no control characters,
 * at most 150 characters, and the extension of what the file really is.
 */
export function cleanFileName(given: string | undefined, type: DossierFileType): string {
  const base = (given ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 140) || 'tai-lieu';
  return `${stem}.${FILE_EXTENSIONS[type]}`;
}
