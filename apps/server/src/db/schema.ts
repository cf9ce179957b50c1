// Every table, for drizzle-kit (migrations) only. Application code imports a module's own tables file.
export * from "../modules/accounts/accounts.tables.js";
export * from "../modules/associations/associations.tables.js";
export * from "../modules/spheres/spheres.tables.js";
export * from "../modules/invitations/invitations.tables.js";
export * from "../platform/mail/mail.tables.js";
export * from "../platform/audit/audit.tables.js";
