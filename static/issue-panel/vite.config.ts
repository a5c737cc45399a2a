import { goalkeeperAppConfig } from '../shared/vite-config';

export default goalkeeperAppConfig(new URL('.', import.meta.url), 'issue-panel');
