// Module boundaries, checked in CI by `npm run lint:deps` (the rules and their reasons: docs/ARCHITECTURE.md,
// "Module boundaries"). Paths are relative to the repository root; each rule names what is forbidden.

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

const web = "^apps/web/src/";

module.exports = {
  forbidden: [
    // ——— Server: modules ———
    {
      name: "module-internals",
      comment:
        "A module's code reaches another module only through that module's public surface " +
        "(modules/<Y>/<Y>.public.ts): never its repository, tables, policy or services directly.",
      severity: "error",
      from: { path: `${modules}([^/]+)/`, pathNot: [testFile, tables] },
      to: { path: modules, pathNot: [`${modules}$1/`, publicSurface] },
    },
    {
      name: "module-tables-foreign-keys",
      comment:
        "A tables file may reference another module's tables file, for foreign keys only; it imports no public " +
        "surface (drizzle-kit loads tables without the application).",
      severity: "error",
      from: { path: `${modules}([^/]+)/[^/]+[.]tables[.]ts$` },
      to: { path: modules, pathNot: [`${modules}$1/`, tables] },
    },
    {
      name: "module-tests",
      comment:
        "A module's tests reach another module through its public surface, or through the helpers it offers " +
        "tests (*.test-helpers.ts).",
      severity: "error",
      from: { path: [`${modules}([^/]+)/.+${testFile}`] },
      to: { path: modules, pathNot: [`${modules}$1/`, publicSurface, testHelpers] },
    },
    {
      name: "module-cycles",
      comment:
        "No cycle between modules: every cycle through a public surface. Known exception: associations and " +
        "spheres call each other (removal of a member from the spheres, public spheres of an association); " +
        "see docs/ARCHITECTURE.md. Any other cycle, or one that reaches a third module, fails.",
      severity: "error",
      from: { path: modules },
      to: {
        circular: true,
        via: { path: "[.]public[.]ts$" },
        viaOnly: { pathNot: `${modules}(associations|spheres)/` },
      },
    },

    // ——— Server: everything else ———
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
      comment: "db/schema.ts gathers the tables files for drizzle-kit, nothing else of the modules.",
      severity: "error",
      from: { path: schemaAggregation },
      to: { path: modules, pathNot: tables },
    },
    {
      name: "outside-modules",
      comment:
        "Outside modules/ (CLI, entry points, benchmarks), code uses modules through their public surfaces; " +
        "tests and the test harness may also use their *.test-helpers.ts.",
      severity: "error",
      from: { pathNot: [modules, compositionRoot, schemaAggregation, web] },
      to: { path: modules, pathNot: [publicSurface, testHelpers] },
    },
    {
      name: "outside-modules-test-helpers",
      comment: "Only tests and the test harness use *.test-helpers.ts.",
      severity: "error",
      from: { pathNot: [testFile, harness] },
      to: { path: testHelpers },
    },
    {
      name: "production-without-tests",
      comment: "Production code never imports test code (test files, *.test-helpers.ts, the harness in src/test/).",
      severity: "error",
      from: { path: server, pathNot: [testFile, harness] },
      to: { path: [testFile, harness] },
    },

    // ——— Web ———
    {
      name: "web-components-generic",
      comment: "components/ holds generic building blocks: they never import a feature.",
      severity: "error",
      from: { path: `${web}components/` },
      to: { path: `${web}features/` },
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
