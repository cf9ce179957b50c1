import { createSphereBodySchema, createSphereCreationRequestBodySchema, type AssociationRole, type SphereRole } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Actor } from "../../platform/authz/actor.js";
import { AppError } from "../../platform/http/app-error.js";
import { createUserAccount, isSetupRequired, listUsers, type UserRow } from "../accounts/accounts.public.js";
import { addAssociationMember, createAssociation, publishCharter, updateAssociationSettings } from "../associations/associations.public.js";
import { addSphereMember, createSphereInTx, requestSphereCreation, requestToJoinSphere } from "../spheres/spheres.public.js";
import { runInTransaction } from "../../platform/db/transaction.js";
import { timedPhase, type PhaseReporter } from "../../platform/startup-phases.js";
import {
  charterText,
  creationRequest,
  DEMO_PASSWORD,
  demoEmail,
  displayName,
  federation,
  joinRequests,
  people,
  signIns,
  territorialGroups,
  type DemoPerson,
} from "./demo-data.js";
import { completeSetup } from "./setup.service.js";

export interface LoadDemoOptions {
  /** Where the summary and the sign-ins go (the console). */
  print(line: string): void;
  /** Told the duration of each step (set-up, accounts, each association…), so that progress shows while it loads. */
  onPhase?: PhaseReporter;
}

/**
 * Loads the demo federation (demo-data.ts) through the modules' own services, as people using the app would have
 * built it: set-up, accounts, associations, memberships, spheres, requests, charter. Only into an empty instance —
 * an instance already set up (or holding accounts) is left alone, and the reason printed. Returns whether it loaded.
 */
