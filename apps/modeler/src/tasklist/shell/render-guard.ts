const latest = new WeakMap<Element, number>();
let counter = 0;

/**
 * Views load asynchronously; when the user clicks on before a load finishes, the older view
 * must not paint over the newer one. Call at the start of a render, check before painting.
 */
export function claimRender(container: Element): () => boolean {
  const id = ++counter;
  latest.set(container, id);
  return () => latest.get(container) === id;
}
