import { i18n } from '../../shared/i18n.js';
import { viBpmnJs } from './vi-bpmn-js.js';
import { viOnedoor } from './vi-onedoor.js';

i18n.register(viBpmnJs);
i18n.register(viOnedoor);

/**
 * Replaces bpmn-js's `translate` service: palette, context pad, popup menus, properties panel,
 * lint overlays and our own modules all go through the page's i18n helper (Vietnamese by
 * default, English when chosen).
 */
export const translateModule = {
  translate: ['value', i18n.t],
};
