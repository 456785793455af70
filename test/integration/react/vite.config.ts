import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `--mode development` builds React's development version, where strict mode mounts every component twice.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  define: mode === 'development' ? { 'process.env.NODE_ENV': JSON.stringify('development') } : {},
  build: { sourcemap: false, minify: mode !== 'development' },
}));
