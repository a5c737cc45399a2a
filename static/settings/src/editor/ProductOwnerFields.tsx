/**
 * Who the Product Owners are: the members of a project role and/or named people. People are
 * added by Atlassian account ID (Custom UI has no Jira user picker, and only the ID is stored);
 * the names come from the backend's `people` once it knows the ID.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { SettingsPageState } from '../../../../src/app/project-settings';
import { Button } from '../../../shared/components/Button';
import { Field } from '../../../shared/components/Field';
import { Icon } from '../../../shared/components/icons';
import { useSettingsI18n } from '../messages/catalogue';
import { personName } from '../setting-wording';
import { readAccountId, type Problem, type SettingsDraft } from '../settings-draft';
import { problemText, type FieldErrors } from './field-errors';
import { SettingsSection } from './SettingsSection';

type ProductOwnersDraft = SettingsDraft['productOwners'];

export interface ProductOwnerFieldsProps {
  readonly productOwners: ProductOwnersDraft;
  readonly page: Pick<SettingsPageState, 'projectRoles' | 'people' | 'unreadableProductOwnerRole'>;
  readonly onChange: (productOwners: ProductOwnersDraft) => void;
  readonly errors: FieldErrors;
  readonly announce: (message: string) => void;
}

export function ProductOwnerFields({ productOwners, page, onChange, errors, announce }: ProductOwnerFieldsProps) {
  const translator = useSettingsI18n();
  const { t } = translator;
  const { roleName, accountIds } = productOwners;
  const roles = roleName === '' || page.projectRoles.includes(roleName) ? page.projectRoles : [...page.projectRoles, roleName];
  return (
    <SettingsSection title={t('group.productOwners')} headingLevel={3} hint={t('group.productOwners.hint')}>
      <Field label={t('field.productOwners.roleName')} error={errors['productOwners.roleName']}>
        {(control) => (
          <select {...control} className="gk-input" value={roleName} onChange={(event) => onChange({ ...productOwners, roleName: event.target.value })}>
            <option value="">{t('form.role.none')}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {page.projectRoles.includes(role) ? role : t('form.role.gone', { role })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {page.unreadableProductOwnerRole !== null && page.unreadableProductOwnerRole === roleName && <UnreadableRoleNote role={roleName} />}
      <NamedPeople accountIds={accountIds} people={page.people} onChange={(next) => onChange({ ...productOwners, accountIds: next })} error={errors['productOwners.accountIds']} announce={announce} />
      {roleName === '' && accountIds.length === 0 && (
        <div className="gk-banner gk-banner--warning" role="note">
          <Icon name="caution" className="gk-banner__icon" />
          <p>{t('form.noProductOwner')}</p>
        </div>
      )}
    </SettingsSection>
  );
}

/** Jira refused the app the role's members: only named people count, and the page says so plainly. */
export function UnreadableRoleNote({ role }: { readonly role: string }) {
  const { t } = useSettingsI18n();
  return (
    <div className="gk-banner gk-banner--warning" role="note">
      <Icon name="caution" className="gk-banner__icon" />
      <p>{t('form.role.unreadable', { role })}</p>
    </div>
  );
}

interface NamedPeopleProps {
  readonly accountIds: readonly string[];
  readonly people: SettingsPageState['people'];
  readonly onChange: (accountIds: readonly string[]) => void;
  readonly error: string | undefined;
  readonly announce: (message: string) => void;
}

function NamedPeople({ accountIds, people, onChange, error, announce }: NamedPeopleProps) {
  const translator = useSettingsI18n();
  const { t } = translator;
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function add() {
    const reading = readAccountId(typed, accountIds);
    if (!reading.ok) {
      setProblem(reading.problem);
      input.current?.focus();
      return;
    }
    onChange([...accountIds, reading.value]);
    setTyped('');
    setProblem(null);
    announce(t('people.added', { accountId: reading.value }));
  }

  function remove(accountId: string, name: string) {
    onChange(accountIds.filter((other) => other !== accountId));
    announce(t('people.removed', { name }));
    // The removed row takes its button with it; focus goes on to adding someone.
    input.current?.focus();
  }

  // Enter in the account ID field adds the person rather than saving the whole form.
  const addOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  return (
    <SettingsSection title={t('field.productOwners.accountIds')}>
      {accountIds.length === 0 ? (
        <p className="gk-muted">{t('people.none')}</p>
      ) : (
        <ul className="gk-list gk-people">
          {accountIds.map((accountId) => {
            const known = accountId in people;
            const name = known ? personName(translator, people, accountId) : accountId;
            return (
              <li key={accountId} className="gk-row gk-row--spread gk-people__person">
                <span className="gk-stack gk-stack--tight">
                  <span>{name}</span>
                  <span className="gk-small">{known ? accountId : t('people.nameAfterSave')}</span>
                </span>
                <Button appearance="subtle" aria-label={t('people.remove', { name })} onClick={() => remove(accountId, name)}>
                  {t('form.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <Field label={t('people.add.label')} hint={t('people.add.hint')} error={problem ? problemText(translator, problem) : error}>
        {(control) => (
          <div className="gk-row">
            <input
              {...control}
              ref={input}
              className="gk-input gk-input--account"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
                setProblem(null);
              }}
              onKeyDown={addOnEnter}
            />
            <Button onClick={add}>{t('people.add')}</Button>
          </div>
        )}
      </Field>
    </SettingsSection>
  );
}
