// Vocabulary of the generated datasets: French first names, surnames, places and kinds of groups, so that trigram
// search, accent folding and sorting work on text that looks like real data (accents, hyphens, apostrophes).

export const firstNames = [
  "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Zoé", "Lucie", "Anaïs", "Élodie", "Hélène",
  "Maëlle", "Noémie", "Océane", "Aurélie", "Bérénice", "Clémence", "Éloïse", "Gaëlle", "Joséphine", "Marion",
  "Nathalie", "Sophie", "Amandine", "Fatoumata", "Yasmine", "Aïcha", "Leïla", "Soizic", "Maïwenn", "Françoise",
  "Thomas", "Lucas", "Hugo", "Théo", "Nathan", "Louis", "Mathis", "Jules", "Raphaël", "Gabriel", "Arthur",
  "Noé", "Adrien", "Benoît", "Cédric", "Damien", "Étienne", "François", "Grégoire", "Jérôme", "Loïc", "Mathéo",
  "Quentin", "Sébastien", "Timothée", "Yannick", "Mamadou", "Karim", "Youssef", "Erwan", "Gwénaël", "Jean-Marc",
] as const;

export const lastNames = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
  "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
  "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Légaré", "Rousseau",
  "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Mathieu", "Clément", "Gauthier",
  "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sánchez", "Gérard", "Nguyen", "Boyer", "Denis",
  "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean",
  "Pérez", "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux",
  "Colin", "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal",
  "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis",
  "Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière", "Le Gall", "Guillaume",
  "Adam", "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps", "Carpentier",
  "Julien", "Benoît", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault", "Jacquet",
  "Collet", "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons", "Paul", "Laine",
  "Carré", "Bréhier", "Kerjean", "Le Bihan", "N'Diaye", "Diallo", "Traoré", "Benali", "Haddad", "Ferreira",
] as const;

export const regions = [
  "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est",
  "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire",
  "Provence-Alpes-Côte d'Azur",
] as const;

export const departments = [
  "Ain", "Aisne", "Allier", "Ardèche", "Ardennes", "Ariège", "Aube", "Aude", "Aveyron", "Bouches-du-Rhône",
  "Calvados", "Cantal", "Charente", "Charente-Maritime", "Cher", "Corrèze", "Corse-du-Sud", "Côte-d'Or",
  "Côtes-d'Armor", "Creuse", "Dordogne", "Doubs", "Drôme", "Eure", "Eure-et-Loir", "Finistère", "Gard",
  "Haute-Garonne", "Gers", "Gironde", "Hérault", "Ille-et-Vilaine", "Indre", "Indre-et-Loire", "Isère", "Jura",
  "Landes", "Loir-et-Cher", "Loire", "Haute-Loire", "Loire-Atlantique", "Loiret", "Lot", "Lot-et-Garonne",
  "Lozère", "Maine-et-Loire", "Manche", "Marne", "Haute-Marne", "Mayenne", "Meurthe-et-Moselle", "Meuse",
  "Morbihan", "Moselle", "Nièvre", "Nord", "Oise", "Orne", "Pas-de-Calais", "Puy-de-Dôme",
  "Pyrénées-Atlantiques", "Hautes-Pyrénées", "Pyrénées-Orientales", "Bas-Rhin", "Haut-Rhin", "Rhône",
  "Haute-Saône", "Saône-et-Loire", "Sarthe", "Savoie", "Haute-Savoie", "Paris", "Seine-Maritime",
  "Seine-et-Marne", "Yvelines", "Deux-Sèvres", "Somme", "Tarn", "Tarn-et-Garonne", "Var", "Vaucluse", "Vendée",
  "Vienne", "Haute-Vienne", "Vosges", "Yonne", "Territoire de Belfort", "Essonne", "Hauts-de-Seine",
  "Seine-Saint-Denis", "Val-de-Marne", "Val-d'Oise", "Guadeloupe", "Martinique", "Guyane", "La Réunion",
  "Mayotte", "Alpes-de-Haute-Provence", "Hautes-Alpes", "Alpes-Maritimes",
] as const;

export const towns = [
  "Rennes", "Brest", "Quimper", "Lorient", "Vannes", "Saint-Brieuc", "Saint-Malo", "Nantes", "Angers", "Le Mans",
  "Laval", "Tours", "Orléans", "Bourges", "Chartres", "Blois", "Paris 11e", "Paris 18e", "Paris 20e",
  "Saint-Denis", "Montreuil", "Créteil", "Nanterre", "Versailles", "Évry", "Cergy", "Lille", "Roubaix",
  "Tourcoing", "Amiens", "Arras", "Dunkerque", "Rouen", "Le Havre", "Caen", "Cherbourg", "Strasbourg", "Metz",
  "Nancy", "Reims", "Mulhouse", "Colmar", "Dijon", "Besançon", "Chalon-sur-Saône", "Lyon 3e", "Lyon 7e",
  "Villeurbanne", "Vénissieux", "Saint-Étienne", "Grenoble", "Chambéry", "Annecy", "Clermont-Ferrand",
  "Valence", "Bordeaux", "Mérignac", "Pessac", "Pau", "Bayonne", "Limoges", "Poitiers", "La Rochelle",
  "Angoulême", "Périgueux", "Toulouse", "Montauban", "Albi", "Montpellier", "Nîmes", "Béziers", "Perpignan",
  "Carcassonne", "Narbonne", "Sète", "Marseille", "Aix-en-Provence", "Toulon", "Nice", "Avignon", "Arles",
  "Gap", "Ajaccio", "Bastia", "Fort-de-France", "Pointe-à-Pitre", "Saint-Pierre", "Cayenne", "Mamoudzou",
  "Brive-la-Gaillarde", "Aurillac", "Le Puy-en-Velay", "Mende", "Rodez", "Foix", "Tarbes", "Auch", "Agen",
  "Mont-de-Marsan", "Niort",
] as const;

export const groupKinds = [
  "Groupe local", "Commission", "Atelier", "Collectif", "Antenne", "Cercle", "Pôle", "Équipe", "Maraude",
  "Permanence", "Réseau", "Comité",
] as const;

export const themes = [
  "Solidarité", "Logement", "Alimentation", "Éducation populaire", "Jeunesse", "Santé", "Culture",
  "Environnement", "Accès aux droits", "Accueil des exilés", "Numérique", "Mobilité", "Seniors", "Handicap",
  "Égalité femmes-hommes", "Sport pour tous", "Insertion", "Aide aux devoirs", "Jardins partagés",
  "Réemploi et réparation", "Formation des bénévoles", "Communication", "Finances", "Événements",
  "Vie associative",
] as const;

/** A SQL array literal of text values, quotes escaped: vocabularies are inlined into bulk INSERT … SELECT. */
export function sqlTextArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`;
}
