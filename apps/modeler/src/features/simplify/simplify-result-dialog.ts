import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { DeployedDefinition, Simplification } from './simplify-service.js';

/**
 * What the simplification did: the steps cut, the new version, the engine's warnings; and the
 * two next moves, opening the new version here or comparing both versions.
 * Resolves 'open' when the designer wants the new version in the modeler.
 */
export function showSimplifyResult(source: DeployedDefinition, result: Simplification, names: Map<string, string>): Promise<'open' | 'close'> {
  const t = i18n.t;
  const target = result.definition;
  const compareUrl = `/compare/?base=${encodeURIComponent(source.id)}&candidate=${encodeURIComponent(target.id)}`;
  const stepLabel = (id: string) => (names.has(id) && names.get(id) !== id ? `${names.get(id)} (${id})` : id);

  return new Promise((resolve) => {
    const close = (choice: 'open' | 'close') => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
    const dialog = h(
      'dialog',
      { className: 'od-dialog od-simplify-dialog', 'data-testid': 'simplify-result' },
      h('h2', {}, t('Procedure simplified')),
      h('p', { 'data-testid': 'new-version' }, t('New version: {key} version {version} (from version {from}).', { key: target.key, version: target.version, from: source.version })),
      h('h3', {}, t('Steps cut ({count})', { count: result.removed.length })),
      h('ul', { className: 'od-simplify-removed' }, result.removed.map((id) => h('li', { 'data-element-id': id }, stepLabel(id)))),
      result.removedGateways.length > 0 && h('p', {}, t('Gateways no longer needed and removed: {ids}', { ids: result.removedGateways.join(', ') })),
      result.warnings.length > 0 && h('div', { className: 'od-simplify-warnings' }, h('h3', {}, t('Warnings')), h('ul', {}, result.warnings.map((warning) => h('li', {}, warning)))),
      h(
        'div',
        { className: 'od-form-actions' },
        h('a', { className: 'od-button', href: compareUrl, target: '_blank', 'data-action': 'open-compare' }, t('Compare the two versions')),
        h(
          'button',
          { type: 'button', className: 'od-button od-button-primary', 'data-action': 'open-new-version', onclick: () => close('open') },
          t('Open version {version} here', { version: target.version }),
        ),
        h('button', { type: 'button', className: 'od-button', 'data-action': 'close', onclick: () => close('close') }, t('Close')),
      ),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close('close');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
