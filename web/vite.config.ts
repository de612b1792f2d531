import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Mantine's ScrollArea takes a single hook, useMergeRefs, from @floating-ui/react, which is one
// module importing the rest of floating-ui; and Table imports ScrollArea. So every page with a
// table, the accounts list first, fetched all of floating-ui (15 kB gzip) before its rows, though
// only popovers and menus use it. ScrollArea gets the same hook from @mantine/hooks instead. Should
// a later Mantine import more of floating-ui there, the build fails on the missing export.
const scrollAreaMergeRefs: Plugin = {
  name: 'cartera:scroll-area-merge-refs',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === '@floating-ui/react' && importer?.includes('/@mantine/core/esm/components/ScrollArea/')) return `${webRoot}src/vendor/merge-refs.ts`;
    return null;
  },
};

export default defineConfig({
  root: webRoot,
  plugins: [scrollAreaMergeRefs, react()],
  resolve: {
    alias: {
      '@contract': `${repoRoot}contract`,
      '@web': `${webRoot}src`,
    },
  },
  css: { postcss: webRoot },
  build: {
    outDir: `${webRoot}dist`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Translations are fetched one namespace of one language at a time: name their chunks so.
        chunkFileNames: ({ facadeModuleId }) => {
          const translation = facadeModuleId?.match(/\/i18n\/(\w+)\/(\w+)\.json$/);
          return translation ? `assets/i18n-${translation[1]}-${translation[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
