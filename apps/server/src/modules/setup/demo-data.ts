import type { SphereRole, SphereVisibility } from "@trame/contracts";

/**
 * The demo federation `npm start -- --demo` and `trame demo` load: a national association with three territorial
 * groups, 60 people with French names, spheres of every visibility nested national → regional → local, pending
 * requests. Fictitious people; addresses on example.org (reserved: no mail can ever reach anyone).
 * Every name here is a key of `people`; demo.service.ts loads it through the modules' services.
 */

/** One password for every demo account, published on purpose: it meets the CNIL rule the server enforces. */
export const DEMO_PASSWORD = "Trame-Demo-2025!";

export type Region = "idf" | "bzh" | "occ";

export interface DemoPerson {
  key: string;
  firstName: string;
  lastName: string;
  region: Region | null;
  language?: "fr" | "en";
}

const p = (key: string, firstName: string, lastName: string, region: Region | null, language?: "en"): DemoPerson => ({
  key,
  firstName,
  lastName,
  region,
  ...(language ? { language } : {}),
});

export const people: readonly DemoPerson[] = [
  // National team and partners
  p("julien", "Julien", "Lefèvre", null),
  p("claire", "Claire", "Martin", null),
  p("mamadou", "Mamadou", "Diallo", null),
  p("helene", "Hélène", "Roux", null),
  p("camille", "Camille", "Bernard", null),
  p("ines", "Inès", "Benali", null),
  p("nathalie", "Nathalie", "Girard", null),
  p("francois", "François", "Nguyen", null),
  p("emily", "Emily", "Clarke", null, "en"),
  p("manon", "Manon", "Rolland", null),
  p("jeanmarc", "Jean-Marc", "Bouvier", null),
  p("agnes", "Agnès", "Poirier", null),
  p("thierry", "Thierry", "Vasseur", null),
  // Île-de-France
  p("sebastien", "Sébastien", "Moreau", "idf"),
  p("fatoumata", "Fatoumata", "Traoré", "idf"),
  p("anais", "Anaïs", "Fontaine", "idf"),
  p("karim", "Karim", "Haddad", "idf"),
  p("lucie", "Lucie", "Lambert", "idf"),
  p("thomas", "Thomas", "Petit", "idf"),
  p("aicha", "Aïcha", "Mansouri", "idf"),
  p("gregoire", "Grégoire", "Dumont", "idf"),
  p("zoe", "Zoé", "Lemaire", "idf"),
  p("mathis", "Mathis", "Garcia", "idf"),
  p("josephine", "Joséphine", "Aubert", "idf"),
  p("youssef", "Youssef", "El Amrani", "idf"),
  p("elodie", "Élodie", "Chevalier", "idf"),
  p("raphael", "Raphaël", "Da Silva", "idf"),
  p("lea", "Léa", "Dubois", "idf"),
  p("jerome", "Jérôme", "Caron", "idf"),
  // Bretagne
  p("maelle", "Maëlle", "Le Gall", "bzh"),
  p("yannick", "Yannick", "Kerjean", "bzh"),
  p("gwenael", "Gwénaël", "Le Bihan", "bzh"),
  p("soizic", "Soizic", "Bréhier", "bzh"),
  p("erwan", "Erwan", "Guillou", "bzh"),
  p("maiwenn", "Maïwenn", "Tanguy", "bzh"),
  p("loic", "Loïc", "Morvan", "bzh"),
  p("hugo", "Hugo", "Perrin", "bzh"),
  p("clemence", "Clémence", "Jacquet", "bzh"),
  p("noemie", "Noémie", "Riou", "bzh"),
  p("adrien", "Adrien", "Lemoine", "bzh"),
  p("gaelle", "Gaëlle", "Corre", "bzh"),
  p("ronan", "Ronan", "Quéré", "bzh"),
  p("oceane", "Océane", "Salaün", "bzh"),
  p("pierreyves", "Pierre-Yves", "Cadiou", "bzh"),
  // Occitanie
  p("benoit", "Benoît", "Fabre", "occ"),
  p("marion", "Marion", "Vidal", "occ"),
  p("theo", "Théo", "Marchand", "occ"),
  p("amandine", "Amandine", "Roque", "occ"),
  p("quentin", "Quentin", "Bonnafous", "occ"),
  p("berenice", "Bérénice", "Castan", "occ"),
  p("damien", "Damien", "Rouquette", "occ"),
  p("leila", "Leïla", "Ouali", "occ"),
  p("matheo", "Mathéo", "Sánchez", "occ"),
  p("eloise", "Éloïse", "Carrère", "occ"),
  p("sophie", "Sophie", "Pujol", "occ"),
  p("cedric", "Cédric", "Barthe", "occ"),
  p("jade", "Jade", "Fernandez", "occ"),
  p("etienne", "Étienne", "Cazals", "occ"),
  p("louise", "Louise", "Ferrand", "occ"),
  p("gabriel", "Gabriel", "Estève", "occ"),
];

