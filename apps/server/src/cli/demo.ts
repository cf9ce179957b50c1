import { helpOption, type CliCommand } from "./command.js";

export const demoCommand: CliCommand = {
  path: ["demo"],
  summary: "Load the demo federation into an empty instance and print its sign-ins.",
  details:
    "A national association with three territorial groups (Île-de-France, Bretagne, Occitanie), 60 members,\n" +
    "spheres of every visibility, pending requests. Refused on an instance already set up.",
  options: { help: helpOption },
  async run() {
    const { withAppContext } = await import("./context.js");
    const { loadDemo } = await import("../modules/setup/setup.public.js");
    const { printPhase } = await import("../platform/startup-phases.js");
    const print = (line: string) => console.log(line);
    // Each step is printed with its duration as it ends: the database, the migrations, then the demo's own steps.
    const onPhase = printPhase(print);
    const loaded = await withAppContext((ctx) => loadDemo(ctx, { print, onPhase }), { onPhase });
    return loaded ? 0 : 1;
  },
};
