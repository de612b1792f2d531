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
    // One chunk for the vendor libraries keeps the first load to a handful of requests.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
