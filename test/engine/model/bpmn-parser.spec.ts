import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBpmn } from '../../../apps/engine/src/model/bpmn-parser.js';
import { DomainError, ErrorCode } from '../../../apps/engine/src/shared/domain-error.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFile(path.join(here, 'fixtures', name), 'utf8');
const refusal = async (xml: string) => {
  const error = await parseBpmn(xml).catch((e) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(error.code).toBe(ErrorCode.DeploymentRefused);
  return error.details as { elementId?: string; elementType?: string; message: string }[];
};

describe('BPMN parser', () => {
  it('given a diagram with many problems, then every one is reported with element id, type and reason', async () => {
    const details = await refusal(await fixture('unrunnable.bpmn'));
    const by = (id: string) => details.filter((d) => d.elementId === id);
    expect(by('script')).toEqual([expect.objectContaining({ elementType: 'bpmn:ScriptTask', message: expect.stringMatching(/FEEL only.*never runs JavaScript/) })]);
    expect(by('f3')[0].message).toMatch(/FEEL syntax error/);
    expect(by('review').map((d) => d.message).join(' ')).toMatch(/no department/);
    expect(by('review').map((d) => d.message).join(' ')).toMatch(/allowanceDays/);
    expect(by('deadEnd')[0].message).toMatch(/no outgoing sequence flow/);
    expect(by('wait')[0].message).toMatch(/ISO 8601 duration/);
    expect(by('call')[0].message).toMatch(/calledElement/);
  });

  it('given an end event no path reaches, then it is refused as unreachable; a lane supplies the department', async () => {
    const details = await refusal(await fixture('unreachable.bpmn'));
    expect(details).toEqual([expect.objectContaining({ elementId: 'orphanEnd', elementType: 'bpmn:EndEvent', message: expect.stringMatching(/unreachable/) })]);
  });

  it('given text that is not XML, then it is refused with the reader’s reason', async () => {
    const details = await refusal('this is not xml');
    expect(details[0].message).toMatch(/XML|no process/);
  });

  it('given a real procedure, then the graph carries departments, roles, allowances and the procedure attributes', async () => {
    const xml = await readFile(path.join(here, '..', '..', '..', 'processes', '1.001806.v1.bpmn'), 'utf8');
    const { graphs, warnings } = await parseBpmn(xml);
    expect(warnings).toEqual([]);
    const [graph] = graphs;
    expect(graph.procedure).toEqual(expect.objectContaining({ procedureCode: '1.001806', statutoryDays: 10, supplementPolicy: 'restart' }));
    const tasks = [...graph.nodes.values()].filter((n) => n.type === 'userTask');
    expect(tasks).toHaveLength(7);
    expect(tasks.every((t) => t.step.departmentCode && t.step.role)).toBe(true);
    expect(tasks.filter((t) => t.step.counted).reduce((s, t) => s + (t.step.allowanceDays ?? 0), 0)).toBe(10);
    expect(tasks.filter((t) => t.step.removalProposed)).toHaveLength(1);
  });

  describe('given a collaboration', () => {
    const collaboration = (executable: string, other: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:collaboration id="c"><bpmn:participant id="p1" processRef="so" /><bpmn:participant id="p2" processRef="cong-dan" /></bpmn:collaboration>
  <bpmn:process id="so" isExecutable="${executable}"><bpmn:startEvent id="s1" /><bpmn:sequenceFlow id="f1" sourceRef="s1" targetRef="e1" /><bpmn:endEvent id="e1" /></bpmn:process>
  <bpmn:process id="cong-dan" isExecutable="${other}"><bpmn:task id="t" /></bpmn:process>
</bpmn:definitions>`;

    it('with executable and non-executable pools, then the executable process deploys and the others are skipped with a warning', async () => {
      const { graphs, warnings } = await parseBpmn(collaboration('true', 'false'));
      expect(graphs.map((g) => g.key)).toEqual(['so']);
      expect(warnings).toEqual([expect.stringMatching(/cong-dan.*not executable.*skipped/)]);
    });

    it('with nothing executable, then it is refused naming every process', async () => {
      const error = await parseBpmn(collaboration('false', 'false')).catch((e) => e);
      expect(error.details.filter((d: { message: string }) => /isExecutable="false"/.test(d.message)).map((d: { elementId: string }) => d.elementId)).toEqual(['so', 'cong-dan']);
    });
  });
});
