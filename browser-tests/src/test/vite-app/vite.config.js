// `import ... from 'skerry'` resolves to the js-wrapper build named by SKERRY_DIST (ViteBundleTest sets it),
// as a user's package manager would resolve an installed package.
import path from 'node:path';
import { defineConfig } from 'vite';

const dist = process.env.SKERRY_DIST;
if (!dist) throw new Error('SKERRY_DIST (the js-wrapper/target/dist directory) is not set');

export default defineConfig({
  resolve: { alias: { skerry: path.resolve(dist, 'skerry.js') } },
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  logLevel: 'warn',
});
