/** bpmn-moddle 10 exports a named `BpmnModdle` without typing it; we read it loosely in model/moddle.ts. */
declare module 'bpmn-moddle' {
  export const BpmnModdle: new (packages?: Record<string, object>) => {
    fromXML(xml: string, type?: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
    toXML(element: unknown, options?: object): Promise<{ xml: string }>;
    create(type: string, attrs?: object): unknown;
  };
}
