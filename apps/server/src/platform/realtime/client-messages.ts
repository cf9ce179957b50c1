import { z } from "zod";
import type { ClientMessage, RoomName } from "@trame/contracts";

// Room ids are UUIDs everywhere; anything else is refused before an authorizer (and the database) sees it.
const roomPattern = /^(user|association|sphere):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const roomSchema = z.string().regex(roomPattern).transform((room) => room as RoomName);

/** Client → hub messages, checked like any other input (the contracts describe them as types only). */
export const clientMessageSchema: z.ZodType<ClientMessage> = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("subscribe"), room: roomSchema }),
  z.strictObject({ type: z.literal("unsubscribe"), room: roomSchema }),
  z.strictObject({ type: z.literal("ping") }),
]);

/** Parses one text frame; null when it is not a valid client message. */
export function parseClientMessage(text: string): ClientMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clientMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export const userRoom = (userId: string): RoomName => `user:${userId}`;
