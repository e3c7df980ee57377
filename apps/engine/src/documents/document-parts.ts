import { html, type SafeHtml } from './html.js';

/** Building blocks the form bodies share; each escapes what it is given. */
export const parts = {
  /** "Label: value", or the paper form's dotted line when there is no value yet. */
  field(label: string, value: string | null | undefined, blank: string): SafeHtml {
    return html`<p><span class="label">${label}:</span> <span class="value">${value === null || value === undefined || value === '' ? blank : value}</span></p>`;
  },

  /** Signature blocks side by side; `name` is printed under the space left for the signature. */
  signatures(blocks: { who: string; hint: string; name?: string | null }[]): SafeHtml {
    return html`<table class="signatures"><tr>${blocks.map(
      (b) => html`<td><div class="who">${b.who}</div><div class="hint">${b.hint}</div>${b.name ? html`<div class="name">${b.name}</div>` : ''}</td>`,
    )}</tr></table>`;
  },

  /** Replaces `{desk}`-style placeholders of a label (plain text: escaping happens when printed). */
  fill(text: string, values: Record<string, string>): string {
    return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  },
};
