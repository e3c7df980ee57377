/**
 * Search that forgives missing diacritics: "nguyen van a" finds "Nguyễn Văn A". Both sides are
 * folded the same way — lower case, every accented vowel to its base letter, đ to d — the needle
 * here in TypeScript, the column in SQL with translate() over the same two strings.
 */
const ACCENTED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const PLAIN = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

const MAP = new Map([...ACCENTED].map((c, i) => [c, PLAIN[i]]));

export function foldVietnamese(text: string): string {
  return [...text.normalize('NFC').toLowerCase()].map((c) => MAP.get(c) ?? c).join('');
}

/** The SQL expression folding `column` exactly as foldVietnamese folds the needle. */
export function foldedSql(column: string): string {
  return `translate(lower(${column}), '${ACCENTED}', '${PLAIN}')`;
}
