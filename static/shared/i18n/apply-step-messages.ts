/**
 * How each apply step reads (static/shared/apply-step-wording.ts), in the past tense once done
 * ("Moved ONB-74 into Sprint 7") and as what was to be done otherwise ("move ONB-74 into Sprint
 * 7"), for the apply result and the audit trail. Part of the proposal parts' catalogue.
 */
import type { Message } from './translator';

export const applyStepEn = {
  'shared.step.move-into-sprint.done': 'Moved {key} into {sprint}',
  'shared.step.move-into-sprint.todo': 'move {key} into {sprint}',
  'shared.step.move-to-backlog.done': 'Moved {key} to the backlog',
  'shared.step.move-to-backlog.todo': 'move {key} to the backlog',
  'shared.step.rank-before.done': 'Ranked {keys} before {anchor}',
  'shared.step.rank-before.todo': 'rank {keys} before {anchor}',
  'shared.step.rank-after.done': 'Ranked {keys} after {anchor}',
  'shared.step.rank-after.todo': 'rank {keys} after {anchor}',
  'shared.step.rank-below-goal.done': 'Ranked {keys} below the goal’s last item',
  'shared.step.rank-below-goal.todo': 'rank {keys} below the goal’s last item',
  'shared.step.place-with-goal.done': 'Placed {key} with the goal’s items where it is goal-critical',
  'shared.step.place-with-goal.todo': 'place {key} with the goal’s items where it is goal-critical',
  'shared.step.nothing-to-rank.done': '{key} is the only issue in the sprint: nothing to rank',
  'shared.step.nothing-to-rank.todo': 'rank {key} (the only issue in the sprint)',
  'shared.step.set-priority.done': 'Set the priority of {key} to {priority}',
  'shared.step.set-priority.todo': 'set the priority of {key} to {priority}',
  'shared.step.set-estimate.done': 'Set the estimate of {key} to {points}',
  'shared.step.set-estimate.todo': 'set the estimate of {key} to {points}',
  'shared.step.create-split-part.done': 'Created “{summary}” ({points}) beside {key}, in {sprint}',
  'shared.step.create-split-part.todo': 'create “{summary}” ({points}) beside {key}, in {sprint}',
  'shared.step.comment.done': 'Commented the decision on {key}',
  'shared.step.comment.todo': 'comment the decision on {key}',
  'shared.step.comment-skipped.done': 'Did not comment the decision on {key}: the person it would speak for may not comment there',
  'shared.step.comment-skipped.todo': 'leave the decision comment on {key} out',
  'shared.step.started': 'Started, not yet confirmed: {step}',
  'shared.step.failed': 'Could not {step}',
  'shared.step.checked': '{step} — checked in Jira',
  'shared.step.created': '{step}: {keys}',
  'shared.step.sprint': 'sprint {id}',
  'shared.step.unnamed': '{name}: {outcome}',
};

export type ApplyStepKey = keyof typeof applyStepEn;

export const applyStepDe: Readonly<Record<ApplyStepKey, Message>> = {
  'shared.step.move-into-sprint.done': '{key} in {sprint} verschoben',
  'shared.step.move-into-sprint.todo': '{key} in {sprint} verschieben',
  'shared.step.move-to-backlog.done': '{key} ins Backlog verschoben',
  'shared.step.move-to-backlog.todo': '{key} ins Backlog verschieben',
  'shared.step.rank-before.done': '{keys} vor {anchor} gereiht',
  'shared.step.rank-before.todo': '{keys} vor {anchor} reihen',
  'shared.step.rank-after.done': '{keys} nach {anchor} gereiht',
  'shared.step.rank-after.todo': '{keys} nach {anchor} reihen',
  'shared.step.rank-below-goal.done': '{keys} unter den letzten Ziel-Vorgang gereiht',
  'shared.step.rank-below-goal.todo': '{keys} unter den letzten Ziel-Vorgang reihen',
  'shared.step.place-with-goal.done': '{key} zu den Ziel-Vorgängen gereiht, soweit zielkritisch',
  'shared.step.place-with-goal.todo': '{key} zu den Ziel-Vorgängen reihen, soweit zielkritisch',
  'shared.step.nothing-to-rank.done': '{key} ist der einzige Vorgang im Sprint: nichts zu reihen',
  'shared.step.nothing-to-rank.todo': '{key} reihen (der einzige Vorgang im Sprint)',
  'shared.step.set-priority.done': 'Priorität von {key} auf {priority} gesetzt',
  'shared.step.set-priority.todo': 'Priorität von {key} auf {priority} setzen',
  'shared.step.set-estimate.done': 'Schätzung von {key} auf {points} gesetzt',
  'shared.step.set-estimate.todo': 'Schätzung von {key} auf {points} setzen',
  'shared.step.create-split-part.done': '„{summary}“ ({points}) neben {key} angelegt, in {sprint}',
  'shared.step.create-split-part.todo': '„{summary}“ ({points}) neben {key} anlegen, in {sprint}',
  'shared.step.comment.done': 'Entscheidung an {key} kommentiert',
  'shared.step.comment.todo': 'Entscheidung an {key} kommentieren',
  'shared.step.comment-skipped.done':
    'Entscheidung an {key} nicht kommentiert: Die Person, für die er spräche, darf dort nicht kommentieren',
  'shared.step.comment-skipped.todo': 'den Entscheidungskommentar an {key} weglassen',
  'shared.step.started': 'Begonnen, noch nicht bestätigt: {step}',
  'shared.step.failed': 'Nicht gelungen: {step}',
  'shared.step.checked': '{step} — in Jira geprüft',
  'shared.step.created': '{step}: {keys}',
  'shared.step.sprint': 'Sprint {id}',
  'shared.step.unnamed': '{name}: {outcome}',
};
