/**
 * The one Vite configuration every Custom UI app shares; each `static/<app>/vite.config.ts`
 * calls it with its own directory. `scripts/build-static.mjs` builds every app that has one.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import { designTokenFallbacks } from './token-fallbacks';

export function goalkeeperAppConfig(appDirectory: URL): UserConfig {
  return {
    root: fileURLToPath(appDirectory),
    // Forge serves each resource from a per-deployment sub-path: every URL must be relative.
    base: './',
    // Files under public/ (the module icon, the gadget thumbnail) land next to index.html.
    publicDir: 'public',
    plugins: [react(), designTokenFallbacks()],
    resolve: {
      alias: { 'iframe-resizer': fileURLToPath(new URL('./iframe-resizer-stand-in.ts', import.meta.url)) },
    },
    build: {
      outDir: 'build',
      emptyOutDir: true,
      target: 'es2022',
      // scripts/build-static.mjs measures and reports sizes against the budgets.
      reportCompressedSize: false,
    },
  };
}
