import { z } from 'zod';

// Zod compiles a fast parser for each object schema with `new Function`. The
// Content-Security-Policy allows no eval (src/server/plugins/security-headers.plugin.ts),
// and merely trying it reports a violation: parse without compiling. This
// must run before any schema is built: main.tsx imports it first, and the
// build puts it in zod's own chunk (vite.config.ts), right after zod.
z.config({ jitless: true });
