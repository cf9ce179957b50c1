import type { Db } from "./database.js";

/** A transaction handle: repositories accept either the database or a transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
