import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { precompress } from "./vite-precompress";

// In development Vite serves the app and forwards the API (and its WebSocket) to the Trame server on port 3000.
// In production the server serves apps/web/dist itself: same origin, so cookies and the CSP stay simple.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      "/api": { target: "http://localhost:3000", ws: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The manifest lets scripts/first-load-size.mjs follow each page's chunks (it is not served: the server skips dot folders).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Libraries (React, the router, TanStack Query, i18next) change less often than our code: their own
            // file stays in browsers' caches across most of our releases.
            { name: "vendor", test: /[\\/]node_modules[\\/]/, priority: 4 },
            // The shell every page needs in one file (few requests): layout, session, router, French.
            { name: "app", tags: ["$initial"], priority: 3 },
            // Pages load on demand (router.tsx). The small components and helpers they share go together in one
            // file rather than a dozen tiny ones.
            { name: "shared", test: /[\\/]src[\\/](?:components|app)[\\/]/, minShareCount: 2, priority: 2 },
            // The member's pages, visited together (association, spheres), with what they import statically: one
            // file. What they load on use (managers' panels, dialogs) and the administration stay in files of their own.
            { name: "member", test: /[\\/]pages[\\/](?:home-page|association-layout|association-home-page|sphere-page)\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
});
