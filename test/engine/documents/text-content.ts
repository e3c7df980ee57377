/**
 * What a reader sees of a rendered document: tags dropped, entities decoded, whitespace collapsed.
 * Specs assert on this, not on markup, so layout changes don't break them.
 */
export function textContent(html: string): string {
  return decode(
    html
      .replace(/<(style|script|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text of each row of the document's data tables (`table.grid` bodies), header rows excluded. */
export function tableRows(html: string): string[] {
  const bodies = [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]);
  return bodies.flatMap((body) => [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textContent(m[1])));
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
