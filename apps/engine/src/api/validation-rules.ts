import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const remembered = new WeakSet<MetadataStorage>();

/**
 * class-validator finds a class's rules by walking every class it knows, and groups them by
 * property, on every validation of every request body and query: about 2% of an HTTP request's
 * CPU in the throughput bench. The rules change only when a class is declared (a decorator
 * adds rules), so the engine remembers each lookup until then. The answers are the library's
 * own, and it only reads them.
 */
export function rememberValidationRules(storage: MetadataStorage = getMetadataStorage()): void {
  if (remembered.has(storage)) return;
  remembered.add(storage);
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let byTarget = new WeakMap<object, Map<string, Rules>>();
  let byRules = new WeakMap<Rules, Grouped>();
  const forget = () => {
    byTarget = new WeakMap();
    byRules = new WeakMap();
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = (storage[method] as (...args: unknown[]) => void).bind(storage);
    (storage as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      forget();
      add(...args);
    };
  }
  storage.getTargetValidationMetadatas = ((target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? '\u0002'}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map()));
    let rules = forTarget.get(key);
    if (!rules) forTarget.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  }) as Lookup;
  storage.groupByPropertyName = (rules) => {
    let grouped = byRules.get(rules);
    if (!grouped) byRules.set(rules, (grouped = group(rules)));
    return grouped;
  };
}
