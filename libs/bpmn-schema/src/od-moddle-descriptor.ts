/**
 * The `od:` BPMN extension (docs/bpmn.md in this repository) as a moddle descriptor.
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
        // The fee (phí, lệ phí) in VND a dossier pays at the payment gate, a message catch event or
        // receive task waiting for `thanhToanLePhi`; a `lePhi` variable (a decision table's) overrides it.
        { name: 'fee', isAttr: true, type: 'Real' },
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
      // A field of a step's form, inside the step's extensionElements (issue #18):
      // <od:formField id="chuyenVien" label="Chuyên viên thụ lý" type="officer" required="true"
      //               variable="chuyenVienThuLy" assigns="buoc-3-tham-dinh" />
      // `options` lists `value=Label` pairs separated by `|` (select, and labels of a decision).
      name: 'FormField',
      superClass: ['Element'],
      properties: [
        { name: 'id', isAttr: true, type: 'String' },
        { name: 'label', isAttr: true, type: 'String' },
        { name: 'type', isAttr: true, type: 'String' },
        { name: 'required', isAttr: true, type: 'Boolean', default: false },
        { name: 'options', isAttr: true, type: 'String' },
        { name: 'variable', isAttr: true, type: 'String' },
        // type="officer": the user task(s) whose assignee this pick becomes (ids separated by spaces).
        { name: 'assigns', isAttr: true, type: 'String' },
        { name: 'description', isAttr: true, type: 'String' },
      ],
    },
    {
      // One document of the dossier (thành phần hồ sơ), inside the process's extensionElements:
      // the desk's checklist at reception and the list on the receipt (form 01).
      name: 'DossierComponent',
      superClass: ['Element'],
      properties: [
        { name: 'id', isAttr: true, type: 'String' },
        { name: 'name', isAttr: true, type: 'String' },
        { name: 'required', isAttr: true, type: 'Boolean', default: true },
        // "1 bản chính", "2 bản sao": as the procedure publishes it.
        { name: 'copies', isAttr: true, type: 'String' },
        // The blank form the applicant fills in ("Mẫu số 01 ban hành kèm theo …"), when there is one.
        { name: 'template', isAttr: true, type: 'String' },
        // What the paper is, across procedures (default: the id): a file of the same kind the same
        // applicant handed in before may be reused instead of a new copy.
        { name: 'kind', isAttr: true, type: 'String' },
        // How long a digitised copy stays valid for reuse; none: it does not expire.
        { name: 'validMonths', isAttr: true, type: 'Integer' },
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

/** The kinds of field a step's form may have. */
export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'boolean', 'select', 'officer', 'decision'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** The supplement policies a procedure may declare. */
export type SupplementPolicy = 'restart' | 'pause';
