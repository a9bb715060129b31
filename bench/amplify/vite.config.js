// A plain production build: Vite's defaults (minified, one entry chunk plus what Vite splits).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true },
  // Only errors: the bundled libraries' "use client" directives and the chunk size would warn.
  logLevel: 'error',
});