export async function loadDemo(ctx: AppContext, options: LoadDemoOptions): Promise<boolean> {
  const { print } = options;
  // Without a reporter, steps are still announced on `print` as they end.
  const onPhase = options.onPhase ?? ((phase: string, ms: number) => print(`  ${phase}: ${(ms / 1000).toFixed(2)} s`));
  const step = <T>(phase: string, work: () => Promise<T>) => timedPhase(onPhase, `demo: ${phase}`, work);
  const refusal = await findRefusal(ctx);
  if (refusal) {
    print(`The demo was not loaded: ${refusal} The demo only loads into an empty instance (another TRAME_DATA_DIR or database).`);
    return false;
  }

  const personOf = new Map(people.map((x) => [x.key, x]));
  const person = (key: string): DemoPerson => {
    const found = personOf.get(key);
    if (!found) throw new Error(`demo data: unknown person ${key}`);
    return found;
  };
  const users = new Map<string, UserRow>();
  const user = (key: string): UserRow => {
    const found = users.get(key);
    if (!found) throw new Error(`demo data: no account for ${key}`);
    return found;
  };
  const actorOf = (key: string): Actor => ({ kind: "user", userId: user(key).id, isInstanceAdmin: user(key).isInstanceAdmin, sessionId: null });

  // 1. The set-up, as the first start's page does it: the instance administrator and the federation they own.
  const adminPerson = person(signIns[0]!.person);
  let setup: Awaited<ReturnType<typeof completeSetup>>;
  try {
    setup = await step("set-up", () =>
      completeSetup(ctx, {
        admin: { email: demoEmail(adminPerson), displayName: displayName(adminPerson), password: DEMO_PASSWORD, language: "fr" },
        association: { name: federation.name, slug: federation.slug, language: "fr", timeZone: "Europe/Paris" },
      }),
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "SETUP_ALREADY_DONE") {
      print("The demo was not loaded: this instance was set up meanwhile.");
      return false;
    }
    throw err;
  }
  users.set(adminPerson.key, setup.user);
  const instanceAdmin = actorOf(adminPerson.key);

  // 2. Everyone else's account, with the demo password. Its hash is the administrator's, computed once by the
  // set-up: argon2id is slow on purpose, and hashing the same published password sixty times took seconds.
  const rest = people.filter((x) => x.key !== adminPerson.key);
  const passwordHash = setup.user.passwordHash ?? undefined;
  await step(`${rest.length} accounts`, async () => {
    for (const x of rest) {
      users.set(x.key, await createUserAccount(ctx, { email: demoEmail(x), displayName: displayName(x), passwordHash, language: x.language ?? "fr" }));
    }
  });

  // 3. The federation (created by the set-up) and its territorial groups, with their members.
  const associationIds = new Map<string, string>([[federation.key, setup.association.id]]);
  await step(`${territorialGroups.length} territorial groups`, async () => {
    for (const group of territorialGroups) {
      const created = await createAssociation(
        ctx,
        {
          name: group.name,
          slug: group.slug,
          parentId: setup.association.id,
          language: "fr",
          timeZone: "Europe/Paris",
          ownerEmail: demoEmail(person(group.owner)),
        },
        user(adminPerson.key).id,
      );
      associationIds.set(group.key, created.id);
    }
  });
  const associationId = (key: string): string => associationIds.get(key)!;
  for (const association of [federation, ...territorialGroups]) {
    const id = associationId(association.key);
    const memberCount = 1 + association.admins.length + association.guests.length + association.members.length;
    await step(`${association.name}, ${memberCount} members`, async () => {
      await updateAssociationSettings(ctx, instanceAdmin, id, { primaryColor: association.primaryColor, accentColor: association.accentColor });
      const roles: [string, AssociationRole][] = [
        // The group's owner became owner when the group was created; the federation's gets a second owner.
        ...(association === federation ? [[association.owner, "owner"] as [string, AssociationRole]] : []),
        ...association.admins.map((k): [string, AssociationRole] => [k, "admin"]),
        ...association.guests.map((k): [string, AssociationRole] => [k, "guest"]),
        ...association.members.map((k): [string, AssociationRole] => [k, "member"]),
      ];
      for (const [key, role] of roles) await addAssociationMember(ctx, id, user(key).id, role, user(adminPerson.key).id);
    });
  }
  await step("charter", () => publishCharter(ctx, actorOf(federation.owner), associationId(federation.key), charterText));

  // 4. Spheres, parents first, each with its manager, then its members and roles.
  const sphereIds = new Map<string, string>();
  let sphereCount = 0;
  for (const association of [federation, ...territorialGroups]) {
    const id = associationId(association.key);
    await step(`${association.name}, ${association.spheres.length} spheres`, async () => {
      for (const sphere of association.spheres) {
        const parentId = sphere.parent ? sphereIds.get(`${association.key}/${sphere.parent}`) : undefined;
        const input = createSphereBodySchema.parse({ name: sphere.name, description: sphere.description, visibility: sphere.visibility, parentId });
        const row = await runInTransaction(ctx, (tx, events) =>
          createSphereInTx(tx, id, input, user(sphere.manager).id, user(association.owner).id, events),
        );
        sphereIds.set(`${association.key}/${sphere.key}`, row.id);
        sphereCount++;
        for (const member of sphere.members) {
          const [key, role]: [string, SphereRole] = typeof member === "string" ? [member, "member"] : member;
          await addSphereMember(ctx, instanceAdmin, id, row.id, user(key).id, role);
        }
      }
    });
  }

  // 5. Requests waiting for a decision.
  await step("requests", async () => {
    for (const request of joinRequests) {
      await requestToJoinSphere(ctx, actorOf(request.person), associationId(request.association), sphereIds.get(`${request.association}/${request.sphere}`)!, request.message);
    }
    await requestSphereCreation(
      ctx,
      actorOf(creationRequest.person),
      associationId(creationRequest.association),
      createSphereCreationRequestBodySchema.parse({
        name: creationRequest.name,
        description: creationRequest.description,
        visibility: creationRequest.visibility,
        parentId: sphereIds.get(`${creationRequest.association}/${creationRequest.parent}`),
        reason: creationRequest.reason,
      }),
    );
  });

  const groups = territorialGroups.map((g) => g.name.replace(/^Trame /, "")).join(", ");
  print(`Demo loaded: ${federation.name} and its territorial groups (${groups}), ${people.length} members, ${sphereCount} spheres.`);
  print(`Demo sign-ins — the same password for every demo account: ${DEMO_PASSWORD}`);
  const width = Math.max(...signIns.map((s) => s.role.length)) + 2;
  for (const signIn of signIns) print(`  ${signIn.role.padEnd(width)}${demoEmail(person(signIn.person))}`);
  print(`Open ${ctx.config.publicUrl}. Demo accounts share a published password: do not keep real data on this instance.`);
  return true;
}

/** Why the demo cannot load here, or null when the instance is empty. */
async function findRefusal(ctx: AppContext): Promise<string | null> {
  if (!(await isSetupRequired(ctx))) return "this instance is already set up (it has an instance administrator).";
  const accounts = await listUsers(ctx, { limit: 1 });
  if (accounts.items.length > 0) return "this instance already has accounts.";
  return null;
}
