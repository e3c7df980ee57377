/**
 * The `od:` BPMN extension (../shared/BPMN.md) as a moddle descriptor.
 * One source for the engine's parser (bpmn-moddle), the modeler (bpmn-js `moddleExtensions`)
 * and the properties panel. Attribute names are part of the public contract: never rename.
 */
export const OD_NAMESPACE_URI = 'http://onedoor.vn/schema/bpmn/1.0';

export const odModdleDescriptor = {
  name: 'OneDoor',
  uri: OD_NAMESPACE_URI,
  prefix: 'od',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'ProcedureProcess',
      extends: ['bpmn:Process'],
      properties: [
        { name: 'procedureCode', isAttr: true, type: 'String' },
        { name: 'statutoryDays', isAttr: true, type: 'Real' },
        { name: 'field', isAttr: true, type: 'String' },
        // `restart` (default) or `pause`: what a supplement request does to the dossier's clock.
        { name: 'supplementPolicy', isAttr: true, type: 'String' },
        { name: 'agencyCode', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'DepartmentLane',
      extends: ['bpmn:Lane'],
      properties: [{ name: 'department', isAttr: true, type: 'String' }],
    },
    {
      name: 'Step',
      extends: ['bpmn:Activity'],
      properties: [
        { name: 'department', isAttr: true, type: 'String' },
        { name: 'role', isAttr: true, type: 'String' },
        { name: 'allowanceDays', isAttr: true, type: 'Real' },
        { name: 'counted', isAttr: true, type: 'Boolean', default: true },
        // Service tasks: the name of an engine-registered handler; absent = no-op.
        { name: 'handler', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'ReengineeringNode',
      extends: ['bpmn:FlowNode'],
      properties: [
        { name: 'removalProposed', isAttr: true, type: 'Boolean', default: false },
        { name: 'removalReason', isAttr: true, type: 'String' },
        { name: 'legalBasis', isAttr: true, type: 'String' },
        { name: 'complianceCost', isAttr: true, type: 'Real' },
      ],
    },
    {
      name: 'WorkingTimeExpression',
      extends: ['bpmn:Expression'],
      properties: [{ name: 'workingTime', isAttr: true, type: 'Boolean', default: false }],
    },
  ],
  enumerations: [],
} as const;

/** The supplement policies a procedure may declare. */
export type SupplementPolicy = 'restart' | 'pause';
