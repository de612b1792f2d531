import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
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
