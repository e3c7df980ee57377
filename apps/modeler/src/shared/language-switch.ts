import { h } from './dom.js';
import { i18n } from './i18n.js';

/**
 * A button offering the other language; switching reloads the page in it. `beforeSwitch` lets
 * a page keep its work across the reload (the modeler stashes the open diagram).
 */
export function createLanguageSwitch(beforeSwitch?: () => unknown): HTMLButtonElement {
  const target = i18n.language === 'vi' ? 'en' : 'vi';
  return h(
    'button',
    {
      type: 'button',
      className: 'od-button od-language-switch',
      title: target === 'en' ? 'Switch to English' : 'Chuyển sang tiếng Việt',
      'data-action': 'switch-language',
      onclick: async () => {
        await beforeSwitch?.();
        i18n.switchTo(target);
      },
    },
    target === 'en' ? 'English' : 'Tiếng Việt',
  );
}
