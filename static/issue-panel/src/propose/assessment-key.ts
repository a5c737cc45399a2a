/**
 * What of a change the goal assessment can depend on. The backend's what-if sprint
 * (src/domain/hypothetical-sprint.ts, `applyChange`) reads a split's part points but not their
 * summaries, and nothing of a tweak's note; every other kind is assessed from all its fields
 * (a priority name is still checked against the allowed priorities). Two changes with the
 * same key get the same assessment, so the live preview runs again only when the key changes.
 */
import type { Change } from '@goalkeeper/contract';

export function assessmentKeyOf(change: Change): string {
  switch (change.kind) {
    case 'split':
      return JSON.stringify({ kind: change.kind, points: change.parts.map((part) => part.points) });
    case 'tweak':
      return JSON.stringify({ kind: change.kind });
    case 'add':
    case 'remove':
    case 'defer':
    case 'rerank':
    case 'priority':
    case 'estimate':
    case 'swap':
      return JSON.stringify(change);
  }
}
