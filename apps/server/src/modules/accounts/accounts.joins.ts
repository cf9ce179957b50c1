import { QueryBuilder } from "drizzle-orm/pg-core";
import { users } from "./accounts.tables.js";

// What other modules' repositories may join of accounts, so that a page that shows people stays one statement
// (docs/ARCHITECTURE.md, "Module boundaries"). Read only, and only what others may show: never a password hash, a
// session or a token. PostgreSQL inlines such a subquery: the plans are those of a join on `users` itself.

const query = new QueryBuilder();

/**
 * People as other modules show them beside their own rows (members, requesters, inviters), joined on `id`.
 * `as` names the join in the statement, so that one statement may join people twice.
 */
export const userProfiles = (as: string) =>
  query
    .select({ id: users.id, displayName: users.displayName, email: users.email, avatarKey: users.avatarKey })
    .from(users)
    .as(as);
