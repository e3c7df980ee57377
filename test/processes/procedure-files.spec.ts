/**
 * The procedure files in `processes/` are deployed at start and shown to managers as
 * "before / after simplification": they must parse cleanly with our `od:` extension, carry the
 * data the engine needs (department, role, allowances summing to the statutory time), open in
 * bpmn-js (complete, non-overlapping diagram) and match the demo organisation.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from 'feelin';
import { odModdleDescriptor } from '@onedoor/bpmn-schema';

// bpmn-moddle elements are dynamic objects; read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type El = any;

interface Organisation {
  agencies: { code: string; name: string }[];
  departments: { code: string; name: string; parentCode: string | null }[];
  users: { username: string; fullName: string; departmentCode: string; roles: string[] }[];
}

interface ParsedFile {
  file: string;
  definitions: El;
  warnings: string[];
  process: El;
  participants: El[];
}

const PROCESSES_DIR = fileURLToPath(new URL('../../processes/', import.meta.url));
const bpmnFiles = readdirSync(PROCESSES_DIR).filter((f) => f.endsWith('.bpmn')).sort();
const organisation = JSON.parse(readFileSync(path.join(PROCESSES_DIR, 'organisation.json'), 'utf8')) as Organisation;

/** What the published tables (and our simplifications) say: key, user tasks on the file, statutory days. */
const EXPECTED: Record<string, { key: string; userTasks: number; statutoryDays: number }> = {
  '1.001806.v1.bpmn': { key: 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat', userTasks: 7, statutoryDays: 10 },
  '1.001806.v2.bpmn': { key: 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat', userTasks: 6, statutoryDays: 10 },
  '1.013814.v1.bpmn': { key: 'dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap', userTasks: 7, statutoryDays: 5 },
  '1.013814.v2.bpmn': { key: 'dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap', userTasks: 6, statutoryDays: 4.5 },
  '1.013814-vp-ubnd.bpmn': { key: 'tham-dinh-lien-thong-vp-ubnd-tinh', userTasks: 2, statutoryDays: 1.75 },
  '1.012990.v1.bpmn': { key: 'xac-nhan-qua-trinh-thuc-hanh-cong-tac-xa-hoi', userTasks: 6, statutoryDays: 10 },
  '1.012990.v2.bpmn': { key: 'xac-nhan-qua-trinh-thuc-hanh-cong-tac-xa-hoi', userTasks: 5, statutoryDays: 9 },
  '9.000101.v1.bpmn': { key: 'cap-gcn-co-so-du-dieu-kien-attp-nong-lam-thuy-san', userTasks: 10, statutoryDays: 15 },
  '9.000101.v2.bpmn': { key: 'cap-gcn-co-so-du-dieu-kien-attp-nong-lam-thuy-san', userTasks: 9, statutoryDays: 14 },
  '9.000102.v1.bpmn': { key: 'cap-chung-chi-hanh-nghe-thu-y', userTasks: 7, statutoryDays: 5 },
  '9.000102.v2.bpmn': { key: 'cap-chung-chi-hanh-nghe-thu-y', userTasks: 5, statutoryDays: 4.5 },
  // Not an administrative procedure: no national code, not received as a dossier (issue #24).
  'phan-anh-kien-nghi.bpmn': { key: 'xu-ly-phan-anh-kien-nghi', userTasks: 6, statutoryDays: 10 },
};

const FLOW_NODE_TYPES = new Set([
  'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:UserTask', 'bpmn:ManualTask', 'bpmn:ServiceTask', 'bpmn:ReceiveTask',
  'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway',
  'bpmn:CallActivity', 'bpmn:SubProcess', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent', 'bpmn:Task',
]);

type ModdleConstructor = new (packages: object) => El;

/**
 * bpmn-moddle's ESM entry has only the named export `BpmnModdle` (a default import fails at run
 * time) and ships no declaration for it, so load it untyped.
 */
async function loadBpmnModdle(): Promise<ModdleConstructor> {
  const specifier: string = 'bpmn-moddle';
  return ((await import(specifier)) as { BpmnModdle: ModdleConstructor }).BpmnModdle;
}

async function parse(BpmnModdle: ModdleConstructor, file: string): Promise<ParsedFile> {
  const xml = readFileSync(path.join(PROCESSES_DIR, file), 'utf8');
  const moddle = new BpmnModdle({ od: odModdleDescriptor });
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const processes = rootElement.rootElements.filter((e: El) => e.$type === 'bpmn:Process');
  const collaboration = rootElement.rootElements.find((e: El) => e.$type === 'bpmn:Collaboration');
  return {
    file,
    definitions: rootElement,
    warnings: (warnings ?? []).map((w: { message: string }) => w.message),
    process: processes[0],
    participants: collaboration?.participants ?? [],
  };
}

const flowElements = (p: El): El[] => p.flowElements ?? [];
const userTasks = (p: El): El[] => flowElements(p).filter((e) => e.$type === 'bpmn:UserTask');
const flowNodes = (p: El): El[] => flowElements(p).filter((e) => FLOW_NODE_TYPES.has(e.$type));
const sequenceFlows = (p: El): El[] => flowElements(p).filter((e) => e.$type === 'bpmn:SequenceFlow');
const lanes = (p: El): El[] => (p.laneSets ?? []).flatMap((s: El) => s.lanes ?? []);
const laneOf = (p: El, node: El): El | undefined => lanes(p).find((l) => (l.flowNodeRef ?? []).includes(node));
const departmentOf = (p: El, task: El): string | undefined => task.department ?? laneOf(p, task)?.department;
const countedAllowance = (p: El): number =>
  userTasks(p).filter((t) => t.counted !== false).reduce((sum, t) => sum + (t.allowanceDays ?? 0), 0);
const complianceCost = (p: El): number => flowNodes(p).reduce((sum, n) => sum + (n.complianceCost ?? 0), 0);

/** Every element in the tree, to find attributes moddle kept as unknown `$attrs`. */
function* walk(el: El, seen = new Set<El>()): Generator<El> {
  if (!el || typeof el !== 'object' || seen.has(el)) return;
  seen.add(el);
  if (el.$type) yield el;
  for (const [k, v] of Object.entries(el)) {
    if (k.startsWith('$') || k === 'sourceRef' || k === 'targetRef' || k === 'bpmnElement' || k === 'processRef') continue;
    if (Array.isArray(v)) for (const c of v) yield* walk(c, seen);
    else if (v && typeof v === 'object' && (v as El).$type) yield* walk(v, seen);
  }
}

function diagramIndex(definitions: El): { shapes: Map<string, El>; edges: Map<string, El> } {
  const shapes = new Map<string, El>();
  const edges = new Map<string, El>();
  for (const d of definitions.diagrams ?? []) {
    for (const e of d.plane.planeElement ?? []) {
      if (e.$type === 'bpmndi:BPMNShape') shapes.set(e.bpmnElement.id, e);
      if (e.$type === 'bpmndi:BPMNEdge') edges.set(e.bpmnElement.id, e);
    }
  }
  return { shapes, edges };
}

const overlaps = (a: El, b: El): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: El, outer: El): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe('procedure files in processes/', () => {
  const parsed = new Map<string, ParsedFile>();
  const byKey = new Map<string, ParsedFile[]>();

  beforeAll(async () => {
    const BpmnModdle = await loadBpmnModdle();
    for (const file of bpmnFiles) {
      const p = await parse(BpmnModdle, file);
      parsed.set(file, p);
      byKey.set(p.process.id, [...(byKey.get(p.process.id) ?? []), p]);
    }
  });

  /** Counted allowances of a process plus those of the processes its call activities invoke. */
  function totalAllowance(p: El, depth = 0): number {
    if (depth > 5) throw new Error('call activity cycle');
    const called = flowElements(p).filter((e) => e.$type === 'bpmn:CallActivity');
    return called.reduce((sum, c) => {
      const target = byKey.get(c.calledElement)?.[0];
      if (!target) throw new Error(`${c.id}: called process ${c.calledElement} not found in processes/`);
      return sum + totalAllowance(target.process, depth + 1);
    }, countedAllowance(p));
  }

  it('has exactly the expected files', () => {
    expect(bpmnFiles).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(bpmnFiles)('%s', (file) => {
    const get = (): ParsedFile => parsed.get(file)!;

    it('parses with bpmn-moddle and the od: descriptor without warnings or unknown od: attributes', () => {
      const { warnings, definitions } = get();
      expect(warnings).toEqual([]);
      expect(definitions.$attrs['xmlns:od']).toBe('http://onedoor.vn/schema/bpmn/1.0');
      const unknown = [...walk(definitions)].flatMap((el) =>
        Object.keys(el.$attrs ?? {}).filter((a) => a.startsWith('od:')).map((a) => `${el.id}: ${a}`),
      );
      expect(unknown).toEqual([]);
    });

    it('is one executable process with the expected key, statutory time and agency', () => {
      const { process: p, definitions } = get();
      expect(definitions.rootElements.filter((e: El) => e.$type === 'bpmn:Process')).toHaveLength(1);
      expect(p.id).toBe(EXPECTED[file].key);
      expect(p.isExecutable).toBe(true);
      expect(p.statutoryDays).toBe(EXPECTED[file].statutoryDays);
      expect(p.field).toBeTruthy();
      expect(organisation.agencies.map((a) => a.code)).toContain(p.agencyCode);
      // Citizens' procedures carry their national code in the file name; the called part and petitions have none.
      if (/^\d/.test(file) && !file.includes('-vp-ubnd')) expect(p.procedureCode).toBe(file.split('.v')[0]);
      else expect(p.procedureCode).toBeUndefined();
      expect(userTasks(p)).toHaveLength(EXPECTED[file].userTasks);
    });

    it('gives every user task a department (own or lane) and a role, and names in Vietnamese', () => {
      const { process: p } = get();
      for (const t of userTasks(p)) {
        expect({ id: t.id, department: departmentOf(p, t) }).toEqual({ id: t.id, department: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/) });
        expect({ id: t.id, role: t.role }).toEqual({ id: t.id, role: expect.stringMatching(/^[a-z]+$/) });
        expect(t.name).toMatch(/[^\x00-\x7F]/);
        if (t.counted !== false) expect(t.allowanceDays).toBeGreaterThan(0);
        expect(t.legalBasis).toBeTruthy();
      }
      for (const l of lanes(p)) expect(l.department).toMatch(/^[A-Z][A-Z0-9_]*$/);
    });

    it('has counted allowances (with called processes) summing to od:statutoryDays', () => {
      const { process: p } = get();
      expect(totalAllowance(p)).toBeCloseTo(p.statutoryDays, 6);
    });

    it('has a shape for every flow node, lane and participant and an edge for every sequence flow', () => {
      const { process: p, definitions, participants } = get();
      const { shapes, edges } = diagramIndex(definitions);
      const missing = [...flowNodes(p), ...lanes(p), ...participants].filter((e) => !shapes.has(e.id)).map((e) => e.id);
      expect(missing).toEqual([]);
      const withoutEdge = sequenceFlows(p).filter((f) => (edges.get(f.id)?.waypoint?.length ?? 0) < 2).map((f) => f.id);
      expect(withoutEdge).toEqual([]);
    });

    it('lays flow nodes out without overlaps, each inside its lane', () => {
      const { process: p, definitions } = get();
      const { shapes } = diagramIndex(definitions);
      const nodes = flowNodes(p);
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = shapes.get(nodes[i].id).bounds;
          const b = shapes.get(nodes[j].id).bounds;
          expect({ pair: [nodes[i].id, nodes[j].id], overlap: overlaps(a, b) }).toEqual({ pair: [nodes[i].id, nodes[j].id], overlap: false });
        }
        const lane = laneOf(p, nodes[i]);
        expect({ id: nodes[i].id, lane: lane?.id }).toEqual({ id: nodes[i].id, lane: expect.any(String) });
        expect({ id: nodes[i].id, inside: inside(shapes.get(nodes[i].id).bounds, shapes.get(lane.id).bounds) }).toEqual({ id: nodes[i].id, inside: true });
      }
      for (const t of userTasks(p)) expect([shapes.get(t.id).bounds.width, shapes.get(t.id).bounds.height]).toEqual([100, 80]);
    });

    it('routes every exclusive gateway to exactly one branch for each value of its decision', () => {
      const { process: p } = get();
      for (const gw of flowElements(p).filter((e) => e.$type === 'bpmn:ExclusiveGateway' && e.outgoing?.length > 1)) {
        const conditions: string[] = gw.outgoing.filter((f: El) => f !== gw.default).map((f: El) => f.conditionExpression?.body);
        expect(conditions.every((c) => typeof c === 'string' && c.startsWith('='))).toBe(true);
        const variable = /^=\s*([A-Za-z_]\w*)/.exec(conditions[0])![1];
        for (const value of [true, false]) {
          const taken = conditions.filter((c) => evaluate(c.replace(/^=/, ''), { [variable]: value }).value === true);
          expect({ gateway: gw.id, value, taken: taken.length }).toEqual({ gateway: gw.id, value, taken: gw.default ? expect.any(Number) : 1 });
        }
      }
    });
  });

  describe('versions', () => {
    const pairs = bpmnFiles.filter((f) => f.endsWith('.v1.bpmn')).map((f) => [f, f.replace('.v1.', '.v2.')]);

    it.each(pairs)('%s → %s: same key, fewer user tasks, flagged steps removed, ≥10% lower compliance cost', (v1f, v2f) => {
      const v1 = parsed.get(v1f)!.process;
      const v2 = parsed.get(v2f)!.process;
      expect(v2.id).toBe(v1.id);
      expect(userTasks(v2).length).toBeLessThan(userTasks(v1).length);
      const flagged = flowNodes(v1).filter((n) => n.removalProposed).map((n) => n.id);
      expect(flagged.length).toBeGreaterThan(0);
      for (const n of flowNodes(v1).filter((x) => x.removalProposed)) expect(n.removalReason).toBeTruthy();
      expect(userTasks(v2).map((t) => t.id).sort()).toEqual(userTasks(v1).map((t) => t.id).filter((id) => !flagged.includes(id)).sort());
      expect(flowNodes(v2).some((n) => n.removalProposed)).toBe(false);
      expect(complianceCost(v1)).toBeGreaterThan(0);
      expect(complianceCost(v2)).toBeLessThanOrEqual(0.9 * complianceCost(v1));
      expect(v2.statutoryDays).toBeLessThanOrEqual(v1.statutoryDays);
    });

    it('keeps the called process of every call activity in processes/', () => {
      for (const p of parsed.values()) {
        for (const c of flowElements(p.process).filter((e) => e.$type === 'bpmn:CallActivity')) {
          expect(byKey.has(c.calledElement)).toBe(true);
        }
      }
    });
  });

  describe('organisation.json', () => {
    const departments = new Map(organisation.departments.map((d) => [d.code, d]));

    it('has agencies as top-level departments and divisions under an agency', () => {
      for (const a of organisation.agencies) expect(departments.get(a.code)?.parentCode ?? null).toBeNull();
      const agencyCodes = organisation.agencies.map((a) => a.code);
      for (const d of organisation.departments) {
        if (d.parentCode !== null) expect(agencyCodes).toContain(d.parentCode);
        else expect(agencyCodes).toContain(d.code);
      }
      expect(new Set(organisation.departments.map((d) => d.code)).size).toBe(organisation.departments.length);
    });

    it('has well-formed, unique users in known departments', () => {
      const names = organisation.users.map((u) => u.username);
      expect(new Set(names).size).toBe(names.length);
      for (const u of organisation.users) {
        expect(u.username).toMatch(/^[a-z][a-z0-9.]*$/);
        expect(departments.has(u.departmentCode)).toBe(true);
        expect(u).not.toHaveProperty('password');
        if (u.roles.includes('head')) expect(u.roles).toContain('leader');
        if (['reception', 'specialist', 'head', 'clerk', 'supervisor'].some((r) => u.roles.includes(r))) expect(u.roles).toContain('officer');
      }
      const admin = organisation.users.find((u) => u.username === 'admin');
      expect(admin?.roles).toEqual(expect.arrayContaining(['admin', 'designer', 'manager']));
      expect(organisation.users.find((u) => u.username === 'thietke')?.roles).toContain('designer');
      expect(organisation.users.find((u) => u.username === 'quanly')?.roles).toContain('manager');
    });

    it('covers every department code and (department, role) pair the processes use', () => {
      const problems: string[] = [];
      for (const { file, process: p } of parsed.values()) {
        for (const l of lanes(p)) if (!departments.has(l.department)) problems.push(`${file} lane ${l.id}: ${l.department}`);
        for (const n of flowNodes(p)) if (n.department && !departments.has(n.department)) problems.push(`${file} ${n.id}: ${n.department}`);
        for (const t of userTasks(p)) {
          const dept = departmentOf(p, t);
          if (!organisation.users.some((u) => u.departmentCode === dept && u.roles.includes(t.role))) {
            problems.push(`${file} ${t.id}: no user in ${dept} with role ${t.role}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
