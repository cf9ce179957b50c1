import { describe, expect, it } from "vitest";
import { inertText } from "./inert-text.js";

describe("inert text for e-mails", () => {
  it.each([
    ["https://example.org/page?x=1", "example[.]org/page?x=1"],
    ["HTTP://EXAMPLE.ORG", "EXAMPLE[.]ORG"],
    ["javascript:\\\\example.org", "example[.]org"],
    ["voir www.example.org.", "voir www[.]example[.]org."],
    ["example.org/aide", "example[.]org/aide"],
    ["écrire à quelqu.un@example.org", "écrire à quelqu[.]un@example[.]org"],
    ["http://192.168.0.1:8080/admin", "192[.]168[.]0[.]1:8080/admin"],
    ["example.org.5", "example[.]org[.]5"],
    ["пример.рф et xn--e1afmkfd.xn--p1ai", "пример[.]рф et xn--e1afmkfd[.]xn--p1ai"],
    ["exemple。org ou exemple．org", "exemple[.]org ou exemple[.]org"],
    // Invisible characters do not hide a host; ZWJ, which some scripts need, is kept (and counted in the name).
    ["exa\u200Bmple.org", "example[.]org"],
    ["exa\u00ADmple.o\u200Drg", "example[.]o\u200Drg"],
    ["‮gro.elpmaxe‬", "gro[.]elpmaxe"],
  ])("defuses %j", (input, expected) => {
    expect(inertText(input)).toBe(expected);
  });

  it.each(["Version 2.0, à 14.30 précises", "e.g. un exemple", "Bonjour !\nÀ bientôt.", "1.2.3", "Rendez-vous : 18 h", "Horaires:9h/18h"])(
    "leaves ordinary text alone: %j",
    (input) => {
      expect(inertText(input)).toBe(input);
    },
  );
});
