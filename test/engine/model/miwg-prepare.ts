/**
 * Prepares an MIWG reference model as a designer would before deploying it: every process
 * executable, every user task given a department. Nothing else is changed, so what is refused
 * afterwards is the model's own doing.
 */
export function prepareAsDesigner(xml: string): string {
  let prepared = xml.replace(/isExecutable="false"/g, 'isExecutable="true"');
  // processes that do not say: executable is the default, nothing to do
  const root = /<([\w-]+:)?definitions\b/.exec(prepared);
  if (root && !/xmlns:od=/.test(prepared)) {
    prepared = prepared.replace(root[0], `${root[0]} xmlns:od="http://onedoor.vn/schema/bpmn/1.0"`);
  }
  prepared = prepared.replace(/<([\w-]+:)?userTask\b(?![^>]*od:department)/g, (tag) => `${tag} od:department="MIWG"`);
  return prepared;
}
