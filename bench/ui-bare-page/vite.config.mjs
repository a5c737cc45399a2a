// The bare page is built exactly as the apps are (static/shared/vite-config.ts); JavaScript so the
// root tsconfig (CommonJS, no import.meta) leaves it to Vite's own config loader.
import { goalkeeperAppConfig } from '../../static/shared/vite-config';

export default goalkeeperAppConfig(new URL('.', import.meta.url));
