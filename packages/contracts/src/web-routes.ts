/**
 * Paths of the web app that the server also needs (links in e-mails, redirects). One definition for both.
 * Tokens travel in the query string of pages that consume them at once and then replace the address.
 */
export const webRoutes = {
  setup: () => "/setup",
  signIn: () => "/sign-in",
  signInLink: (token: string) => `/sign-in/link?token=${encodeURIComponent(token)}`,
  forgotPassword: () => "/forgot-password",
  resetPassword: (token: string) => `/reset-password?token=${encodeURIComponent(token)}`,
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  invitationConfirm: (token: string) => `/invitations/confirm?token=${encodeURIComponent(token)}`,
  association: (slug: string) => `/a/${slug}`,
  sphere: (slug: string, sphereId: string) => `/a/${slug}/spheres/${sphereId}`,
  associationAdmin: (slug: string) => `/a/${slug}/admin`,
  associationSphereRequests: (slug: string) => `/a/${slug}/admin/sphere-requests`,
  instanceAdmin: () => "/admin",
  account: () => "/account",
} as const;
