import { useState } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { CardItem } from "../../../components/card";
import { Dialog } from "../../../components/dialog";
import { Badge, EmptyState, Skeleton } from "../../../components/misc";
import { RouteHeading, useDocumentTitle } from "../../../components/route-heading";
import { useErrorMessage } from "../../../app/errors";
import { useFormatDate } from "../../../app/format";
import { PagedList } from "../../../app/paged-list";
import { linkify } from "../../../app/text";
import type { OutboxMessageSummary } from "../../../app/contract-types";
import { outboxMessageQuery, outboxQuery } from "../admin.queries";

/** Mail that went to the outbox (no SMTP configured) or was sent: read each one, links clickable. */
export function OutboxSection() {
  const { t } = useTranslation();
  useDocumentTitle([t("instanceAdmin.outbox"), t("instanceAdmin.title"), t("app.name")]);
  const formatDate = useFormatDate();
  const query = useInfiniteQuery(outboxQuery);
  const [reading, setReading] = useState<OutboxMessageSummary | null>(null);

  return (
    <section>
      <RouteHeading level={2}>{t("instanceAdmin.outbox")}</RouteHeading>
      <p className="section-intro">{t("outbox.intro")}</p>
      <PagedList query={query} empty={<EmptyState title={t("outbox.empty")} />}>
        {(messages) => (
          <ul className="card-list">
            {messages.map((message) => (
              <CardItem key={message.id}>
                <p className="card-title-text">{message.subject}</p>
                <p className="card-meta">
                  {t("outbox.to", { to: message.to })} · {formatDate(message.createdAt, true)}{" "}
                  <Badge tone={message.status === "failed" ? "danger" : "neutral"}>{t(`outbox.status.${message.status}`)}</Badge>
                </p>
                <Button small onClick={() => setReading(message)}>
                  {t("outbox.read")}
                  <span className="visually-hidden"> {message.subject}</span>
                </Button>
              </CardItem>
            ))}
          </ul>
        )}
      </PagedList>
      {reading ? <MessageDialog summary={reading} onClose={() => setReading(null)} /> : null}
    </section>
  );
}

function MessageDialog({ summary, onClose }: { summary: OutboxMessageSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useQuery(outboxMessageQuery(summary.id));
  return (
    <Dialog open onClose={onClose} title={summary.subject} wide>
      <p className="card-meta">{t("outbox.to", { to: summary.to })}</p>
      {query.isPending ? (
        <Skeleton label={t("common.loading")} />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : (
        <div className="mail-text">
          {linkify(query.data.text).map((part, index) =>
            part.kind === "link" ? (
              <a key={index} href={part.href}>
                {part.text}
              </a>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </div>
      )}
    </Dialog>
  );
}
