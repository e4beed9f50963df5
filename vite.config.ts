import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// The API server (npm start / npm run dev) listens on 3000; in development
// Vite serves the SPA with hot reload and forwards API calls so that the
// session cookie stays first-party.
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    // Brotli and gzip copies made once at build time; the server sends the one
    // the browser accepts (web.plugin.ts, preCompressed) without compressing per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json)$/, threshold: 1024 }),
  ],
  build: {
    // Relative to root: <repo>/dist/web, which the server serves in production.
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Source maps stay out of the build: the served app is not its source (`npm run dev` has them).
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay
        // cached across deploys. Mantine (with its styles) is the largest.
        // Only what every page needs goes into them; a library one page uses
        // (maps, charts, rich text) stays in that page's lazy chunk.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/](core|hooks)/, priority: 2 },
            {
              name: 'vendor',
              // zod-without-eval.ts rides with zod: a chunk's imports run before the
              // chunk, so in the entry chunk it would come after the shared schemas.
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|zod|cookie|set-cookie-parser)[\\/]|[\\/]web[\\/]lib[\\/]zod-without-eval\.ts$/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
    },
  },
});
