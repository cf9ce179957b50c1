/** Who is acting: a signed-in user (with their session), or nobody. Policies receive this, never a request. */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; isInstanceAdmin: boolean; sessionId: string | null };

export const anonymous: Actor = { kind: "anonymous" };
export const isUser = (a: Actor): a is Extract<Actor, { kind: "user" }> => a.kind === "user";