/** prénom.nom@example.org, without accents, spaces and apostrophes. */
export function demoEmail(person: DemoPerson): string {
  const fold = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return `${fold(person.firstName)}.${fold(person.lastName)}@example.org`;
}

export const displayName = (person: DemoPerson) => `${person.firstName} ${person.lastName}`;

const inRegion = (region: Region) => people.filter((x) => x.region === region).map((x) => x.key);

export interface DemoSphere {
  key: string;
  name: string;
  description: string;
  visibility: SphereVisibility;
  parent?: string;
  manager: string;
  /** Other members and their roles (the manager is added by the creation). */
  members: readonly (string | [string, SphereRole])[];
}

export interface DemoAssociation {
  key: string;
  name: string;
  slug: string;
  primaryColor: string;
  accentColor: string;
  /** Owners after the first one (the instance administrator for the federation, `owner` for a group). */
  owner: string;
  admins: readonly string[];
  guests: readonly string[];
  /** Everyone else who belongs to it, as a member. */
  members: readonly string[];
  spheres: readonly DemoSphere[];
}

const federationMembers = people.map((x) => x.key).filter((k) => !["julien", "claire", "mamadou", "helene", "agnes", "thierry"].includes(k));

export const federation: DemoAssociation = {
  key: "federation",
  name: "Fédération Trame des Solidarités",
  slug: "federation-trame-solidarites",
  primaryColor: "#0f766e",
  accentColor: "#b45309",
  owner: "claire",
  admins: ["mamadou", "helene"],
  guests: ["agnes", "thierry"],
  members: federationMembers,
  spheres: [
    {
      key: "bureau",
      name: "Bureau national",
      description: "Préparation des conseils d'administration, trésorerie, sujets confidentiels.",
      visibility: "secret",
      manager: "claire",
      members: ["julien", "mamadou", "helene"],
    },
    {
      key: "ca",
      name: "Conseil d'administration",
      description: "Ordres du jour, procès-verbaux et décisions du conseil d'administration.",
      visibility: "private",
      manager: "mamadou",
      members: ["claire", "helene", "sebastien", "maelle", "benoit", ["francois", "moderator"], "manon"],
    },
    {
      key: "vie",
      name: "Vie du réseau",
      description: "Les nouvelles de la fédération, ouvertes à toutes et à tous, même sans compte.",
      visibility: "public",
      manager: "camille",
      members: [["ines", "moderator"], "claire", "mamadou", "sebastien", "maelle", "benoit", "emily", "jeanmarc", "lea", "hugo", "theo", "zoe"],
    },
    {
      key: "accueil",
      name: "Accueil des nouveaux bénévoles",
      description: "Questions pratiques, parrainage et formations pour celles et ceux qui nous rejoignent.",
      visibility: "open",
      manager: "ines",
      members: ["lea", "hugo", "theo", "jade", "mathis", "noemie", "emily", "louise"],
    },
    {
      key: "logement",
      name: "Commission Logement",
      description: "Veille sur le droit au logement, accompagnement des familles, plaidoyer.",
      visibility: "open",
      manager: "nathalie",
      members: [["karim", "moderator"], "francois", "aicha", "clemence", "amandine", "jeanmarc"],
    },
    {
      key: "partenaires",
      name: "Partenaires institutionnels",
      description: "Échanges avec les collectivités et les fondations qui nous soutiennent.",
      visibility: "private",
      manager: "francois",
      members: ["claire", "helene", ["agnes", "guest"], ["thierry", "guest"]],
    },
    {
      key: "territoires",
      name: "Réseau des territoires",
      description: "Coordination nationale des groupes régionaux et locaux.",
      visibility: "open",
      manager: "mamadou",
      members: ["sebastien", "maelle", "benoit", "fatoumata", "gwenael", "marion"],
    },
    {
      key: "sp-idf",
      name: "Île-de-France",
      description: "Les groupes locaux franciliens.",
      visibility: "open",
      parent: "territoires",
      manager: "sebastien",
      members: inRegion("idf").filter((k) => k !== "sebastien" && k !== "lea"),
    },
    {
      key: "montreuil",
      name: "Groupe local de Montreuil",
      description: "Permanences d'accès aux droits le jeudi, repas partagés le dernier dimanche du mois.",
      visibility: "open",
      parent: "sp-idf",
      manager: "fatoumata",
      members: ["aicha", "youssef", "zoe", "mathis", "lea"],
    },
    {
      key: "maraude18",
      name: "Maraude Paris 18e",
      description: "Organisation des tournées du soir : plannings, binômes, retours de terrain.",
      visibility: "private",
      parent: "sp-idf",
      manager: "karim",
      members: [["thomas", "moderator"], "gregoire", "josephine", "raphael", "elodie"],
    },
    {
      key: "sp-bzh",
      name: "Bretagne",
      description: "Les groupes locaux bretons.",
      visibility: "open",
      parent: "territoires",
      manager: "maelle",
      members: inRegion("bzh").filter((k) => k !== "maelle"),
    },
    {
      key: "rennes",
      name: "Groupe local de Rennes",
      description: "Épicerie solidaire, aide aux devoirs et sorties culturelles à Rennes.",
      visibility: "open",
      parent: "sp-bzh",
      manager: "yannick",
      members: [["soizic", "moderator"], "erwan", "maiwenn", "clemence", "noemie", "adrien"],
    },
    {
      key: "brest",
      name: "Groupe local de Brest",
      description: "Accueil de jour et vestiaire solidaire, quartier de Recouvrance.",
      visibility: "private",
      parent: "sp-bzh",
      manager: "gwenael",
      members: ["loic", "gaelle", "ronan", "oceane", "pierreyves"],
    },
    {
      key: "sp-occ",
      name: "Occitanie",
      description: "Les groupes locaux d'Occitanie.",
      visibility: "open",
      parent: "territoires",
      manager: "benoit",
      members: inRegion("occ").filter((k) => k !== "benoit"),
    },
    {
      key: "toulouse",
      name: "Groupe local de Toulouse",
      description: "Jardins partagés, collecte alimentaire et accompagnement administratif.",
      visibility: "open",
      parent: "sp-occ",
      manager: "marion",
      members: ["damien", "sophie", "cedric", "jade", "theo"],
    },
    {
      key: "montpellier",
      name: "Groupe local de Montpellier",
      description: "Nos actions à Montpellier, ouvertes au public : agenda, comptes rendus, appels à bénévoles.",
      visibility: "public",
      parent: "sp-occ",
      manager: "quentin",
      members: ["berenice", "leila", "matheo", "eloise", "etienne", "gabriel"],
    },
  ],
};

