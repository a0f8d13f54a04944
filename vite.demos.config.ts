/**
 * The framework demos (`pnpm build` runs this third): a React 19 app and a Vue 3 app that use
 * <parley-chat> from @parley/elements as any app would import a package, built into dist/demos/ and
 * served by the demo server at /demos/react and /demos/vue. Kept apart from vite.config.ts so the
 * elements' own build never sees React or Vue.
 */
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const at = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: at('./demo/frameworks'),
  // Same-origin absolute URLs: the pages are served under /demos/<framework>/.
  base: '/demos/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [
    // Tags with a dash that start with parley- are ours, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('parley-') } } }),
  ],
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: at('./dist/demos'),
    emptyOutDir: true,
    target: 'es2021',
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { react: at('./demo/frameworks/react/index.html'), vue: at('./demo/frameworks/vue/index.html') },
      output: { entryFileNames: 'assets/[name]-[hash].js', chunkFileNames: 'assets/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
    },
  },
});
