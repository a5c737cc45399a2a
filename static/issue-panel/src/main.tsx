import '../../shared/styles/goalkeeper.css';
import '../../shared/styles/proposal-parts.css';
import './issue-panel.css';
import { bootApp } from '../../shared/boot-app';
import { panelCatalogues } from './messages/catalogue';

bootApp({ catalogues: panelCatalogues, skeleton: 'issue-panel', load: () => import('./IssuePanelApp') });
