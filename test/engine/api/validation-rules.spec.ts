import { IsInt, IsOptional, IsString, MaxLength, MetadataStorage, validate, ValidationTypes } from 'class-validator';
import { rememberValidationRules } from '../../../apps/engine/src/api/validation-rules.js';

/**
 * Remembered rule lookups answer exactly what class-validator would, and a class declared later
 * (a decorator adding rules) is never judged by rules remembered before it.
 */
describe('remembered validation rules', () => {
  class StepDto {
    @IsString()
    @MaxLength(10)
    name!: string;

    @IsOptional()
    @IsInt()
    days?: number;
  }

  it('given the global rules remembered, when a body is validated twice, then both answers are the library’s own', async () => {
    rememberValidationRules();
    rememberValidationRules(); // a second app in the same process: still one layer

    const dto = Object.assign(new StepDto(), { name: 'quá mười ký tự', days: 1.5 });
    const first = await validate(dto);
    const second = await validate(dto);

    expect(first.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([
      ['name', ['maxLength']],
      ['days', ['isInt']],
    ]);
    expect(second).toEqual(first);
  });

  it('given a lookup remembered, when a rule is added to the class later, then the next lookup includes it', () => {
    const storage = new MetadataStorage();
    rememberValidationRules(storage);
    class Later {
      title!: string;
    }
    const rule = (type: string) => ({ type, target: Later, propertyName: 'title', constraints: [], validationTypeOptions: {}, each: false, always: undefined, groups: [], context: undefined, message: undefined }) as never;
    storage.addValidationMetadata(rule(ValidationTypes.IS_DEFINED));
    const before = storage.getTargetValidationMetadatas(Later, '', false, false);
    expect(storage.getTargetValidationMetadatas(Later, '', false, false)).toBe(before);

    storage.addValidationMetadata(rule(ValidationTypes.WHITELIST));

    const after = storage.getTargetValidationMetadatas(Later, '', false, false);
    expect(after.map((m) => m.type)).toEqual([ValidationTypes.IS_DEFINED, ValidationTypes.WHITELIST]);
    expect(Object.keys(storage.groupByPropertyName(after))).toEqual(['title']);
    expect(storage.groupByPropertyName(after).title).toHaveLength(2);
  });
});
