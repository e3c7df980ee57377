/** dmn-moddle 12 exports a named `DmnModdle` without typing it; we read it loosely in decisions/dmn-parser.ts. */
declare module 'dmn-moddle' {
  export const DmnModdle: new (packages?: Record<string, object>) => {
    fromXML(xml: string, type?: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  };
}
