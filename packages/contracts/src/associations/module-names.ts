/**
 * Modules an association can switch on or off ("à la carte"). Only `spheres` exists in this release.
 * Kept free of zod so the web app can import the list without zod's runtime in its first download.
 */
export const moduleNames = [
  "spheres",
  "feed",
  "chat",
  "documents",
  "calendar",
  "polls",
  "assemblies",
  "members",
  "fees",
  "accounting",
  "diagnostic",
  "privacy",
] as const;
