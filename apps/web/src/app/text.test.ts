import { describe, expect, it } from "vitest";
import { backoffDelay, linkify, looksLikeEmail, slugify, slugPattern, splitEmailList } from "./text";

describe("slugify", () => {
  it.each([
    ["Fédération Île-de-France des Jardins", "federation-ile-de-france-des-jardins"],
    ["  Cœur de ville  ", "coeur-de-ville"],
    ["Les Amis d'Émile — 2026 !", "les-amis-d-emile-2026"],
  ])("turns %j into %j, a valid slug", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugPattern.test(slugify(name))).toBe(true);
  });

  it("never ends with a dash when cut to length", () => {
    const slug = slugify("a".repeat(59) + " b", 60);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

describe("e-mail helpers", () => {
  it("accepts plausible addresses and refuses obvious mistakes", () => {
    expect(looksLikeEmail("jeanne@example.org")).toBe(true);
    expect(looksLikeEmail("jeanne@example")).toBe(false);
    expect(looksLikeEmail("jeanne example.org")).toBe(false);
  });

  it("splits a pasted list on commas, semicolons, spaces and new lines", () => {
    expect(splitEmailList("a@x.fr, b@x.fr;c@x.fr\n d@x.fr  ")).toEqual(["a@x.fr", "b@x.fr", "c@x.fr", "d@x.fr"]);
    expect(splitEmailList("  \n ")).toEqual([]);
  });
});

describe("linkify", () => {
  it("cuts text into text and links, leaving a sentence's final punctuation out of the link", () => {
    expect(linkify("Ouvrez https://trame.example/sign-in/link?token=abc. Merci")).toEqual([
      { kind: "text", text: "Ouvrez " },
      { kind: "link", href: "https://trame.example/sign-in/link?token=abc", text: "https://trame.example/sign-in/link?token=abc" },
      { kind: "text", text: ". Merci" },
    ]);
  });

  it("leaves text without links alone and ignores other schemes", () => {
    expect(linkify("javascript:alert(1) rien ici")).toEqual([{ kind: "text", text: "javascript:alert(1) rien ici" }]);
  });
});

describe("reconnection backoff", () => {
  it("grows exponentially with jitter and stays under the cap", () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
  });
});
