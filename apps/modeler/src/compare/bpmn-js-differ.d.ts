// bpmn-js-differ ships plain JavaScript; this is the part of its API the comparison uses.
declare module 'bpmn-js-differ' {
  interface ModdleElement {
    $type: string;
    id?: string;
  }
  export interface DiagramChanges {
    _added: Record<string, ModdleElement>;
    _removed: Record<string, ModdleElement>;
    _changed: Record<string, { model: ModdleElement; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, ModdleElement>;
  }
  export function diff(oldDefinitions: unknown, newDefinitions: unknown): DiagramChanges;
}
