// Module boundaries, checked in CI by `npm run lint:deps` (docs/ARCHITECTURE.md, "Module boundaries", says why).
// Paths are relative to the repository root; each rule names what is forbidden. Dependencies that exist only for
// the type checker (`import type`) count too.

const server = "^apps/server/src/";
const modules = `${server}modules/`;
/** A module's one public surface: modules/<module>/<module>.public.ts. */
const publicSurface = `${modules}([^/]+)/\\1[.]public[.]ts$`;
/** Test code: test files and the helpers tests share (a module's *.test-helpers.ts, the harness in src/test/). */
const testFile = "[.](test|test-helpers)[.]ts$";
const harness = `${server}test/`;
const testHelpers = `${modules}[^/]+/[^/]+[.]test-helpers[.]ts$`;
const tables = `${modules}[^/]+/[^/]+[.]tables[.]ts$`;
/** What the composition root (app/) wires: routes, jobs (with storage key spaces), real-time room authorizers. */
const wiring = `${modules}[^/]+/[^/]+[.](routes|jobs|rooms)[.]ts$`;
const compositionRoot = `${server}app/`;
/** The drizzle-kit schema aggregation: every table, for migrations only. */
const schemaAggregation = `${server}db/schema[.]ts$`;
/** The one cycle between modules we live with for now (see "module-cycles"). */
const toleratedCycle = `${modules}(associations|spheres)/`;

const web = "^apps/web/src/";

module.exports = {
  forbidden: [
    // ——— Server: between modules ———
    {
      name: "module-internals",
      comment:
        "A module reaches another module only through that module's public surface (modules/<Y>/<Y>.public.ts), " +
        "never its repository, tables, policy or services directly.",
      severity: "error",
      from: { path: `${modules}([^/]+)/`, pathNot: [testFile, tables] },
      to: { path: modules, pathNot: [`${modules}$1/`, publicSurface] },
    },
    {
      name: "module-tables-foreign-keys",
      comment:
        "A tables file may reference another module's tables file, for foreign keys only, and imports no public " +
        "surface (drizzle-kit loads the tables without the application).",
      severity: "error",
      from: { path: `${modules}([^/]+)/[^/]+[.]tables[.]ts$` },
      to: { path: modules, pathNot: [`${modules}$1/`, tables] },
    },
    {
      name: "module-tests",
      comment:
        "A module's tests reach another module through its public surface or the helpers it offers tests " +
        "(*.test-helpers.ts).",
      severity: "error",
      from: { path: `${modules}([^/]+)/.+${testFile}` },
      to: { path: modules, pathNot: [`${modules}$1/`, publicSurface, testHelpers] },
    },
    {
      name: "public-surface-own-module",
      comment: "A public surface exports its own module's code, never another module's.",
      severity: "error",
      from: { path: publicSurface },
      to: { path: modules, pathNot: `${modules}$1/` },
    },
    {
      name: "module-cycles",
      comment:
        "No cycle through modules. Tolerated: associations and spheres call each other (a member who leaves the " +
        "association leaves its spheres in the same transaction; an association's branding is public when it has " +
        "a public sphere). A cycle that reaches any other file fails.",
      severity: "error",
      from: { path: modules },
      to: { circular: true, via: { pathNot: toleratedCycle } },
    },

    // ——— Server: around the modules ———
    {
      name: "platform-independent",
      comment: "platform/ is infrastructure: it never imports modules/, the composition root or the CLI (tests included).",
      severity: "error",
      from: { path: `${server}platform/` },
      to: { path: [modules, compositionRoot, `${server}cli/`, schemaAggregation] },
    },
    {
      name: "composition-root",
      comment: "app/ wires modules through their public surfaces and their routes, jobs and room authorizers.",
      severity: "error",
      from: { path: compositionRoot, pathNot: testFile },
      to: { path: modules, pathNot: [publicSurface, wiring] },
    },
    {
      name: "schema-aggregation",
      comment: "db/schema.ts gathers the modules' tables files for drizzle-kit, nothing else of them.",
      severity: "error",
      from: { path: schemaAggregation },
      to: { path: modules, pathNot: tables },
    },
    {
      name: "outside-modules",
      comment:
        "Elsewhere (CLI, entry points, benchmarks, tests of app/, the test harness) modules are used through their " +
        "public surfaces, and by test code also through their *.test-helpers.ts.",
      severity: "error",
      from: { pathNot: [modules, `${compositionRoot}.+(?<![.]test)[.]ts$`, schemaAggregation, web] },
      to: { path: modules, pathNot: [publicSurface, testHelpers] },
    },
    {
      name: "production-without-tests",
      comment: "Production code never imports test code (test files, *.test-helpers.ts, the harness in src/test/).",
      severity: "error",
      from: { pathNot: [testFile, harness, web] },
      to: { path: [`${server}.+${testFile}`, harness] },
    },

    // ——— Web ———
    {
      name: "web-components-generic",
      comment: "components/ holds generic building blocks: they never import a feature.",
      severity: "error",
      from: { path: `${web}components/` },
      to: { path: `${web}features/` },
    },
    {
      name: "web-feature-internals",
      comment:
        "Not enforced yet (a warning, counted in every run): a feature should reach another feature through one " +
        "public file, as server modules do. See docs/ARCHITECTURE.md.",
      severity: "warn",
      from: { path: `${web}features/([^/]+)/` },
      to: { path: `${web}features/`, pathNot: `${web}features/$1/` },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
