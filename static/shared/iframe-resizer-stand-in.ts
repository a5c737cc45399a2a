/**
 * Stands in for `iframe-resizer`, which @forge/bridge imports lazily in exactly one place:
 * `createAdfRendererIframeProps`, for rendering Confluence macro bodies. Goalkeeper never calls
 * it, so the bundles leave the 10 KB (gzipped) library out; calling it fails loudly rather than
 * silently.
 */
export default {
  iframeResizer(): never {
    throw new Error('iframe-resizer is not bundled with Goalkeeper (see static/shared/vite-config.ts).');
  },
};
