import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served the same way by Electron (app files) and by the
// browser host: relative asset paths, no inline scripts (the CSP forbids them).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
  },
});
