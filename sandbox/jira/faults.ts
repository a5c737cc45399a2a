/**
 * The fault switch: tests and the sandbox pages make the next N Jira calls (optionally only
 * those matching a method and path) fail the ways Jira Cloud and networks fail, so back-off,
 * retry bounds and error reporting are exercised over real HTTP.
 */
export type Fault =
  /** 429 with Retry-After, as Jira's rate limiter answers. */
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  /** A server-side failure such as 500 or 503. */
  | { readonly kind: 'server-error'; readonly status: number }
  /** Answers normally, but only after `ms`. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Closes the socket without answering. */
  | { readonly kind: 'drop-connection' };

export interface FaultScope {
  /** How many matching calls the fault applies to. */
  readonly times?: number;
  readonly method?: string;
  /** A path prefix, or a pattern tested against path and query. */
  readonly path?: string | RegExp;
}

export interface ArmedFault {
  readonly fault: Fault;
  readonly method: string | null;
  readonly path: string | null;
  readonly remaining: number;
}

interface FaultRule {
  readonly fault: Fault;
  readonly method: string | null;
  readonly path: string | RegExp | null;
  remaining: number;
}

export class FaultSwitch {
  private rules: FaultRule[] = [];

  inject(fault: Fault, scope: FaultScope = {}): void {
    this.rules.push({ fault, method: scope.method?.toUpperCase() ?? null, path: scope.path ?? null, remaining: scope.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this call, if one is armed; using it counts down its remaining calls. */
  take(method: string, pathAndQuery: string): Fault | undefined {
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && matches(candidate, method, pathAndQuery));
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((candidate) => candidate.remaining > 0);
    return rule.fault;
  }

  armed(): ArmedFault[] {
    return this.rules.map((rule) => ({
      fault: rule.fault,
      method: rule.method,
      path: rule.path === null ? null : String(rule.path),
      remaining: rule.remaining,
    }));
  }
}

function matches(rule: FaultRule, method: string, pathAndQuery: string): boolean {
  if (rule.method !== null && rule.method !== method.toUpperCase()) return false;
  if (rule.path === null) return true;
  return typeof rule.path === 'string' ? pathAndQuery.startsWith(rule.path) : rule.path.test(pathAndQuery);
}
