import type { ReactNode } from "react";

/** One entry of a list of cards (`<ul className="card-list">`): an optional picture, then its text and actions. */
export function CardItem({ media, children }: { media?: ReactNode; children: ReactNode }) {
  return (
    <li className="card">
      {media}
      <div className="card-main">{children}</div>
    </li>
  );
}
