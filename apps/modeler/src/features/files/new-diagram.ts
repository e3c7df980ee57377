import { OD_NAMESPACE_URI } from '@onedoor/bpmn-schema';

export interface NewDiagramNames {
  process: string;
  start: string;
  end: string;
}

/**
 * A fresh procedure: one executable process, start → end, the `od:` namespace declared.
 * The process id gets a random suffix, because the id is the procedure key in the engine:
 * two "new" diagrams must not deploy as versions of each other.
 */
export function createNewDiagramXml(names: NewDiagramNames, suffix = randomSuffix()): string {
  const processId = `quy-trinh-${suffix}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                  xmlns:od="${OD_NAMESPACE_URI}"
                  id="dinh-nghia-${suffix}"
                  targetNamespace="http://onedoor.vn/procedures">
  <bpmn:process id="${processId}" name="${escapeXml(names.process)}" isExecutable="true">
    <bpmn:startEvent id="bat-dau" name="${escapeXml(names.start)}">
      <bpmn:outgoing>luong-1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:endEvent id="ket-thuc" name="${escapeXml(names.end)}">
      <bpmn:incoming>luong-1</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="luong-1" sourceRef="bat-dau" targetRef="ket-thuc" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="so-do-${suffix}">
    <bpmndi:BPMNPlane id="mat-phang-${suffix}" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="bat-dau_di" bpmnElement="bat-dau">
        <dc:Bounds x="182" y="162" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="175" y="205" width="50" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="ket-thuc_di" bpmnElement="ket-thuc">
        <dc:Bounds x="402" y="162" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="395" y="205" width="50" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="luong-1_di" bpmnElement="luong-1">
        <di:waypoint x="218" y="180" />
        <di:waypoint x="402" y="180" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 9);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
