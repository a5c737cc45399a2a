/** The project settings as the settings page sends them back: what it read, less what only the server writes. */
import type { EditableSettings, SettingsPageState } from '../../src/contract/settings';

export function editableSettings(state: Pick<SettingsPageState, 'settings'>): EditableSettings {
  const { version: _version, updatedBy: _updatedBy, updatedAt: _updatedAt, ...editable } = state.settings;
  return editable;
}
