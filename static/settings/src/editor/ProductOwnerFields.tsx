/**
 * Who the Product Owners are: the members of a project role and/or named people. People are
 * picked by name from Jira's own user picker (PeoplePicker); only their account ID is stored, and
 * a picked person's name shows at once.
 */
import { useState } from 'react';
import type { PersonFound, SettingsPageState } from '@goalkeeper/contract';
import { Button } from '../../../shared/components/Button';
import { Field } from '../../../shared/components/Field';
import { Icon } from '../../../shared/components/icons';
import { useSettingsI18n } from '../messages/catalogue';
import { personName } from '../setting-wording';
import { SETTINGS_BOUNDS, type SettingsDraft } from '../settings-draft';
import type { FieldErrors } from './field-errors';
import { PeoplePicker, type SearchPeople } from './PeoplePicker';
import { SettingsSection } from './SettingsSection';

type ProductOwnersDraft = SettingsDraft['productOwners'];

export interface ProductOwnerFieldsProps {
  readonly productOwners: ProductOwnersDraft;
  readonly page: Pick<SettingsPageState, 'projectRoles' | 'people' | 'unreadableProductOwnerRole'>;
  readonly onChange: (productOwners: ProductOwnersDraft) => void;
  readonly errors: FieldErrors;
  readonly announce: (message: string) => void;
  readonly search: SearchPeople;
}

export function ProductOwnerFields({ productOwners, page, onChange, errors, announce, search }: ProductOwnerFieldsProps) {
  const translator = useSettingsI18n();
  const { t } = translator;
  const { roleName, accountIds } = productOwners;
  const roles = roleName === '' || page.projectRoles.includes(roleName) ? page.projectRoles : [...page.projectRoles, roleName];
  return (
    <SettingsSection title={t('group.productOwners')} headingLevel={3} hint={t('group.productOwners.hint')}>
      <Field label={t('field.productOwners.roleName')} error={errors['productOwners.roleName']}>
        {(control) => (
          <select
            {...control}
            className="gk-input"
            value={roleName}
            onChange={(event) => onChange({ ...productOwners, roleName: event.target.value })}
          >
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
      <NamedPeople
        accountIds={accountIds}
        people={page.people}
        onChange={(next) => onChange({ ...productOwners, accountIds: next })}
        error={errors['productOwners.accountIds']}
        announce={announce}
        search={search}
      />
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
  readonly search: SearchPeople;
}

function NamedPeople({ accountIds, people, onChange, error, announce, search }: NamedPeopleProps) {
  const translator = useSettingsI18n();
  const { t } = translator;
  // Names of people picked since the page loaded: shown at once, never stored.
  const [picked, setPicked] = useState<Readonly<Record<string, string>>>({});
  const names = { ...people, ...picked };
  const full = accountIds.length >= SETTINGS_BOUNDS.accountIds;

  function add(person: PersonFound) {
    const name = person.displayName ?? t('people.hiddenName');
    if (person.displayName) setPicked((previous) => ({ ...previous, [person.accountId]: name }));
    onChange([...accountIds, person.accountId]);
    announce(t('people.added', { name }));
  }

  function remove(accountId: string, name: string) {
    onChange(accountIds.filter((other) => other !== accountId));
    announce(t('people.removed', { name }));
  }

  return (
    <SettingsSection title={t('field.productOwners.accountIds')}>
      {accountIds.length === 0 ? (
        <p className="gk-muted">{t('people.none')}</p>
      ) : (
        <ul className="gk-list gk-people">
          {accountIds.map((accountId) => {
            const known = accountId in names;
            const name = known ? personName(translator, names, accountId) : accountId;
            return (
              <li key={accountId} className="gk-row gk-row--spread gk-people__person">
                <span className="gk-stack gk-stack--tight">
                  <span>{name}</span>
                  <span className="gk-small">{known ? accountId : t('people.notInJira')}</span>
                </span>
                <Button appearance="subtle" aria-label={t('people.remove', { name })} onClick={() => remove(accountId, name)}>
                  {t('form.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {full ? (
        <p className="gk-muted">{t('problem.tooMany', { max: SETTINGS_BOUNDS.accountIds })}</p>
      ) : (
        <PeoplePicker
          label={t('people.add.label')}
          hint={t('people.add.hint')}
          error={error}
          listed={accountIds}
          search={search}
          onPick={add}
        />
      )}
    </SettingsSection>
  );
}
