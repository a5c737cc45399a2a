import '../../shared/styles/goalkeeper.css';
import '../../shared/styles/proposal-parts.css';
import './sprint-gadget.css';
import { bootApp } from '../../shared/boot-app';
import { gadgetCatalogues } from './messages/catalogue';

bootApp({ catalogues: gadgetCatalogues, skeleton: 'sprint-gadget', load: () => import('./SprintGadgetApp') });
