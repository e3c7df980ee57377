import { simplifyProcedure } from '@onedoor/reengineering';
import { diOf, fixture, integrityProblems, parse } from './diagram-integrity.js';

const ids = (elements: { id: string }[] = []) => elements.map((e) => e.id);
const waypoints = (edge: { waypoint: { x: number; y: number }[] }) => edge.waypoint.map((p) => [p.x, p.y]);

describe('simplifyProcedure', () => {
  describe('given a linear chain with a flagged review alone in its column', () => {
    const xml = fixture('linear-chain.bpmn');

    it('when simplified by default, then the review goes and its predecessor leads to its successor', async () => {
      const result = await simplifyProcedure(xml);

      expect(result.removed).toEqual(['review']);
      expect(result.removedGateways).toEqual([]);
      expect(result.reconnected).toEqual([{ flowId: 'f-assign-review', from: 'assign', to: 'examine' }]);
      const { byId } = await parse(result.xml);
      expect(byId('review')).toBeUndefined();
      expect(byId('f-review-examine')).toBeUndefined();
      expect(byId('f-assign-review').targetRef.id).toBe('examine');
      expect(ids(byId('examine').incoming)).toEqual(['f-assign-review']);
      expect(ids(byId('lane-division').flowNodeRef)).toEqual(['assign', 'examine']);
      expect(await integrityProblems(result.xml)).toEqual([]);
    });

    it('when simplified, then the column closes: shapes to the right move left by the step width + spacing and the pool shrinks', async () => {
      const before = await parse(xml);
      const { definitions } = await parse((await simplifyProcedure(xml)).xml);

      const x = (defs: unknown, id: string) => diOf(defs, id).bounds.x;
      expect(x(definitions, 'examine')).toBe(x(before.definitions, 'review'));
      expect(x(definitions, 'give-back')).toBe(x(before.definitions, 'give-back') - 150);
      expect(x(definitions, 'end')).toBe(x(before.definitions, 'end') - 150);
      expect(x(definitions, 'assign')).toBe(x(before.definitions, 'assign'));
      expect(diOf(definitions, 'pool').bounds.width).toBe(diOf(before.definitions, 'pool').bounds.width - 150);
      expect(diOf(definitions, 'lane-desk').bounds.width).toBe(diOf(before.definitions, 'lane-desk').bounds.width - 150);
      expect(diOf(definitions, 'review')).toBeUndefined();
      expect(diOf(definitions, 'f-review-examine')).toBeUndefined();
    });

    it('when simplified, then the retargeted edge runs orthogonally from the source right middle to the target left middle', async () => {
      const { definitions } = await parse((await simplifyProcedure(xml)).xml);

      // assign (x 500–600, mid y 240) → examine moved to x 650: same row, one straight segment.
      expect(waypoints(diOf(definitions, 'f-assign-review'))).toEqual([[600, 240], [650, 240]]);
      // examine → give-back changes rows: right, up, then into the left middle.
      expect(waypoints(diOf(definitions, 'f-examine-give-back'))).toEqual([[750, 240], [775, 240], [775, 110], [800, 110]]);
    });

    it('when two consecutive steps go, then the flow skips both and the diagram closes both columns', async () => {
      const before = await parse(xml);
      const result = await simplifyProcedure(xml, { removeElementIds: ['review', 'examine'] });
      const { byId, definitions } = await parse(result.xml);

      expect(result.reconnected).toEqual([{ flowId: 'f-assign-review', from: 'assign', to: 'give-back' }]);
      expect(ids(byId('give-back').incoming)).toEqual(['f-assign-review']);
      expect(diOf(definitions, 'give-back').bounds.x).toBe(diOf(before.definitions, 'give-back').bounds.x - 300);
      expect(diOf(definitions, 'pool').bounds.width).toBe(diOf(before.definitions, 'pool').bounds.width - 300);
      expect(await integrityProblems(result.xml)).toEqual([]);
    });

    it('when asked for an explicit list, then only those steps go and other flags are left alone', async () => {
      const result = await simplifyProcedure(xml, { removeElementIds: ['assign'] });

      expect(result.removed).toEqual(['assign']);
      const { byId } = await parse(result.xml);
      expect(byId('review').removalProposed).toBe(true);
      expect(byId('f-receive-assign').targetRef.id).toBe('review');
      expect(await integrityProblems(result.xml)).toEqual([]);
    });
  });

  describe('given flagged steps next to conditions', () => {
    const xml = fixture('conditions.bpmn');

    it("when a step whose outgoing flow is conditional goes, then the unconditional incoming flow takes that condition", async () => {
      const { byId } = await parse((await simplifyProcedure(xml, { removeElementIds: ['screen'] })).xml);

      expect(byId('f2').targetRef.id).toBe('collect-fee');
      expect(byId('f2').conditionExpression.body).toBe('= fee > 0');
    });

    it('when a step behind a decision goes, then the flow from the gateway keeps its own condition', async () => {
      const result = await simplifyProcedure(xml, { removeElementIds: ['sign'] });
      const { byId } = await parse(result.xml);

      expect(result.reconnected).toEqual([{ flowId: 'f-yes', from: 'decide', to: 'end-ok' }]);
      expect(byId('f-yes').conditionExpression.body).toBe('= approved = true');
      expect(byId('f-yes').name).toBe('Đồng ý');
      expect(await integrityProblems(result.xml)).toEqual([]);
    });
  });

  describe('given a flagged step just before a decision gateway', () => {
    it('when simplified, then its predecessor leads to the gateway and the branches are untouched', async () => {
      const result = await simplifyProcedure(fixture('conditions.bpmn'), { removeElementIds: ['collect-fee'] });
      const { byId } = await parse(result.xml);

      expect(result.reconnected).toEqual([{ flowId: 'f3', from: 'screen', to: 'decide' }]);
      expect(ids(byId('decide').incoming)).toEqual(['f3']);
      expect(ids(byId('decide').outgoing)).toEqual(['f-yes', 'f-no']);
      expect(byId('f-no').conditionExpression.body).toBe('= approved = false');
      expect(await integrityProblems(result.xml)).toEqual([]);
    });
  });

  describe('given a flagged step in one of two parallel branches', () => {
    const xml = fixture('parallel-branches.bpmn');

    it('when simplified, then the fork leads straight to the join on that branch and the other branch keeps its work', async () => {
      const result = await simplifyProcedure(xml);
      const { byId } = await parse(result.xml);

      expect(result.removed).toEqual(['verify']);
      expect(result.removedGateways).toEqual([]);
      expect(byId('f-fork-verify').targetRef.id).toBe('join');
      expect(ids(byId('fork').outgoing)).toEqual(['f-fork-inspect', 'f-fork-verify']);
      expect(ids(byId('join').incoming)).toEqual(['f-inspect-join', 'f-fork-verify']);
      expect(await integrityProblems(result.xml)).toEqual([]);
    });

    it('when simplified, then nothing moves: the column is shared with the other branch and nothing follows in the row', async () => {
      const before = await parse(xml);
      const { definitions } = await parse((await simplifyProcedure(xml)).xml);

      for (const id of ['inspect', 'join', 'sign', 'end', 'pool']) {
        expect({ id, bounds: { ...diOf(definitions, id).bounds } }).toEqual({ id, bounds: { ...diOf(before.definitions, id).bounds } });
      }
    });
  });

  describe('given a flagged step inside an expanded sub-process', () => {
    const xml = fixture('sub-process.bpmn');

    it("when simplified, then the sub-process's own flow is rewritten and the steps after it in the sub-process move left", async () => {
      const result = await simplifyProcedure(xml);
      const before = await parse(xml);
      const { byId, definitions } = await parse(result.xml);

      expect(result.reconnected).toEqual([{ flowId: 's-examine-double-check', from: 'examine', to: 'draft' }]);
      expect(ids(byId('examination').flowElements)).not.toContain('double-check');
      expect(byId('s-examine-double-check').$parent.id).toBe('examination');
      expect(diOf(definitions, 'draft').bounds.x).toBe(diOf(before.definitions, 'double-check').bounds.x);
      expect(diOf(definitions, 'sign').bounds.x).toBe(diOf(before.definitions, 'sign').bounds.x);
      expect({ ...diOf(definitions, 'examination').bounds }).toEqual({ ...diOf(before.definitions, 'examination').bounds });
      expect(await integrityProblems(result.xml)).toEqual([]);
    });
  });

  describe('given a whole expanded sub-process asked for', () => {
    it('when removed, then its content, shapes and edges go with it and the step after it takes its place', async () => {
      const xml = fixture('sub-process.bpmn');
      const before = await parse(xml);
      const result = await simplifyProcedure(xml, { removeElementIds: ['examination'] });
      const { byId, definitions } = await parse(result.xml);

      expect(result.reconnected).toEqual([{ flowId: 'f-start', from: 'start', to: 'sign' }]);
      for (const id of ['examination', 'examine', 'double-check', 's-examine-double-check']) {
        expect({ id, element: byId(id), di: diOf(definitions, id) }).toEqual({ id, element: undefined, di: undefined });
      }
      expect(diOf(definitions, 'sign').bounds.x).toBe(diOf(before.definitions, 'examination').bounds.x);
      expect(await integrityProblems(result.xml)).toEqual([]);
    });
  });

  describe('given gateways that neither split nor join around a flagged step', () => {
    it('when simplified, then they go too and the incoming flow leads to what came after them', async () => {
      const result = await simplifyProcedure(fixture('pointless-gateways.bpmn'));
      const { byId } = await parse(result.xml);

      expect(result.removed).toEqual(['check']);
      expect(result.removedGateways).toEqual(['open', 'close']);
      expect(result.reconnected).toEqual([{ flowId: 'f-receive-open', from: 'receive', to: 'sign' }]);
      expect(ids(byId('receive').outgoing)).toEqual(['f-receive-open']);
      expect(ids(byId('sign').incoming)).toEqual(['f-receive-open']);
      expect(byId('open')).toBeUndefined();
      expect(byId('close')).toBeUndefined();
      expect(await integrityProblems(result.xml)).toEqual([]);
    });
  });

  describe('given a call activity whose output no later condition reads', () => {
    it('when removed, then it goes like any step', async () => {
      const result = await simplifyProcedure(fixture('call-activity-outputs.bpmn'), { removeElementIds: ['ask-note'] });
      expect(result.reconnected).toEqual([{ flowId: 'f-ask-approval-ask-note', from: 'ask-approval', to: 'ask-anything' }]);
      expect(await integrityProblems(result.xml)).toEqual([]);
    });
  });
});
