/**
 * The dashboard gadget's saved configuration: which board and an optional goal label override.
 * Jira stores whatever the edit view submits (`view.submit`) and hands it back as
 * `extension.gadgetConfiguration`, so it is read defensively: an old or hand-edited configuration
 * falls back to the defaults instead of breaking the view. Configurations saved before issue 15
 * also carry a forecast `confidence` (P50 or P85); it is ignored, because the whole view now
 * follows one convention (confidence-wording.ts) that a per-gadget P85 would break.
 */

/** Jira's label field limit. */
export const GOAL_LABEL_MAX_CHARS = 255;

export interface GadgetConfiguration {
  readonly boardId: number;
  /** Issues with this label count as goal-critical here, instead of the project's rule. */
  readonly goalLabel: string | null;
}

/** What the edit view holds while the person fills it in. */
export interface ConfigurationDraft {
  readonly boardId: number | null;
  readonly goalLabel: string;
}

export type ConfigurationProblem = 'board-required' | 'label-has-spaces' | 'label-too-long';

export interface ConfigurationProblems {
  readonly boardId?: ConfigurationProblem;
  readonly goalLabel?: ConfigurationProblem;
}

/** A board id as Jira Software numbers boards: a positive whole number (sent as text by the board menus). */
export function parseBoardId(value: unknown): number | null {
  const id = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function readConfiguration(raw: unknown): ConfigurationDraft {
  const saved = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { boardId: parseBoardId(saved.boardId), goalLabel: typeof saved.goalLabel === 'string' ? saved.goalLabel : '' };
}

/** Mirrors Jira's label rules (as src/contract/payload-schemas.ts's labelSchema does): no spaces, at most 255 characters. */
export function validateConfiguration(
  draft: ConfigurationDraft,
): { ok: true; configuration: GadgetConfiguration } | { ok: false; problems: ConfigurationProblems } {
  const label = draft.goalLabel.trim();
  const problems: { boardId?: ConfigurationProblem; goalLabel?: ConfigurationProblem } = {};
  if (draft.boardId === null) problems.boardId = 'board-required';
  if (/\s/.test(label)) problems.goalLabel = 'label-has-spaces';
  else if (label.length > GOAL_LABEL_MAX_CHARS) problems.goalLabel = 'label-too-long';
  if (draft.boardId === null || problems.goalLabel) return { ok: false, problems };
  return { ok: true, configuration: { boardId: draft.boardId, goalLabel: label === '' ? null : label } };
}
