import '../../shared/styles/goalkeeper.css';
import './settings.css';
import { bootApp } from '../../shared/boot-app';
import { settingsCatalogues } from './messages/catalogue';

bootApp({ catalogues: settingsCatalogues, skeleton: 'settings', load: () => import('./SettingsApp') });
