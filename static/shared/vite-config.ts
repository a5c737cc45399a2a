/**
 * The one Vite configuration every Custom UI app shares; each `static/<app>/vite.config.ts`
 * calls it with its own directory. `scripts/build-static.mjs` builds every app that has one.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { HtmlTagDescriptor, Plugin, UserConfig } from 'vite';
import { sharedCatalogues } from './i18n/shared-messages';
import { skeletonMarkup, type SkeletonShape } from './skeleton-shapes';
import { designTokenFallbacks } from './token-fallbacks';

export function goalkeeperAppConfig(appDirectory: URL, skeleton?: SkeletonShape): UserConfig {
  return {
    root: fileURLToPath(appDirectory),
    // Forge serves each resource from a per-deployment sub-path: every URL must be relative.
    base: './',
    // Files under public/ (the module icon, the gadget thumbnail) land next to index.html.
    publicDir: 'public',
    plugins: [react(), designTokenFallbacks(), preloadLazyChunks(), ...(skeleton ? [skeletonAtFirstPaint(skeleton)] : [])],
    resolve: {
      alias: {
        'iframe-resizer': fileURLToPath(new URL('./iframe-resizer-stand-in.ts', import.meta.url)),
        // The one way into the backend (src/contract/index.ts); static/tsconfig.json and jest.config.js say the same.
        '@goalkeeper/contract': fileURLToPath(new URL('../../src/contract/index.ts', import.meta.url)),
      },
    },
    build: {
      outDir: 'build',
      emptyOutDir: true,
      target: 'es2022',
      // scripts/build-static.mjs measures and reports sizes against the budgets.
      reportCompressedSize: false,
      rolldownOptions: {
        // The backend's contract and domain modules only declare (the domain is pure by rule, the
        // contract re-exports), so an app keeps only what it uses of them: without this, the
        // contract's zod payload schemas land in every app whether it validates anything or not.
        treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/](contract|domain)[\\/]/.test(id) },
      },
    },
  };
}

/**
 * boot-app.tsx loads `@forge/bridge` and the app with `import()`, because the bridge throws on
 * load outside a Forge host. Vite preloads only the entry's static imports, so those chunks would
 * be fetched only once the entry has run: a second request chain. `modulepreload` links for the
 * entry's dynamic imports and everything they import statically fetch (without running) them in
 * parallel with the entry. Dynamic imports further down (the bridge's unused iframe-resizer) stay lazy.
 */
function preloadLazyChunks(): Plugin {
  return {
    name: 'goalkeeper:preload-lazy-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return [];
        const preloaded = new Set<string>([entry.fileName, ...entry.imports]);
        const wanted: string[] = [];
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (preloaded.has(fileName) || chunk?.type !== 'chunk') return;
          preloaded.add(fileName);
          wanted.push(fileName);
          chunk.imports.forEach(visit);
        };
        entry.dynamicImports.forEach(visit);
        return wanted.map((fileName): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

/**
 * The app's loading skeleton written into index.html's root, so the first paint shows it before
 * any script has arrived; React replaces it with the same outline (components/Skeleton.tsx). The
 * words are English until the app knows the person's language (index.html says lang="en").
 */
function skeletonAtFirstPaint(shape: SkeletonShape): Plugin {
  const root = '<div id="root"></div>';
  return {
    name: 'goalkeeper:skeleton-at-first-paint',
    transformIndexHtml(html, { filename }) {
      if (!html.includes(root)) throw new Error(`${filename} needs an empty ${root} for the loading skeleton.`);
      const label = sharedCatalogues.en['shared.loading'];
      return html.replace(root, `<div id="root">${skeletonMarkup(shape, typeof label === 'string' ? label : '')}</div>`);
    },
  };
}
