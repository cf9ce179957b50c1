import { webRoutes } from "@trame/contracts";
import type { AppContext } from "../../platform/app-context.js";
import type { Tx } from "../../platform/db/transaction.js";
import type { AfterCommit } from "../../platform/events/domain-events.js";
import { scheduleMailDelivery } from "../../platform/mail/mail-delivery.js";
import { queueMail, type MailMessage } from "../../platform/mail/mailer.js";
import { renderCreationDecisionMail, renderCreationRequestMail, renderJoinDecisionMail, renderJoinRequestMail } from "./notices.mail.js";
import { allSpheresReviewingRoles, creationReviewingRoles, joinReviewingSphereRoles } from "./notices.policy.js";
import {
  findCreationRequestNotice,
  findJoinRequestNotice,
  findPerson,
  listAssociationReviewers,
  listSphereReviewers,
  type NoticeRecipient,
} from "./notices.repository.js";

/**
 * The one place where requests and decisions become notices: e-mails, queued in the transaction of the request or
 * decision (an outbox row commits with it, or not at all), and, after the commit, `pendingReviews.changed` in each
 * reviewer's own room so that their badges re-read the counts. Services only add domain events to their batch; this
 * subscriber listens inside their transaction (EventBatch.writeWithin). The notifications centre will hang here.
 *
 * Who is mailed:
 * - a request to join: the sphere's own reviewers (managers, moderators) — one mail per request and reviewer; the
 *   association's admins, who review every sphere, only when the sphere has none of its own (a federation's admins
 *   would otherwise get every request of every sphere). Admins see the count in the app either way.
 * - a request to create a sphere: the association's admins (those who review such requests).
 * - a decision: the requester.
 */
export function registerNoticeSubscriber(ctx: AppContext): void {
  const url = (path: string) => `${ctx.config.publicUrl}${path}`;
  const sphereRoles = { sphere: joinReviewingSphereRoles, association: allSpheresReviewingRoles };

  ctx.events.onInTransaction("sphereJoinRequest.created", async (tx, { associationId, requestId }) => {
    const notice = await findJoinRequestNotice(tx, associationId, requestId);
    if (!notice) return;
    const reviewers = withoutPerson(await listSphereReviewers(tx, associationId, notice.sphereId, sphereRoles), notice.userId);
    const own = reviewers.filter((r) => r.sphereRole !== null);
    const mailed = own.length > 0 ? own : reviewers;
    const ids = await queueAll(
      tx,
      mailed.map((r) => ({
        to: r.email,
        ...renderJoinRequestMail({
          language: r.language,
          recipientName: r.displayName,
          requesterName: notice.requesterName,
          sphereName: notice.sphereName,
          associationName: notice.associationName,
          url: url(webRoutes.sphere(notice.slug, notice.sphereId)),
        }),
      })),
    );
    return afterCommit(ctx, associationId, reviewers, ids);
  });

  ctx.events.onInTransaction("sphereJoinRequest.decided", async (tx, { associationId, requestId, userId, status }) => {
    const notice = await findJoinRequestNotice(tx, associationId, requestId);
    const person = await findPerson(tx, userId);
    if (!notice || !person) return;
    const reviewers = await listSphereReviewers(tx, associationId, notice.sphereId, sphereRoles);
    const ids = await queueAll(tx, [
      {
        to: person.email,
        ...renderJoinDecisionMail({
          language: person.language,
          recipientName: person.displayName,
          sphereName: notice.sphereName,
          status,
          url: url(status === "approved" ? webRoutes.sphere(notice.slug, notice.sphereId) : webRoutes.association(notice.slug)),
        }),
      },
    ]);
    return afterCommit(ctx, associationId, reviewers, ids);
  });

  // A withdrawn request mails nobody; the reviewers' counts drop.
  ctx.events.onInTransaction("sphereJoinRequest.cancelled", async (tx, { associationId, sphereId }) => {
    return afterCommit(ctx, associationId, await listSphereReviewers(tx, associationId, sphereId, sphereRoles), []);
  });

  ctx.events.onInTransaction("sphereCreationRequest.created", async (tx, { associationId, requestId }) => {
    const notice = await findCreationRequestNotice(tx, associationId, requestId);
    if (!notice) return;
    const reviewers = withoutPerson(await listAssociationReviewers(tx, associationId, creationReviewingRoles), notice.userId);
    const ids = await queueAll(
      tx,
      reviewers.map((r) => ({
        to: r.email,
        ...renderCreationRequestMail({
          language: r.language,
          recipientName: r.displayName,
          requesterName: notice.requesterName,
          sphereName: notice.sphereName,
          associationName: notice.associationName,
          url: url(webRoutes.associationSphereRequests(notice.slug)),
        }),
      })),
    );
    return afterCommit(ctx, associationId, reviewers, ids);
  });

  ctx.events.onInTransaction("sphereCreationRequest.decided", async (tx, { associationId, requestId, status }) => {
    const notice = await findCreationRequestNotice(tx, associationId, requestId);
    const person = notice ? await findPerson(tx, notice.userId) : null;
    if (!notice || !person) return;
    const reviewers = await listAssociationReviewers(tx, associationId, creationReviewingRoles);
    const ids = await queueAll(tx, [
      {
        to: person.email,
        ...renderCreationDecisionMail({
          language: person.language,
          recipientName: person.displayName,
          sphereName: notice.sphereName,
          status,
          url: url(webRoutes.association(notice.slug)),
        }),
      },
    ]);
    return afterCommit(ctx, associationId, reviewers, ids);
  });
}

const withoutPerson = (people: NoticeRecipient[], userId: string) => people.filter((p) => p.userId !== userId);

async function queueAll(tx: Tx, messages: MailMessage[]): Promise<string[]> {
  const ids: string[] = [];
  for (const message of messages) ids.push(await queueMail(tx, message));
  return ids;
}

/** Once committed: the mail is handed to its delivery job, and each reviewer's badges are told to re-read. */
function afterCommit(ctx: AppContext, associationId: string, reviewers: NoticeRecipient[], outboxIds: string[]): AfterCommit {
  return async () => {
    for (const r of reviewers) ctx.events.emit("pendingReviews.changed", { associationId, userId: r.userId });
    await scheduleMailDelivery(ctx, outboxIds);
  };
}
