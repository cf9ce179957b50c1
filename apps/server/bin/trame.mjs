#!/usr/bin/env node
// The `trame` command. The server is TypeScript run directly (no build step), so the launcher registers tsx's
// loader in this process and then imports the CLI. npm links this file as node_modules/.bin/trame.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
