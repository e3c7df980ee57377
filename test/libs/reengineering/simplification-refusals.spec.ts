import { RefusalReason, SimplificationRefused, simplifyProcedure } from '@onedoor/reengineering';
import { fixture } from './diagram-integrity.js';

/** The refusal details of a simplification expected to fail. */
async function refusalOf(xml: string, removeElementIds: string[]): Promise<SimplificationRefused['details']> {
  const error = await simplifyProcedure(xml, { removeElementIds }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SimplificationRefused);
  return (error as SimplificationRefused).details;
}

describe('simplifyProcedure refuses what would change the meaning', () => {
  const refusals = fixture('refusals.bpmn');

  it.each([
    ['nope', 'unknown', RefusalReason.UnknownElement],
    ['start', 'bpmn:StartEvent', RefusalReason.StartOrEndEvent],
    ['end', 'bpmn:EndEvent', RefusalReason.StartOrEndEvent],
    ['decide', 'bpmn:ExclusiveGateway', RefusalReason.NotAStep],
    ['f-ok', 'bpmn:SequenceFlow', RefusalReason.NotAStep],
    ['remind', 'bpmn:BoundaryEvent', RefusalReason.NotAStep],
    ['check', 'bpmn:UserTask', RefusalReason.BoundaryEventAttached],
    ['sign', 'bpmn:UserTask', RefusalReason.NotOneOutgoingFlow],
    ['orphan', 'bpmn:UserTask', RefusalReason.NoIncomingFlow],
    ['fix', 'bpmn:UserTask', RefusalReason.SelfLoop],
  ])('given %s (%s), when asked to remove it, then it is refused with %s', async (elementId, elementType, reason) => {
    const details = await refusalOf(refusals, [elementId]);
    expect(details).toEqual([{ elementId, elementType, reason, message: expect.any(String) }]);
  });

  it('given a rework loop, when the rework step is asked for, then the message names the flow that would loop', async () => {
    const [detail] = await refusalOf(refusals, ['fix']);
    expect(detail.message).toBe('removing it would turn f-not-ok into a sequence flow from decide to itself');
  });

  it('given several bad ids, when asked at once, then one refusal lists every problem and nothing is removed', async () => {
    const details = await refusalOf(refusals, ['nope', 'notify', 'check']);
    expect(details.map((d) => [d.elementId, d.reason])).toEqual([
      ['nope', RefusalReason.UnknownElement],
      ['check', RefusalReason.BoundaryEventAttached],
    ]);
  });

  it('given the only work between a decision and its join, when asked to remove it, then it is refused with that reason', async () => {
    const details = await refusalOf(fixture('only-branch.bpmn'), ['inspect']);
    expect(details).toEqual([
      {
        elementId: 'inspect',
        elementType: 'bpmn:UserTask',
        reason: RefusalReason.OnlyBranchOfGateway,
        message: 'it is the only work on the branches of gateway split: removing it would connect split straight to join with nothing done in between',
      },
    ]);
  });

  it('given two parallel branches with one step each, when both are asked for, then the second is refused once the first is gone', async () => {
    const details = await refusalOf(fixture('parallel-branches.bpmn'), ['verify', 'inspect']);
    expect(details.map((d) => [d.elementId, d.reason])).toEqual([['inspect', RefusalReason.OnlyBranchOfGateway]]);
  });

  describe('given call activities before a decision on `approved`', () => {
    const xml = fixture('call-activity-outputs.bpmn');

    it('when the one mapping its result to `approved` is asked for, then it is refused: the decision reads it', async () => {
      const [detail] = await refusalOf(xml, ['ask-approval']);
      expect(detail).toEqual({
        elementId: 'ask-approval',
        elementType: 'bpmn:CallActivity',
        reason: RefusalReason.OutputReadLater,
        message: 'condition on f-yes reads approved, which the called process returns',
      });
    });

    it('when the one without any output mapping is asked for, then it is refused: it returns every variable', async () => {
      const [detail] = await refusalOf(xml, ['ask-anything']);
      expect(detail.reason).toBe(RefusalReason.OutputReadLater);
    });
  });

  it.each([['<not-bpmn'], ['<foo xmlns="urn:other" />']])('given text that is not BPMN (%s), when simplified, then it is refused as unreadable', async (xml) => {
    const details = await refusalOf(xml, []);
    expect(details[0].reason).toBe(RefusalReason.UnreadableXml);
  });
});
