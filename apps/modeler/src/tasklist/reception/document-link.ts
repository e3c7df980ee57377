import { h } from '../../shared/dom.js';
import { describeApiError } from '../format/api-message.js';

/**
 * A link to a printable form under /api/documents. Those need the bearer token, which a plain
 * link can't send: the click fetches the HTML with it and shows it in a new tab. The href stays
 * the real address, so "copy link" and tests see where it points.
 */
export function createDocumentLink(load: (href: string) => Promise<string>, href: string, label: string, onError: (message: string) => void): HTMLAnchorElement {
  const link = h('a', { href, target: '_blank', rel: 'noopener', className: 'od-button', 'data-document': href }, label);
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    // Opened before the await: browsers only allow pop-ups in the click itself.
    const win = window.open('', '_blank');
    try {
      const html = await load(href);
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (win) win.location.href = url;
      else window.location.href = url;
    } catch (error) {
      win?.close();
      onError(describeApiError(error));
    }
  });
  return link;
}