const groupSpheres = (bureauManager: string, bureauMembers: string[], rest: DemoSphere[]): DemoSphere[] => [
  {
    key: "bureau",
    name: "Bureau régional",
    description: "Décisions du bureau, budget régional, sujets confidentiels.",
    visibility: "secret",
    manager: bureauManager,
    members: bureauMembers,
  },
  ...rest,
];

export const territorialGroups: readonly DemoAssociation[] = [
  {
    key: "idf",
    name: "Trame Île-de-France",
    slug: "trame-ile-de-france",
    primaryColor: "#1d4ed8",
    accentColor: "#b45309",
    owner: "sebastien",
    admins: ["fatoumata"],
    guests: [],
    members: inRegion("idf").filter((k) => k !== "sebastien" && k !== "fatoumata"),
    spheres: groupSpheres("sebastien", ["fatoumata", "gregoire"], [
      {
        key: "maraudes",
        name: "Maraudes du mardi soir",
        description: "Inscriptions aux tournées, matériel, retours de terrain.",
        visibility: "open",
        manager: "karim",
        members: ["thomas", "josephine", "raphael", "elodie", "lea"],
      },
      {
        key: "collecte",
        name: "Collecte solidaire de printemps",
        description: "Points de collecte, horaires et besoins : partagez largement !",
        visibility: "public",
        manager: "lucie",
        members: ["zoe", "mathis", "anais", "jerome"],
      },
      {
        key: "coordination",
        name: "Coordination des bénévoles",
        description: "Plannings et répartition des missions entre groupes locaux.",
        visibility: "private",
        manager: "fatoumata",
        members: ["aicha", "youssef"],
      },
    ]),
  },
  {
    key: "bzh",
    name: "Trame Bretagne",
    slug: "trame-bretagne",
    primaryColor: "#1e3a8a",
    accentColor: "#b45309",
    owner: "maelle",
    admins: ["gwenael"],
    guests: [],
    members: inRegion("bzh").filter((k) => k !== "maelle" && k !== "gwenael"),
    spheres: groupSpheres("maelle", ["gwenael", "yannick"], [
      {
        key: "epicerie",
        name: "Épicerie solidaire de Rennes",
        description: "Approvisionnement, permanences et accueil des familles.",
        visibility: "open",
        manager: "yannick",
        members: ["erwan", "maiwenn", "clemence"],
      },
      {
        key: "festival",
        name: "Festival des solidarités",
        description: "Programme, bénévoles et partenaires de l'édition de novembre.",
        visibility: "public",
        manager: "soizic",
        members: ["noemie", "adrien", "hugo"],
      },
    ]),
  },
  {
    key: "occ",
    name: "Trame Occitanie",
    slug: "trame-occitanie",
    primaryColor: "#9d174d",
    accentColor: "#b45309",
    owner: "benoit",
    admins: ["marion"],
    guests: [],
    members: inRegion("occ").filter((k) => k !== "benoit" && k !== "marion"),
    spheres: groupSpheres("benoit", ["marion"], [
      {
        key: "jardins",
        name: "Jardins partagés de Toulouse",
        description: "Calendrier des plantations, outils et récoltes.",
        visibility: "open",
        manager: "damien",
        members: ["sophie", "cedric", "jade"],
      },
      {
        key: "administratif",
        name: "Accompagnement administratif",
        description: "Suivi des dossiers accompagnés (CAF, préfecture, logement) : accès restreint.",
        visibility: "private",
        manager: "sophie",
        members: ["eloise", "amandine"],
      },
    ]),
  },
];

