import fc from 'fast-check';

/** One route of the API, as the OpenAPI document lists it: `/api/tasks/{id}/complete`. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

export interface HostileRequest {
  /** What kind of hostility, for the report. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The routes of an OpenAPI document (`GET /api/docs-json`, or SwaggerModule.createDocument). */
export function routesOf(document: { paths: Record<string, object> }): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m): m is Route['method'] => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((method) => ({ method, path })),
  );
}

/** Strings that have broken servers: traversal, NUL, SQL and template fragments, huge, odd Unicode. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('../../etc/passwd', '%00', '\u0000', "' OR 1=1 --", '${7*7}', '{{7*7}}', '<script>alert(1)</script>', 'NaN', '-1', '1e309', '0x1F', '__proto__', 'constructor', '🧨'.repeat(20), 'ﷺ', '\u202e', ' '),
  fc.constantFrom('a'.repeat(5_000), '9'.repeat(400)),
  fc.uuid().map(String),
  fc.integer().map(String),
);

/** JSON values with the keys that poison objects, besides whatever fast-check makes up. */
const nastyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('variables', 'applicant', 'procedureKey', 'bpmnXml', 'missing', 'username', 'password', 'roles', 'date', 'kind', 'reason', 'newDueAt', 'instructions', 'signalName', 'messageName', 'code', 'name'), fc.jsonValue({ maxDepth: 3 })),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.constant({ variables: { ['x'.repeat(300)]: 1 } }),
);

const QUERY_KEYS = ['key', 'latest', 'mine', 'candidate', 'overdue', 'processInstanceId', 'status', 'departmentCode', 'from', 'to', 'page', 'size', 'period', 'groupBy', 'year', 'days', 'base', 'candidate', 'phone', 'agencyCode', 'q'];

function fillPath(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x'));
}

/**
 * Mutations of a real BPMN file: cut short, a slice dropped or doubled, bytes replaced, an
 * attribute given a hostile value. Each still looks enough like BPMN to get past the first
 * checks and reach the parser and the validator.
 */
export function mutatedBpmn(samples: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 5 }), nastyString)
    .map(([xml, a, b, how, junk]) => {
      const i = a % xml.length;
      const j = Math.min(xml.length, i + (b % 400));
      switch (how) {
        case 0: return xml.slice(0, i);
        case 1: return xml.slice(0, i) + xml.slice(j);
        case 2: return xml.slice(0, j) + xml.slice(i, j) + xml.slice(j);
        case 3: return xml.slice(0, i) + junk + xml.slice(i);
        case 4: return xml.replace(/(id|sourceRef|targetRef|attachedToRef|od:allowanceDays|od:department)="[^"]*"/, (_, attr) => `${attr}="${junk.replace(/"/g, '&quot;')}"`);
        default: return xml.replace(/<bpmn:conditionExpression[^>]*>[^<]*</, `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${junk.replace(/</g, '&lt;')}<`);
      }
    });
}

/** XML that attacks the parser itself: external entities, entity expansion, nesting. */
export const XML_ATTACKS: { kind: string; xml: string }[] = [
  {
    kind: 'xxe-file',
    xml: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><bpmn:process id="xxe" name="&xxe;" isExecutable="true"><bpmn:startEvent id="s"/></bpmn:process></bpmn:definitions>`,
  },
  {
    kind: 'xxe-network',
    xml: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"/>`,
  },
  {
    kind: 'entity-expansion',
    xml: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><bpmn:process id="lol" name="&g;" isExecutable="true"><bpmn:startEvent id="s"/></bpmn:process></bpmn:definitions>`,
  },
  {
    kind: 'deep-xml',
    xml: `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><bpmn:process id="deep" isExecutable="true">${'<bpmn:subProcess id="s">'.repeat(3_000)}${'</bpmn:subProcess>'.repeat(3_000)}</bpmn:process></bpmn:definitions>`,
  },
  {
    kind: 'many-elements',
    xml: `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><bpmn:process id="wide" isExecutable="true">${Array.from({ length: 20_000 }, (_, i) => `<bpmn:task id="t${i}"/>`).join('')}</bpmn:process></bpmn:definitions>`,
  },
];

/**
 * Every hostile request the fuzzers send: random JSON to random routes with random path and
 * query values, broken and deeply nested JSON, wrong media types, mutated and malicious BPMN,
 * with and without a valid token.
 */
export function hostileRequest(routes: Route[], bpmnSamples: string[], tokens: string[]): fc.Arbitrary<HostileRequest> {
  const route = fc.constantFrom(...routes);
  const auth = fc.constantFrom<Record<string, string>>(
    ...tokens.map((t) => ({ authorization: `Bearer ${t}` })),
    {},
    { authorization: 'Bearer not-a-token' },
    { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJ1c2VybmFtZSI6ImFkbWluIiwicm9sZXMiOlsiYWRtaW4iXX0.' },
    { authorization: 'Basic YWRtaW46ZGVtbw==' },
  );
  const json = { 'content-type': 'application/json' };
  const query = fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), nastyString), { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : ''));
  const target = fc.tuple(route, fc.array(nastyString, { minLength: 1, maxLength: 3 }), query).map(([r, values, q]) => ({ method: r.method.toUpperCase(), path: fillPath(r.path, values) + q }));
  const deploy = (kind: string, xml: fc.Arbitrary<string>) =>
    fc.tuple(xml, auth).map(([bpmnXml, headers]) => ({ kind, method: 'POST', path: '/api/deployments', headers: { ...headers, ...json }, body: JSON.stringify({ name: 'fuzz', bpmnXml }) }));

  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(target, auth, nastyJson).map(([t, headers, body]) => ({ kind: 'json-body', ...t, headers: { ...headers, ...json }, body: JSON.stringify(body) })) },
    { weight: 2, arbitrary: fc.tuple(target, auth).map(([t, headers]) => ({ kind: 'no-body', ...t, headers })) },
    { weight: 1, arbitrary: fc.tuple(target, auth, fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', 'null', '"x"', '1', '\u0000', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}')).map(([t, headers, body]) => ({ kind: 'malformed-json', ...t, method: t.method === 'GET' ? 'POST' : t.method, headers: { ...headers, ...json }, body })) },
    { weight: 1, arbitrary: fc.tuple(target, auth, fc.integer({ min: 1_000, max: 20_000 })).map(([t, headers, depth]) => ({ kind: 'deep-json', ...t, method: 'POST', headers: { ...headers, ...json }, body: `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}` })) },
    { weight: 1, arbitrary: fc.tuple(target, auth, fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=latin1')).map(([t, headers, type]) => ({ kind: 'content-type', ...t, method: 'POST', headers: { ...headers, 'content-type': type }, body: 'a=1&b=--x\r\n' })) },
    { weight: 3, arbitrary: deploy('bpmn-mutation', mutatedBpmn(bpmnSamples)) },
    { weight: 1, arbitrary: fc.constantFrom(...XML_ATTACKS).chain((attack) => deploy(attack.kind, fc.constant(attack.xml))) },
  );
}

/** A body over the API's limit (6 MB of JSON): must be refused with 413 before it is parsed. */
export function oversizedRequest(token: string): HostileRequest {
  return { kind: 'oversized', method: 'POST', path: '/api/deployments', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', bpmnXml: 'x'.repeat(7 * 1024 * 1024) }) };
}

/** What a hostile request may answer: anything but a server error (503 only while the database is away). */
export function acceptable(status: number, databaseAway = false): boolean {
  return status < 500 || (databaseAway && status === 503);
}
