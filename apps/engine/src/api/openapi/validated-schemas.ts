import { ApiProperty } from '@nestjs/swagger';
import { getMetadataStorage, type ValidationTypes } from 'class-validator';

type Constructor = abstract new (...args: never[]) => unknown;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

const documented = new WeakSet<object>();
const EXPLICIT = 'swagger/apiModelProperties';

/**
 * The request bodies and queries as OpenAPI schemas, read from the rules that validate them
 * (class-validator decorators): one source, so the documentation can't drift from what the
 * engine accepts. A property that already carries an explicit @ApiProperty keeps it.
 */
export function documentValidatedClass(type: Constructor): void {
  if (documented.has(type)) return;
  documented.add(type);
  const rules = getMetadataStorage().getTargetValidationMetadatas(type as never, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  for (const [property, list] of byProperty) {
    if (Reflect.getMetadata(EXPLICIT, type.prototype, property)) continue;
    ApiProperty(propertyOptions(type, property, list))(type.prototype as object, property);
  }
}

/** Every class a controller method takes as a parameter (bodies, queries) that has validation rules. */
export function documentControllerInputs(controllers: Constructor[]): void {
  for (const controller of controllers) {
    const proto = controller.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      if (method === 'constructor' || typeof proto[method] !== 'function') continue;
      const params: unknown[] = Reflect.getMetadata('design:paramtypes', proto, method) ?? [];
      for (const param of params) if (isValidated(param)) documentValidatedClass(param);
    }
  }
}

function isValidated(type: unknown): type is Constructor {
  return typeof type === 'function' && getMetadataStorage().getTargetValidationMetadatas(type as never, '', true, false).length > 0;
}

/** The schema of a value by the rule that checks it, first match wins. */
const SCALARS: [string, Record<string, unknown>][] = [
  ['isInt', { type: 'integer' }],
  ['isNumber', { type: 'number' }],
  ['min', { type: 'number' }],
  ['max', { type: 'number' }],
  ['isBoolean', { type: 'boolean' }],
  ['isDate', { type: 'string', format: 'date-time' }],
  ['isObject', { type: 'object', additionalProperties: true }],
  ['isUUID', { type: 'string', format: 'uuid' }],
  ['isEmail', { type: 'string', format: 'email' }],
];

function propertyOptions(owner: Constructor, property: string, rules: ValidationMetadata[]): Record<string, unknown> {
  const named = (name: string) => rules.find((r) => r.type === ('customValidation' as ValidationTypes) && r.name === name);
  const each = rules.some((r) => r.each) || Boolean(named('isArray'));
  const options: Record<string, unknown> = { required: !rules.some((r) => r.type === ('conditionalValidation' as ValidationTypes)) };
  const declared = Reflect.getMetadata('design:type', owner.prototype as object, property) as unknown;
  const nested = rules.some((r) => r.type === ('nestedValidation' as ValidationTypes));
  if (nested && isValidated(declared)) {
    documentValidatedClass(declared);
    options.type = declared;
  } else if (named('isIn')) {
    const values = (named('isIn')!.constraints?.[0] ?? []) as unknown[];
    options.enum = values;
    options.type = typeof values[0] === 'number' ? 'number' : 'string';
  } else {
    Object.assign(options, SCALARS.find(([rule]) => named(rule))?.[1] ?? { type: 'string' });
  }
  if (each) options.isArray = true;
  const pattern = named('matches')?.constraints?.[0];
  if (pattern instanceof RegExp) options.pattern = pattern.source;
  const number = (name: string) => {
    const value = named(name)?.constraints?.[0];
    return typeof value === 'number' ? value : undefined;
  };
  if (number('maxLength') !== undefined) options.maxLength = number('maxLength');
  if (number('minLength') !== undefined) options.minLength = number('minLength');
  if (number('min') !== undefined) options.minimum = number('min');
  if (number('max') !== undefined) options.maximum = number('max');
  if (number('arrayMaxSize') !== undefined) options.maxItems = number('arrayMaxSize');
  const message = named('matches')?.message;
  if (typeof message === 'string') options.description = message;
  return options;
}
