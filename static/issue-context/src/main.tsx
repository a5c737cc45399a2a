import '../../shared/styles/goalkeeper.css';
import { bootApp } from '../../shared/boot-app';
import { contextCatalogues } from './messages/catalogue';

bootApp({ catalogues: contextCatalogues, skeleton: 'issue-context', load: () => import('./IssueContextApp') });
