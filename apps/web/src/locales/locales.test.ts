import { describe, expect, it } from "vitest";
import { errorCodes } from "@trame/contracts";
import fr from "./fr.json";
import en from "./en.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") result.set(path, value);
    else for (const [k, v] of flatten(value, path)) result.set(k, v);
  }
  return result;
}

const frKeys = flatten(fr as Tree);
const enKeys = flatten(en as Tree);

describe("translations", () => {
  it("English has exactly the keys of French (French first, English complete)", () => {
    // French has a plural form English lacks ("many": 1 000 000 membres); it repeats the "other" text.
    const frWithoutMany = [...frKeys.keys()].filter((key) => !key.endsWith("_many"));
    expect([...enKeys.keys()].sort()).toEqual(frWithoutMany.sort());
    for (const key of frKeys.keys()) {
      if (key.endsWith("_many")) expect(frKeys.get(key), key).toBe(frKeys.get(key.replace(/_many$/, "_other")));
    }
  });

  it("has no empty text", () => {
    for (const [key, value] of [...frKeys, ...enKeys]) expect(value.trim(), key).not.toBe("");
  });

  it("uses the same interpolations in both languages", () => {
    const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of frKeys) {
      if (!key.endsWith("_many")) expect(names(enKeys.get(key) ?? ""), key).toEqual(names(value));
    }
  });

  it("translates every error code of the API", () => {
    for (const code of errorCodes) {
      expect(frKeys.has(`errors.${code}`), code).toBe(true);
      expect(enKeys.has(`errors.${code}`), code).toBe(true);
    }
  });

  it("keeps the French texts the browser journeys select by", () => {
    const texts = new Set(frKeys.values());
    for (const text of [
      "Installation de Trame",
      "Connexion",
      "Mes sphères",
      "Annuaire des sphères",
      "Administration de l'association",
      "Administration de l'instance",
      "Mon compte",
      "Invitation",
      "Créer l'instance",
      "Se connecter",
      "Recevoir un lien de connexion",
      "Rejoindre",
      "Demander à rejoindre",
      "Accepter l'invitation",
      "Approuver",
      "Refuser",
      "Demander une sphère",
      "Créer la sphère",
      "Inviter",
      "Adresse e-mail",
      "Mot de passe",
      "Nom affiché",
      "Nom de l'association",
      "Nom de la sphère",
    ]) {
      expect(texts.has(text), text).toBe(true);
    }
  });
});
