/**
 * Degrade, never fall over: a read a view can do without — team history, the project's
 * story-point field, display names, the goal-critical JQL — that Jira refuses (401/403), cannot find,
 * or fails to answer (5xx, timeouts) leaves that part out, and the view says what is missing.
 * Only the caller's own missing rights make a view answer `forbidden`; those are checked before.
 */
import { GoalkeeperError } from '../../domain/errors';

/** The parts of a view Goalkeeper may have to show without. */
export type OptionalPart = 'history' | 'story-point-field' | 'display-names' | 'goal-critical-jql' | 'priorities';

/** Why: Jira refused the app, did not find it, failed or timed out, or called the query invalid. */
export type MissingReason = 'refused' | 'not-found' | 'failed' | 'invalid';

export interface MissingPart {
  readonly part: OptionalPart;
  readonly reason: MissingReason;
}

/** The reason a failed read gives, or null when the failure is not one of Jira's (a bug: let it surface). */
export function missingReasonOf(error: unknown): MissingReason | null {
  if (!(error instanceof GoalkeeperError)) return null;
  switch (error.code) {
    case 'forbidden':
    case 'unlicensed':
      return 'refused';
    case 'not-found':
      return 'not-found';
    case 'invalid-input':
      return 'invalid';
    default:
      return 'failed';
  }
}

/** Collects the parts one view had to go without; each part is named once. */
export class MissingParts {
  private readonly parts: MissingPart[] = [];

  constructor(already: readonly MissingPart[] = []) {
    already.forEach((part) => this.add(part));
  }

  add(part: MissingPart): void {
    if (!this.parts.some((known) => known.part === part.part)) this.parts.push(part);
  }

  /** Runs an optional read; when Jira refuses or fails it, records why and answers `fallback`. */
  async read<T>(part: OptionalPart, read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      const reason = missingReasonOf(error);
      if (reason === null) throw error;
      console.warn(`Goalkeeper goes on without ${part}: ${error instanceof Error ? error.message : String(error)}`);
      this.add({ part, reason });
      return fallback;
    }
  }

  list(): readonly MissingPart[] {
    return [...this.parts];
  }
}
