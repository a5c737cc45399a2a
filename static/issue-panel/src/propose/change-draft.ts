/**
 * What the person has typed into the proposal form, kept as text so nothing they typed is ever
 * reformatted or lost, and the reading of it as a `Change` once it is complete. Completeness
 * only: bounds and fit are the backend's to judge (its answer shows next to the fields).
 */
import {
  type Change,
  type ChangeKind,
  measureText,
  type RankTarget,
  REASON_MAX_CHARS,
  type ReasonCategory,
  reasonRule,
  textProblem,
} from '@goalkeeper/contract';

export interface SplitPartDraft {
  /** Stable row identity for React keys and labels; not sent. */
  readonly row: number;
  readonly summary: string;
  readonly points: string;
}

export interface ChangeDraft {
  readonly kind: ChangeKind | '';
  readonly rankPosition: RankTarget['position'];
  readonly rankIssueKey: string;
  readonly points: string;
  readonly priorityName: string;
  readonly parts: readonly SplitPartDraft[];
  readonly outIssueKey: string;
  readonly note: string;
}

export interface ReasonDraft {
  readonly category: ReasonCategory | '';
  readonly text: string;
}

/** Form fields that can carry an error: the change's, the reason's and the acknowledgement. */
export type FormField =
  | 'kind'
  | 'rankIssueKey'
  | 'points'
  | 'priorityName'
  | 'parts'
  | `parts.${number}.summary`
  | `parts.${number}.points`
  | 'outIssueKey'
  | 'note'
  | 'reasonCategory'
  | 'reasonText'
  | 'acknowledgeThreat';

export type DraftReading =
  { readonly complete: true; readonly change: Change } | { readonly complete: false; readonly missing: readonly FormField[] };

export function emptyDraft(): ChangeDraft {
  return {
    kind: '',
    rankPosition: 'top',
    rankIssueKey: '',
    points: '',
    priorityName: '',
    parts: [
      { row: 1, summary: '', points: '' },
      { row: 2, summary: '', points: '' },
    ],
    outIssueKey: '',
    note: '',
  };
}

/** A points figure as typed: a finite number, 0 or more; null when it is not one. */
export function readPoints(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const points = Number(trimmed);
  return Number.isFinite(points) && points >= 0 ? points : null;
}

export function readDraft(draft: ChangeDraft): DraftReading {
  const incomplete = (...missing: FormField[]): DraftReading => ({ complete: false, missing });
  switch (draft.kind) {
    case '':
      return incomplete('kind');
    case 'add':
    case 'remove':
    case 'defer':
      return { complete: true, change: { kind: draft.kind } };
    case 'rerank': {
      if (draft.rankPosition === 'top' || draft.rankPosition === 'bottom')
        return { complete: true, change: { kind: 'rerank', target: { position: draft.rankPosition } } };
      if (!draft.rankIssueKey) return incomplete('rankIssueKey');
      return { complete: true, change: { kind: 'rerank', target: { position: draft.rankPosition, issueKey: draft.rankIssueKey } } };
    }
    case 'priority':
      return draft.priorityName
        ? { complete: true, change: { kind: 'priority', priorityName: draft.priorityName } }
        : incomplete('priorityName');
    case 'estimate': {
      const points = readPoints(draft.points);
      return points === null ? incomplete('points') : { complete: true, change: { kind: 'estimate', points } };
    }
    case 'split': {
      const missing = draft.parts.flatMap((part, index): FormField[] => [
        ...(part.summary.trim() ? [] : [`parts.${index}.summary` as const]),
        ...(readPoints(part.points) === null ? [`parts.${index}.points` as const] : []),
      ]);
      if (missing.length > 0) return incomplete(...missing);
      return {
        complete: true,
        change: {
          kind: 'split',
          parts: draft.parts.map((part) => ({ summary: part.summary.trim(), points: readPoints(part.points) ?? 0 })),
        },
      };
    }
    case 'swap':
      return draft.outIssueKey ? { complete: true, change: { kind: 'swap', outIssueKey: draft.outIssueKey } } : incomplete('outIssueKey');
    case 'tweak':
      return draft.note.trim() ? { complete: true, change: { kind: 'tweak', note: draft.note.trim() } } : incomplete('note');
  }
}

/** The reason is held to the backend's meaningful-text rule (src/domain/meaningful-text.ts) while it is typed. */
export function readReason(reason: ReasonDraft): FormField[] {
  const meaningful = textProblem(measureText(reason.text), reasonRule(REASON_MAX_CHARS)) === null;
  return [...(reason.category ? [] : ['reasonCategory' as const]), ...(meaningful ? [] : ['reasonText' as const])];
}

/**
 * The backend names invalid fields by payload path (`change.points`, `reason.text`,
 * `change.parts.1.summary`); this maps them onto the form's fields.
 */
export function formFieldOf(payloadPath: string): FormField | null {
  const path = payloadPath.replace(/^change\./, '');
  if (/^parts\.\d+\.(summary|points)$/.test(path)) return path as FormField;
  if (path.startsWith('parts')) return 'parts';
  if (path.startsWith('target')) return 'rankIssueKey';
  const known: Readonly<Record<string, FormField>> = {
    kind: 'kind',
    change: 'kind',
    points: 'points',
    priorityName: 'priorityName',
    outIssueKey: 'outIssueKey',
    note: 'note',
    'reason.category': 'reasonCategory',
    'reason.text': 'reasonText',
    reason: 'reasonText',
    acknowledgeThreat: 'acknowledgeThreat',
  };
  return known[path] ?? null;
}
