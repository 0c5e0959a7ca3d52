/** Common French first names and surnames (INSEE frequency lists), with their accents. */
// biome-ignore format: a word list
export const firstNames = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Laura', 'Marie',
  'Hélène', 'Élodie', 'Céline', 'Aurélie', 'Mélanie', 'Amélie', 'Cécile', 'Anaïs', 'Zoé', 'Gaëlle',
  'Nathalie', 'Isabelle', 'Sophie', 'Sandrine', 'Valérie', 'Christine', 'Véronique', 'Agnès', 'Françoise', 'Brigitte',
  'Lucie', 'Margaux', 'Pauline', 'Clémence', 'Océane', 'Maëlle', 'Noémie', 'Léonie', 'Juliette', 'Mathilde',
  'Thomas', 'Nicolas', 'Julien', 'Maxime', 'Antoine', 'Alexandre', 'Quentin', 'Kevin', 'Romain', 'Pierre',
  'Jérôme', 'Frédéric', 'Stéphane', 'Sébastien', 'Loïc', 'Benoît', 'Clément', 'Théo', 'Raphaël', 'Joël',
  'Philippe', 'Laurent', 'Olivier', 'Christophe', 'Patrick', 'Éric', 'Thierry', 'Pascal', 'Didier', 'François',
  'Hugo', 'Lucas', 'Louis', 'Gabriel', 'Arthur', 'Noé', 'Maël', 'Jules', 'Adrien', 'Mathieu',
]

// biome-ignore format: a word list
export const lastNames = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun',
  'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Martinez',
  'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard',
  'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe', 'Bourgeois',
  'Le Gall', 'Le Goff', 'Ménard', 'Prévost', 'Lévêque', 'Barthélemy', 'Carré', 'Hervé', 'Léger', 'Étienne',
]

// biome-ignore format: a word list
export const streets = [
  'rue Victor Hugo', 'rue de la République', 'avenue Jean Jaurès', 'boulevard Gambetta', 'rue Pasteur',
  'rue Jules Ferry', 'rue Émile Zola', "rue de l'Église", 'rue de la Gare', 'rue du Moulin',
  'allée des Tilleuls', 'chemin des Vignes', 'impasse des Lilas', 'avenue du Général de Gaulle', 'rue Nationale',
  'place du Marché', 'rue des Écoles', 'avenue de la Libération', 'rue du Château', 'rue Voltaire',
  'boulevard de la Liberté', 'rue Carnot', 'rue des Acacias', 'rue Jean Moulin', 'avenue Foch',
  'rue Anatole France', 'rue de la Paix', 'quai des Bateliers', 'rue des Jardins', 'route de Paris',
]

// biome-ignore format: a word list
export const emailDomains = [
  'gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'hotmail.fr', 'outlook.fr', 'wanadoo.fr',
  'yahoo.fr', 'icloud.com',
]
