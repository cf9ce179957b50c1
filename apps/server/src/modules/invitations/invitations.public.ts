// The invitations module's public surface (docs/ARCHITECTURE.md, "Module boundaries"): what other modules may use
// of invitations goes here, and only here. Nothing yet: the composition root wires its routes and jobs.
export {};
