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
    const loaded = await withAppContext((ctx) => loadDemo(ctx, { print: (line) => console.log(line) }));
    return loaded ? 0 : 1;
  },
};
