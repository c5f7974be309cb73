/**
 * NodeStateManager: this node's lifecycle state as `GET/PUT /v1/info/state` expose it
 * (reference/trino-protocol.md §3.1). Transitions follow Trino's:
 *   ACTIVE → DRAINING → DRAINED, DRAINING/DRAINED → ACTIVE, and ACTIVE/DRAINING/DRAINED →
 *   SHUTTING_DOWN, which is one-way. A coordinator refuses DRAINING and SHUTTING_DOWN.
 * Graceful shutdown (Trino's NodeStateManager): wait the grace period so the coordinator sees
 * the state and schedules nothing new here, wait for the running tasks to finish, wait the grace
 * period again so the coordinator reads their final states, then call `onShutdown` (leave
 * discovery, close the server, exit). DRAINING does the same up to DRAINED and stays up.
 */
import { TrinoError } from '../errors';

export type NodeState = 'ACTIVE' | 'DRAINING' | 'DRAINED' | 'SHUTTING_DOWN';

export const NODE_STATES: readonly NodeState[] = ['ACTIVE', 'DRAINING', 'DRAINED', 'SHUTTING_DOWN'];

export interface NodeStateOptions {
  readonly coordinator: boolean;
  readonly gracePeriodMs: number;
  /** Resolves when no task runs on this node. */
  readonly whenIdle: () => Promise<void>;
  /** Called once the shutdown sequence is complete. */
  readonly onShutdown: () => Promise<void> | void;
}

export class NodeStateManager {
  private current: NodeState = 'ACTIVE';
  /** Bumped on every transition so an outdated drain sequence stops. */
  private generation = 0;

  constructor(private readonly options: NodeStateOptions) {}

  get state(): NodeState {
    return this.current;
  }

  /** Applies a requested transition; throws INVALID_ARGUMENTS (HTTP 400) when not allowed. */
  transition(target: NodeState): void {
    if (target === this.current) return;
    if (this.options.coordinator && target !== 'ACTIVE')
      throw new TrinoError(
        'INVALID_ARGUMENTS',
        `Cannot ${target === 'SHUTTING_DOWN' ? 'shutdown' : 'drain'} coordinator`,
      );
    const from = this.current;
    const allowed =
      from === 'SHUTTING_DOWN'
        ? false
        : target === 'SHUTTING_DOWN'
          ? true
          : target === 'DRAINING'
            ? from === 'ACTIVE'
            : target === 'ACTIVE'
              ? from === 'DRAINING' || from === 'DRAINED'
              : false;
    if (!allowed)
      throw new TrinoError('INVALID_ARGUMENTS', `Invalid state transition from ${from} to ${target}`);
    this.current = target;
    const generation = ++this.generation;
    if (target === 'SHUTTING_DOWN') void this.drain(generation, true);
    if (target === 'DRAINING') void this.drain(generation, false);
  }

  private async drain(generation: number, exit: boolean): Promise<void> {
    const stillCurrent = () => this.generation === generation;
    await sleep(this.options.gracePeriodMs);
    if (!stillCurrent()) return;
    await this.options.whenIdle();
    if (!stillCurrent()) return;
    await sleep(this.options.gracePeriodMs);
    if (!stillCurrent()) return;
    if (exit) await this.options.onShutdown();
    else this.current = 'DRAINED';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
