/** One plain-English line per change, for comments, the audit trail and the CSV export. */
import type { Change } from './change';

export function summarizeChange(issueKey: string, change: Change): string {
  switch (change.kind) {
    case 'add':
      return `Add ${issueKey} to the active sprint`;
    case 'remove':
      return `Remove ${issueKey} from the sprint to the backlog`;
    case 'defer':
      return `Defer ${issueKey} to the next sprint`;
    case 'rerank':
      switch (change.target.position) {
        case 'top':
          return `Rank ${issueKey} at the top of the sprint`;
        case 'bottom':
          return `Rank ${issueKey} at the bottom of the sprint`;
        case 'before':
        case 'after':
          return `Rank ${issueKey} ${change.target.position} ${change.target.issueKey}`;
      }
    case 'priority':
      return `Set the priority of ${issueKey} to ${change.priorityName}`;
    case 'estimate':
      return `Re-estimate ${issueKey} to ${change.points} points`;
    case 'split':
      return `Split ${issueKey} into ${change.parts.map((p) => `"${p.summary}" (${p.points} pts)`).join(', ')}`;
    case 'swap':
      return `Swap ${issueKey} into the sprint for ${change.outIssueKey}`;
    case 'tweak':
      return `Clarify ${issueKey} (trivial): ${change.note}`;
  }
}
