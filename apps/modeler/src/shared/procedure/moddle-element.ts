/**
 * The little we use of a bpmn-moddle element. bpmn-js business objects are the same objects,
 * so the procedure logic runs unchanged in the browser and in Jest on node.
 */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  $instanceOf(type: string): boolean;
  get(name: string): any;
  [property: string]: any;
}

export function is(element: ModdleElement | undefined | null, type: string): boolean {
  return !!element && typeof element.$instanceOf === 'function' && element.$instanceOf(type);
}
