import type { LoadedInstance } from '../runtime/instance-state.js';

/**
 * The runtime rows of the instances this node worked on last, as its own commands committed
 * them, each at the instance's revision. A command that finds its instance here does not lock
 * and read it first: it sends a guarded lock (od_stale_instance) with its writes and the
 * commit, so the whole command is one round trip. The guard fails when the revision moved on —
 * another node, a sweep, a listener's direct write — and the command runs again from a fresh
 * read. That holds because every write to an instance's runtime rows moves its revision: the
 * lock of every command does, and writes outside the runtime go through InstanceStore.touch.
 *
 * Only active instances are kept and the least recently used leave first. A command takes an
 * instance's rows out of the cache and owns them: it changes them freely, and only its commit
 * puts rows back. So nothing is copied, no command can change what another will read, and a
 * command that fails leaves nothing behind (the next one reads under lock). Two commands on one
 * instance at once on this node: the second finds nothing here and reads from the database, where
 * the first one's row lock makes it wait.
 */
export class InstanceCache {
  private readonly entries = new Map<string, LoadedInstance>();
  /** Open task → its instance, for commands that name a task. */
  private readonly instanceOfTask = new Map<string, string>();

  constructor(readonly capacity = 10_000) {}

  get size(): number {
    return this.entries.size;
  }

  /** Whether this node holds the instance's rows. */
  has(instanceId: string): boolean {
    return this.entries.has(instanceId);
  }

  /** Hands the instance's rows over to a command (they leave the cache), or undefined when this node does not hold them. */
  take(instanceId: string): LoadedInstance | undefined {
    const entry = this.entries.get(instanceId);
    if (entry) this.forget(instanceId);
    return entry;
  }

  /** Takes the cached instance that has this task open. */
  takeByTask(taskId: string): LoadedInstance | undefined {
    const instanceId = this.instanceOfTask.get(taskId);
    return instanceId === undefined ? undefined : this.take(instanceId);
  }

  /** Keeps the rows as committed, as the most recently used (an ended instance is dropped instead); the caller hands them over. */
  remember(loaded: LoadedInstance): void {
    const id = loaded.instance.id;
    this.forget(id);
    if (this.capacity <= 0 || loaded.instance.state !== 'active') return;
    this.entries.set(id, loaded);
    for (const task of loaded.tasks) this.instanceOfTask.set(task.id, id);
    while (this.entries.size > this.capacity) this.forget(this.entries.keys().next().value!);
  }

  forget(instanceId: string): void {
    const entry = this.entries.get(instanceId);
    if (!entry) return;
    this.entries.delete(instanceId);
    for (const task of entry.tasks) this.instanceOfTask.delete(task.id);
  }
}
