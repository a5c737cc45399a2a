/**
 * Build-time companion of Atlassian's token babel plugin, for plain CSS: every `var(--ds-…)`
 * written without a fallback gets the light theme's value as one, and an unknown token name
 * fails the build. The source stays free of hard-coded colours; the app still renders sensibly
 * where the host has not (yet) injected the token CSS (before `view.theme.enable()` resolves,
 * or in a bare browser).
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** The @atlaskit/tokens theme artifacts whose values become fallbacks (colour, space, type, shape). */
const FALLBACK_THEMES = ['atlassian-light', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'] as const;

const TOKEN_WITHOUT_FALLBACK = /var\(\s*(--ds-[a-z0-9-]+)\s*\)/g;
const TOKEN_DECLARATION = /(--ds-[a-z0-9-]+):\s*([^;]+);/g;

export function loadTokenFallbacks(): ReadonlyMap<string, string> {
  const require = createRequire(import.meta.url);
  const values = new Map<string, string>();
  for (const theme of FALLBACK_THEMES) {
    const css = (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string }).default;
    for (const [, name, value] of css.matchAll(TOKEN_DECLARATION)) {
      if (name && value && !values.has(name)) values.set(name, value.trim());
    }
  }
  return values;
}

/** Rewrites `var(--ds-x)` to `var(--ds-x, <light value>)`; throws on a token the theme lacks. */
export function addTokenFallbacks(css: string, fallbacks: ReadonlyMap<string, string>, file: string): string {
  return css.replace(TOKEN_WITHOUT_FALLBACK, (_, name: string) => {
    const fallback = fallbacks.get(name);
    if (fallback === undefined) throw new Error(`${file}: ${name} is not an Atlassian design token (@atlaskit/tokens).`);
    return `var(${name}, ${fallback})`;
  });
}

export function designTokenFallbacks(): Plugin {
  let fallbacks: ReadonlyMap<string, string> | undefined;
  return {
    name: 'goalkeeper:design-token-fallbacks',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.css')) return null;
      fallbacks ??= loadTokenFallbacks();
      return { code: addTokenFallbacks(code, fallbacks, id), map: null };
    },
  };
}