/** Requests waiting for a decision, so that reviewers have something to review. */
export const joinRequests: readonly { association: string; sphere: string; person: string; message: string }[] = [
  {
    association: "federation",
    sphere: "ca",
    person: "lea",
    message: "Bonjour, je voudrais suivre les travaux du conseil pour préparer une candidature l'an prochain.",
  },
  {
    association: "federation",
    sphere: "brest",
    person: "hugo",
    message: "Je viens d'emménager à Brest et j'aimerais aider à l'accueil de jour.",
  },
  {
    association: "federation",
    sphere: "maraude18",
    person: "anais",
    message: "Disponible le mardi soir, j'ai déjà fait des maraudes à Lyon.",
  },
];

export const creationRequest = {
  association: "federation",
  person: "theo",
  name: "Atelier vélo solidaire",
  description: "Réparer et prêter des vélos aux personnes accompagnées, le samedi matin.",
  visibility: "open" as SphereVisibility,
  parent: "toulouse",
  reason: "Une dizaine de bénévoles réparent déjà des vélos ensemble : nous aimerions nous organiser ici.",
};

export const charterText = `# Charte de la Fédération Trame des Solidarités

Nous agissons ensemble, bénévoles et salariés, pour que chacun et chacune ait accès à ses droits, à un toit, à
une alimentation digne et à une vie sociale.

## Nos engagements
1. **Accueillir sans condition** : toute personne est reçue avec respect, quels que soient son origine, sa
   situation ou ses convictions.
2. **Agir avec les personnes, pas à leur place** : les personnes accompagnées participent aux décisions qui les
   concernent.
3. **Respecter la confidentialité** : ce qui est confié dans un accompagnement ne sort pas de l'espace où il a été
   confié. Les espaces « secrets » et « privés » ne se partagent pas à l'extérieur.
4. **Débattre avec bienveillance** : on critique des idées, jamais des personnes. Les propos injurieux,
   discriminatoires ou harcelants entraînent la modération.
5. **Rendre compte** : les décisions du bureau et du conseil d'administration sont publiées dans les espaces
   prévus à cet effet.

## Données personnelles
Les adresses électroniques ne sont visibles que des administrateurs de l'association. Chaque membre peut demander
l'accès, la rectification ou l'effacement de ses données auprès du bureau national.

_Adoptée par l'assemblée générale._
`;

/** The four sign-ins printed after loading (the password is DEMO_PASSWORD). */
export const signIns: readonly { person: string; role: string }[] = [
  { person: "julien", role: "Instance administrator" },
  { person: "claire", role: "Federation administrator (owner)" },
  { person: "yannick", role: "Sphere manager (Groupe local de Rennes)" },
  { person: "lea", role: "Member" },
];
