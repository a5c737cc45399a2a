/**
 * Counts what one invocation costs on a real site (issue 12): every Jira REST call and every
 * Forge storage call the real handler makes, caught where the unchanged Forge SDKs hand them to
 * the platform (the runtime's back ends, sandbox/forge-host/forge-runtime.ts), and a modelled
 * time: 200 ms per Jira call and 30 ms per storage call along the chain of calls the invocation
 * waits for. Calls in flight together cost once; a call that starts after another ended may
 * depend on it, so it is placed after it. The model is deterministic in its inputs (which calls,
 * in which order) and knows nothing of the stand-in's own speed.
 */
import type { ForgeBackends, Invocation } from '../sandbox/forge-host/forge-runtime';

/** A Jira Cloud REST round trip "of roughly 100–300 ms" (issue 12). */
export const MODELLED_JIRA_MS = 200;
/** A Forge storage call. */
export const MODELLED_STORAGE_MS = 30;

export interface MeteredCall {
  readonly kind: 'jira' | 'storage';
  /** Method and path with its query (Jira), or the storage REST path. */
  readonly what: string;
  readonly start: number;
  readonly end: number;
}

export interface Cost {
  readonly jira: number;
  readonly storage: number;
  /** Modelled milliseconds along the chain of calls waited for. */
  readonly modelledMs: number;
  readonly calls: readonly MeteredCall[];
}

/** Modelled time: each call starts when every call that ended before it started has (in the model) ended. */
export function modelledMs(calls: readonly MeteredCall[]): number {
  const ordered = [...calls].sort((a, b) => a.start - b.start);
  const modelledEnd: number[] = [];
  let total = 0;
  ordered.forEach((call, index) => {
    let start = 0;
    for (let earlier = 0; earlier < index; earlier++)
      if (ordered[earlier]!.end <= call.start) start = Math.max(start, modelledEnd[earlier]!);
    const end = start + (call.kind === 'jira' ? MODELLED_JIRA_MS : MODELLED_STORAGE_MS);
    modelledEnd.push(end);
    total = Math.max(total, end);
  });
  return total;
}

export class CallMeter {
  private recording: { readonly moduleKeys: ReadonlySet<string>; readonly calls: MeteredCall[] } | null = null;

  /** The runtime's back ends, counting each call of an invocation whose module is being measured. */
  wrap(backends: ForgeBackends): ForgeBackends {
    return {
      ...backends,
      jira: (request) =>
        this.time('jira', request.invocation, `${request.init.method ?? 'GET'} ${request.path}`, () => backends.jira(request)),
      kvs: (invocation, path, init) => this.time('storage', invocation, path, () => backends.kvs(invocation, path, init)),
    };
  }

  /** Runs `work` and counts the calls made meanwhile by invocations of the given Forge modules. */
  async measure<T>(moduleKeys: readonly string[], work: () => Promise<T>): Promise<{ result: T; cost: Cost }> {
    if (this.recording) throw new Error('One measurement at a time.');
    const calls: MeteredCall[] = [];
    this.recording = { moduleKeys: new Set(moduleKeys), calls };
    try {
      const result = await work();
      return { result, cost: costOf(calls) };
    } finally {
      this.recording = null;
    }
  }

  private async time(kind: MeteredCall['kind'], invocation: Invocation, what: string, call: () => Promise<Response>): Promise<Response> {
    const recording = this.recording && this.recording.moduleKeys.has(invocation.moduleKey) ? this.recording : null;
    const start = performance.now();
    try {
      // The storage emulator answers in-process within a microtask; a turn of the event loop lets
      // calls issued together (Promise.all) all start before any ends, as over a network.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return await call();
    } finally {
      recording?.calls.push({ kind, what, start, end: performance.now() });
    }
  }
}

export function costOf(calls: readonly MeteredCall[]): Cost {
  return {
    jira: calls.filter((call) => call.kind === 'jira').length,
    storage: calls.filter((call) => call.kind === 'storage').length,
    modelledMs: modelledMs(calls),
    calls,
  };
}
