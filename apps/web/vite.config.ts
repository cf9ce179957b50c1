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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first page needs in one file (few requests); what loads later (administration,
          // account, English) stays in its own chunks.
          groups: [{ name: "app", tags: ["$initial"] }],
        },
      },
    },
  },
});
