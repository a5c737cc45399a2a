import '../../shared/styles/goalkeeper.css';
import { bootApp } from '../../shared/boot-app';
import { gadgetCatalogues } from './messages/catalogue';

bootApp({ catalogues: gadgetCatalogues, load: () => import('./SprintGadgetApp') });
