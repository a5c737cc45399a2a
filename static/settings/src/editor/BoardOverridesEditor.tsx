/**
 * Per-board overrides: pick one of the project's Scrum boards, then choose which parts it sets
 * differently. A part starts from what the project form holds, so the admin edits the difference.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { SettingsPageState } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { Field } from '../../../shared/components/Field';
import { useSettingsI18n } from '../messages/catalogue';
import type { SettingsKey } from '../messages/en';
import { boardName } from '../setting-wording';
import {
  emptyOverride,
  OVERRIDE_PARTS,
  overridePartFrom,
  SETTINGS_BOUNDS,
  type BoardOverrideDraft,
  type OverridePart,
  type SettingsDraft,
} from '../settings-draft';
import { CheckboxField } from './CheckboxField';
import type { FieldErrors } from './field-errors';
import { GoalRuleFields } from './GoalRuleFields';
import { HistorySprintsField } from './HistorySprintsField';
import { SettingsSection } from './SettingsSection';
import { ThresholdFields } from './ThresholdFields';
import { WorkingDaysField } from './WorkingDaysField';

type Boards = SettingsPageState['boards'];

const PART_LABELS: Readonly<Record<OverridePart, SettingsKey>> = {
  goalCritical: 'override.part.goalCritical',
  thresholds: 'override.part.thresholds',
  workingDays: 'override.part.workingDays',
  historySprints: 'override.part.historySprints',
};

export interface BoardOverridesEditorProps {
  readonly draft: SettingsDraft;
  readonly boards: Boards;
  readonly onChange: (overrides: readonly BoardOverrideDraft[]) => void;
  readonly errors: FieldErrors;
  readonly announce: (message: string) => void;
}

export function BoardOverridesEditor({ draft, boards, onChange, errors, announce }: BoardOverridesEditorProps) {
  const translator = useSettingsI18n();
  const { t } = translator;
  const overrides = draft.boardOverrides;
  const [picked, setPicked] = useState('');
  const [pickMissing, setPickMissing] = useState(false);
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const [pickerFocusRequests, setPickerFocusRequests] = useState(0);
  const picker = useRef<HTMLSelectElement>(null);
  const available = boards.filter((board) => !overrides.some((override) => override.boardId === String(board.id)));

  useEffect(() => {
    if (pickerFocusRequests > 0) picker.current?.focus();
  }, [pickerFocusRequests]);

  function add() {
    if (picked === '') {
      setPickMissing(true);
      picker.current?.focus();
      return;
    }
    onChange([...overrides, emptyOverride(picked)]);
    setJustAdded(picked);
    setPicked('');
    setPickMissing(false);
    announce(t('override.added', { board: boardName(translator, boards, picked) }));
  }

  function remove(boardId: string) {
    onChange(overrides.filter((override) => override.boardId !== boardId));
    announce(t('override.removed', { board: boardName(translator, boards, boardId) }));
    // The removed override takes its button with it; focus goes to picking a board.
    setPickerFocusRequests((count) => count + 1);
  }

  const update = (next: BoardOverrideDraft) => onChange(overrides.map((override) => (override.boardId === next.boardId ? next : override)));

  return (
    <SettingsSection title={t('group.boardOverrides')} headingLevel={3} hint={t('group.boardOverrides.hint')}>
      {overrides.length === 0 ? (
        <p className="gk-muted">{t('override.none')}</p>
      ) : (
        <ul className="gk-list">
          {overrides.map((override) => (
            <BoardOverrideEditor
              key={override.boardId}
              override={override}
              name={boardName(translator, boards, override.boardId)}
              draft={draft}
              onChange={update}
              onRemove={() => remove(override.boardId)}
              errors={errors}
              focusOnMount={justAdded === override.boardId}
            />
          ))}
        </ul>
      )}
      {available.length === 0 || overrides.length >= SETTINGS_BOUNDS.boardOverrides ? (
        <p className="gk-muted">{t('override.allBoards')}</p>
      ) : (
        <Field label={t('override.board')} error={pickMissing ? t('problem.required') : null}>
          {(control) => (
            <div className="gk-row">
              <select
                {...control}
                ref={picker}
                className="gk-input gk-input--board"
                value={picked}
                onChange={(event) => {
                  setPicked(event.target.value);
                  setPickMissing(false);
                }}
              >
                <option value="">{t('override.pickBoard')}</option>
                {available.map((board) => (
                  <option key={board.id} value={String(board.id)}>
                    {board.name}
                  </option>
                ))}
              </select>
              <Button onClick={add}>{t('override.add')}</Button>
            </div>
          )}
        </Field>
      )}
    </SettingsSection>
  );
}

interface BoardOverrideEditorProps {
  readonly override: BoardOverrideDraft;
  readonly name: string;
  readonly draft: SettingsDraft;
  readonly onChange: (override: BoardOverrideDraft) => void;
  readonly onRemove: () => void;
  readonly errors: FieldErrors;
  readonly focusOnMount: boolean;
}

function BoardOverrideEditor({ override, name, draft, onChange, onRemove, errors, focusOnMount }: BoardOverrideEditorProps) {
  const { t } = useSettingsI18n();
  const errorId = useId();
  const firstBox = useRef<HTMLInputElement>(null);
  const path = `boardOverrides.${override.boardId}`;
  const groupError = errors[path];

  useEffect(() => {
    if (focusOnMount) firstBox.current?.focus();
  }, [focusOnMount]);

  const toggle = (part: OverridePart, on: boolean) => onChange({ ...override, [part]: on ? overridePartFrom(draft, part) : null });

  return (
    <li className="gk-card">
      <SettingsSection title={t('override.heading', { board: name })} headingLevel={4} error={groupError} errorId={errorId}>
        {OVERRIDE_PARTS.map((part, index) => (
          <div key={part} className="gk-stack">
            <CheckboxField
              ref={index === 0 ? firstBox : undefined}
              label={t(PART_LABELS[part])}
              checked={override[part] !== null}
              onChange={(on) => toggle(part, on)}
              errorId={groupError ? errorId : undefined}
            />
            <OverridePartFields override={override} part={part} path={path} onChange={onChange} errors={errors} />
          </div>
        ))}
        <div>
          <Button appearance="subtle" onClick={onRemove}>
            {t('override.remove', { board: name })}
          </Button>
        </div>
      </SettingsSection>
    </li>
  );
}

interface OverridePartFieldsProps {
  readonly override: BoardOverrideDraft;
  readonly part: OverridePart;
  readonly path: string;
  readonly onChange: (override: BoardOverrideDraft) => void;
  readonly errors: FieldErrors;
}

function OverridePartFields(props: OverridePartFieldsProps) {
  const fields = partFields(props);
  return fields && <div className="gk-override-part gk-stack">{fields}</div>;
}

/** The fields of one overridden part; none while the board follows the project in it. */
function partFields({ override, part, path, onChange, errors }: OverridePartFieldsProps): ReactNode {
  switch (part) {
    case 'goalCritical':
      return (
        override.goalCritical && (
          <GoalRuleFields
            path={`${path}.goalCritical`}
            rule={override.goalCritical}
            onChange={(goalCritical) => onChange({ ...override, goalCritical })}
            errors={errors}
          />
        )
      );
    case 'thresholds':
      return (
        override.thresholds && (
          <ThresholdFields
            path={`${path}.thresholds`}
            thresholds={override.thresholds}
            onChange={(thresholds) => onChange({ ...override, thresholds })}
            errors={errors}
          />
        )
      );
    case 'workingDays':
      return (
        override.workingDays && (
          <WorkingDaysField
            path={`${path}.workingDays`}
            days={override.workingDays}
            onChange={(workingDays) => onChange({ ...override, workingDays })}
            errors={errors}
          />
        )
      );
    case 'historySprints':
      return (
        override.historySprints !== null && (
          <HistorySprintsField
            path={`${path}.historySprints`}
            value={override.historySprints}
            onChange={(historySprints) => onChange({ ...override, historySprints })}
            errors={errors}
          />
        )
      );
  }
}
