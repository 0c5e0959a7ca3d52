/**
 * What Maison Passerelle sells: home & lifestyle in eight families. Each base article becomes several
 * products (one per collection or model), each product a few variants (size × colour).
 */
export type Category =
  | 'kitchen'
  | 'textile'
  | 'decoration'
  | 'garden'
  | 'diy'
  | 'small_appliances'
  | 'food_gifts'
  | 'books'

/** Product family prefix in codes and SKUs (CUI-0042-03). */
export const categoryPrefix: Record<Category, string> = {
  kitchen: 'CUI',
  textile: 'LIN',
  decoration: 'DEC',
  garden: 'JAR',
  diy: 'BRI',
  small_appliances: 'ELM',
  food_gifts: 'EPI',
  books: 'LIV',
}

/** One axis of variation: the attribute key and its values with a price factor. */
export interface Axis {
  key: 'size' | 'capacity' | 'diameter' | 'format' | 'scent' | 'length' | 'power'
  values: Array<[label: string, priceFactor: number]>
}

export interface BaseArticle {
  name: string
  category: Category
  /** VAT in basis points; 2000 unless said. */
  vat?: number
  brands: string[]
  /** Price range in euros (VAT included) of the smallest variant. */
  price: [number, number]
  axis?: Axis
  colours?: keyof typeof palettes
  /** `model`: named after brand and model (appliances); otherwise after a collection. */
  naming?: 'collection' | 'model'
  /** Sold in stores only (living plants, firewood: they do not travel in parcels). */
  storeOnly?: boolean
  description: string
}

export const palettes = {
  textile: [
    'Blanc',
    'Écru',
    'Lin naturel',
    'Gris perle',
    'Anthracite',
    'Bleu nuit',
    'Bleu pétrole',
    'Vert sauge',
    'Terracotta',
    'Rose poudré',
    'Moutarde',
    'Céladon',
  ],
  kitchen: [
    'Rouge cerise',
    'Noir mat',
    'Blanc',
    'Bleu Marseille',
    'Vert olive',
    'Gris ardoise',
    'Jaune soleil',
  ],
  ceramic: ['Blanc', 'Bleu indigo', 'Vert céladon', 'Beige sable', 'Terracotta', 'Gris galet', 'Noir'],
  wood: ['Chêne naturel', 'Noyer', 'Hêtre', 'Acacia', 'Blanc', 'Noir'],
  metal: ['Noir', 'Laiton', 'Blanc', 'Vert bouteille', 'Gris anthracite'],
  garden: ['Vert', 'Anthracite', 'Terracotta', 'Blanc', 'Bleu acier', 'Romarin'],
  appliance: ['Blanc', 'Noir', 'Inox', 'Rouge', 'Crème', 'Vert amande'],
  paint: [
    'Blanc pur',
    'Blanc cassé',
    'Lin',
    'Gris souris',
    'Bleu orage',
    'Vert de gris',
    'Terre brûlée',
    'Ocre',
  ],
} satisfies Record<string, string[]>

const cm = (labels: string[], step = 0.25): Axis['values'] => labels.map((l, i) => [l, 1 + i * step])

// biome-ignore format: one article per line reads as a table
export const baseArticles: BaseArticle[] = [
  // Cuisine
  { name: 'Cocotte ronde en fonte émaillée', category: 'kitchen', brands: ['Maison Passerelle', 'Staub', 'Le Creuset'], price: [59, 149], axis: { key: 'diameter', values: cm(['20 cm', '24 cm', '28 cm'], 0.3) }, colours: 'kitchen', description: 'Mijotage lent, tous feux dont induction, va au four.' },
  { name: 'Poêle antiadhésive', category: 'kitchen', brands: ['Tefal', 'de Buyer', 'Maison Passerelle'], price: [19, 59], axis: { key: 'diameter', values: cm(['20 cm', '24 cm', '28 cm', '32 cm'], 0.2) }, description: 'Revêtement sans PFOA, compatible induction.' },
  { name: 'Sauteuse en inox avec couvercle', category: 'kitchen', brands: ['Cristel', 'Maison Passerelle'], price: [45, 119], axis: { key: 'diameter', values: cm(['24 cm', '28 cm'], 0.25) }, description: 'Inox 18/10 à fond épais, poignée amovible.' },
  { name: 'Couteau de cuisine forgé', category: 'kitchen', brands: ['Opinel', 'Maison Passerelle'], price: [24, 89], axis: { key: 'length', values: cm(['15 cm', '20 cm', '25 cm'], 0.2) }, description: 'Lame forgée en acier inoxydable, manche en bois.' },
  { name: 'Planche à découper en bois', category: 'kitchen', brands: ['Maison Passerelle'], price: [14, 39], axis: { key: 'size', values: cm(['30 x 20 cm', '40 x 28 cm', '50 x 35 cm'], 0.4) }, colours: 'wood', description: 'Bois massif issu de forêts gérées durablement.' },
  { name: 'Moule à tarte en céramique', category: 'kitchen', brands: ['Emile Henry', 'Maison Passerelle'], price: [19, 45], axis: { key: 'diameter', values: cm(['24 cm', '28 cm', '32 cm'], 0.2) }, colours: 'ceramic', description: 'Céramique haute résistance, du congélateur au four.' },
  { name: 'Plat à four rectangulaire', category: 'kitchen', brands: ['Emile Henry', 'Maison Passerelle'], price: [22, 55], axis: { key: 'size', values: cm(['30 cm', '36 cm', '42 cm'], 0.25) }, colours: 'ceramic', description: 'Pour gratins et rôtis, passe au lave-vaisselle.' },
  { name: 'Mug en grès', category: 'kitchen', brands: ['Maison Passerelle', 'Revol'], price: [6, 14], axis: { key: 'capacity', values: cm(['30 cl', '40 cl'], 0.2) }, colours: 'ceramic', description: 'Grès émaillé façonné à la main, chaque pièce est unique.' },
  { name: 'Assiette plate en grès', category: 'kitchen', brands: ['Maison Passerelle', 'Revol'], price: [8, 19], axis: { key: 'diameter', values: cm(['21 cm', '27 cm'], 0.3) }, colours: 'ceramic', description: 'Émail réactif, compatible lave-vaisselle et micro-ondes.' },
  { name: 'Lot de 6 verres à eau', category: 'kitchen', brands: ['Duralex', 'Maison Passerelle'], price: [12, 29], axis: { key: 'capacity', values: cm(['22 cl', '31 cl'], 0.15) }, description: 'Verre trempé résistant aux chocs.' },
  { name: 'Carafe en verre soufflé', category: 'kitchen', brands: ['Maison Passerelle'], price: [18, 42], axis: { key: 'capacity', values: cm(['1 L', '1,5 L'], 0.25) }, description: 'Verre soufflé bouche, bouchon en liège.' },
  { name: 'Boîte de conservation hermétique', category: 'kitchen', brands: ['Maison Passerelle', 'Le Parfait'], price: [5, 15], axis: { key: 'capacity', values: cm(['0,5 L', '1 L', '2 L'], 0.35) }, description: 'Verre et couvercle étanche, sans BPA.' },
  { name: 'Tablier de cuisine en lin', category: 'kitchen', brands: ['Atelier Passerelle'], price: [19, 35], colours: 'textile', description: 'Lin lavé, poche ventrale, lien ajustable.' },
  { name: 'Set de 3 ustensiles en bois d’olivier', category: 'kitchen', brands: ['Maison Passerelle'], price: [15, 29], description: 'Cuillère, spatule et fourchette en olivier massif.' },
  { name: 'Théière en fonte', category: 'kitchen', brands: ['Maison Passerelle'], price: [29, 69], axis: { key: 'capacity', values: cm(['0,8 L', '1,2 L'], 0.25) }, colours: 'metal', description: 'Fonte émaillée intérieure, filtre inox amovible.' },

  // Linge de maison
  { name: 'Housse de couette en percale de coton', category: 'textile', brands: ['Atelier Passerelle', 'Blanc des Vosges'], price: [49, 129], axis: { key: 'size', values: cm(['140 x 200 cm', '220 x 240 cm', '260 x 240 cm'], 0.3) }, colours: 'textile', description: 'Percale 80 fils/cm², fermeture par boutons.' },
  { name: 'Housse de couette en lin lavé', category: 'textile', brands: ['Atelier Passerelle', 'Linvosges'], price: [89, 199], axis: { key: 'size', values: cm(['140 x 200 cm', '220 x 240 cm', '260 x 240 cm'], 0.3) }, colours: 'textile', description: 'Lin lavé français, toucher froissé naturel.' },
  { name: 'Drap housse en coton bio', category: 'textile', brands: ['Atelier Passerelle'], price: [25, 59], axis: { key: 'size', values: cm(['90 x 190 cm', '140 x 190 cm', '160 x 200 cm', '180 x 200 cm'], 0.2) }, colours: 'textile', description: 'Coton biologique certifié GOTS, bonnet de 30 cm.' },
  { name: 'Taie d’oreiller en percale', category: 'textile', brands: ['Atelier Passerelle', 'Blanc des Vosges'], price: [12, 25], axis: { key: 'size', values: cm(['50 x 70 cm', '65 x 65 cm'], 0.1) }, colours: 'textile', description: 'Percale de coton, finition volant plat.' },
  { name: 'Serviette de bain en coton éponge', category: 'textile', brands: ['Atelier Passerelle', 'Essix'], price: [9, 19], axis: { key: 'size', values: cm(['50 x 100 cm', '70 x 140 cm', '100 x 150 cm'], 0.5) }, colours: 'textile', description: 'Éponge 550 g/m², douce et absorbante.' },
  { name: 'Plaid en laine', category: 'textile', brands: ['Atelier Passerelle'], price: [45, 99], axis: { key: 'size', values: cm(['130 x 170 cm', '150 x 200 cm'], 0.3) }, colours: 'textile', description: 'Laine tissée, franges nouées main.' },
  { name: 'Coussin en velours', category: 'textile', brands: ['Atelier Passerelle'], price: [15, 35], axis: { key: 'size', values: cm(['40 x 40 cm', '45 x 45 cm', '30 x 50 cm'], 0.15) }, colours: 'textile', description: 'Velours de coton, garnissage plumes.' },
  { name: 'Rideau en lin', category: 'textile', brands: ['Atelier Passerelle', 'Linvosges'], price: [39, 89], axis: { key: 'size', values: cm(['140 x 250 cm', '140 x 280 cm'], 0.15) }, colours: 'textile', description: 'Lin semi-transparent, à œillets.' },
  { name: 'Nappe en coton enduit', category: 'textile', brands: ['Garnier-Thiebaut', 'Atelier Passerelle'], price: [29, 69], axis: { key: 'size', values: cm(['150 x 150 cm', '150 x 250 cm', '150 x 300 cm'], 0.3) }, colours: 'textile', description: 'Coton enduit anti-taches, essuyable.' },
  { name: 'Torchon en lin métis', category: 'textile', brands: ['Garnier-Thiebaut', 'Atelier Passerelle'], price: [7, 15], colours: 'textile', description: 'Lin et coton tissés dans les Vosges.' },
  { name: 'Peignoir en nid d’abeille', category: 'textile', brands: ['Atelier Passerelle'], price: [39, 79], axis: { key: 'size', values: [['S', 1], ['M', 1], ['L', 1], ['XL', 1.05]] }, colours: 'textile', description: 'Coton nid d’abeille léger, séchage rapide.' },
  { name: 'Couette tempérée', category: 'textile', brands: ['Atelier Passerelle', 'Blanc des Vosges'], price: [59, 149], axis: { key: 'size', values: cm(['140 x 200 cm', '220 x 240 cm', '240 x 260 cm'], 0.3) }, description: 'Garnissage fibres recyclées, lavable à 40 °C.' },
  { name: 'Oreiller moelleux', category: 'textile', brands: ['Atelier Passerelle'], price: [25, 69], axis: { key: 'size', values: cm(['60 x 60 cm', '50 x 70 cm'], 0.05) }, description: 'Duvet et plumettes de canard, enveloppe percale.' },

  // Décoration
  { name: 'Bougie parfumée en verre', category: 'decoration', brands: ['Durance', 'Maison Passerelle'], price: [15, 35], axis: { key: 'scent', values: [['Figue', 1], ['Lavande', 1], ['Fleur de coton', 1], ['Bois de cèdre', 1], ['Verveine', 1], ['Ambre', 1.1]] }, description: 'Cire végétale, mèche en coton, 40 h de combustion.' },
  { name: 'Diffuseur de parfum à bâtonnets', category: 'decoration', brands: ['Durance', 'Maison Passerelle'], price: [19, 39], axis: { key: 'scent', values: [['Figue', 1], ['Lavande', 1], ['Fleur de coton', 1], ['Thé blanc', 1], ['Monoï', 1]] }, description: 'Parfumé à Grasse, recharge disponible.' },
  { name: 'Vase en céramique', category: 'decoration', brands: ['Maison Passerelle'], price: [19, 59], axis: { key: 'size', values: cm(['H 20 cm', 'H 30 cm', 'H 40 cm'], 0.45) }, colours: 'ceramic', description: 'Céramique émaillée, étanche.' },
  { name: 'Cadre photo en bois', category: 'decoration', brands: ['Maison Passerelle'], price: [9, 29], axis: { key: 'format', values: cm(['10 x 15 cm', '13 x 18 cm', '20 x 30 cm', '30 x 40 cm'], 0.4) }, colours: 'wood', description: 'Bois massif, verre anti-reflet, pose murale ou à poser.' },
  { name: 'Miroir rond en métal', category: 'decoration', brands: ['Maison Passerelle'], price: [39, 99], axis: { key: 'diameter', values: cm(['Ø 50 cm', 'Ø 70 cm', 'Ø 90 cm'], 0.5) }, colours: 'metal', description: 'Cadre fin en métal, crochet de fixation inclus.' },
  { name: 'Lampe à poser en céramique', category: 'decoration', brands: ['Maison Passerelle'], price: [45, 119], axis: { key: 'size', values: cm(['H 35 cm', 'H 50 cm'], 0.4) }, colours: 'ceramic', description: 'Pied en céramique, abat-jour en lin, douille E27.' },
  { name: 'Suspension en rotin', category: 'decoration', brands: ['Maison Passerelle'], price: [49, 129], axis: { key: 'diameter', values: cm(['Ø 35 cm', 'Ø 50 cm'], 0.45) }, description: 'Rotin tressé à la main, câble textile.' },
  { name: 'Panier de rangement en jonc de mer', category: 'decoration', brands: ['Maison Passerelle'], price: [15, 39], axis: { key: 'size', values: cm(['S', 'M', 'L'], 0.35) }, description: 'Fibre naturelle tressée, anses en coton.' },
  { name: 'Tapis en jute', category: 'decoration', brands: ['Atelier Passerelle'], price: [49, 149], axis: { key: 'size', values: cm(['60 x 90 cm', '120 x 170 cm', '160 x 230 cm'], 0.9) }, description: 'Jute tressé, envers antidérapant.' },
  { name: 'Horloge murale', category: 'decoration', brands: ['Maison Passerelle'], price: [29, 69], axis: { key: 'diameter', values: cm(['Ø 30 cm', 'Ø 45 cm'], 0.35) }, colours: 'metal', description: 'Mouvement silencieux à quartz.' },
  { name: 'Photophore en verre', category: 'decoration', brands: ['Maison Passerelle'], price: [9, 25], axis: { key: 'size', values: cm(['H 15 cm', 'H 25 cm'], 0.5) }, description: 'Verre recyclé teinté, pour bougie chauffe-plat.' },
  { name: 'Étagère murale en chêne', category: 'decoration', brands: ['Maison Passerelle'], price: [35, 89], axis: { key: 'length', values: cm(['60 cm', '90 cm', '120 cm'], 0.3) }, colours: 'wood', description: 'Chêne massif huilé, fixations invisibles.' },
  { name: 'Affiche illustrée', category: 'decoration', brands: ['Atelier Passerelle'], price: [19, 39], axis: { key: 'format', values: cm(['30 x 40 cm', '50 x 70 cm'], 0.5) }, description: 'Impression giclée sur papier d’art 250 g.' },

  // Jardin
  { name: 'Pot de fleurs en terre cuite', category: 'garden', brands: ['Passerelle Jardin'], price: [7, 25], axis: { key: 'diameter', values: cm(['Ø 20 cm', 'Ø 30 cm', 'Ø 40 cm', 'Ø 50 cm'], 0.6) }, colours: 'garden', description: 'Terre cuite ingélive, trou de drainage.' },
  { name: 'Jardinière en bois', category: 'garden', brands: ['Passerelle Jardin'], price: [29, 79], axis: { key: 'length', values: cm(['60 cm', '80 cm', '100 cm'], 0.3) }, description: 'Pin traité autoclave, feutre intérieur.' },
  { name: 'Chaise de jardin pliante en métal', category: 'garden', brands: ['Fermob', 'Passerelle Jardin'], price: [45, 99], colours: 'garden', description: 'Acier traité anti-corrosion, pliante.' },
  { name: 'Table de jardin en acacia', category: 'garden', brands: ['Passerelle Jardin'], price: [149, 399], axis: { key: 'size', values: cm(['4 places', '6 places', '8 places'], 0.4) }, description: 'Acacia FSC huilé, plateau à lattes.' },
  { name: 'Parasol droit', category: 'garden', brands: ['Passerelle Jardin'], price: [59, 149], axis: { key: 'diameter', values: cm(['Ø 250 cm', 'Ø 300 cm'], 0.3) }, colours: 'garden', description: 'Toile déperlante traitée anti-UV.' },
  { name: 'Arrosoir en métal galvanisé', category: 'garden', brands: ['Passerelle Jardin', 'Guillouard'], price: [19, 45], axis: { key: 'capacity', values: cm(['5 L', '10 L'], 0.35) }, description: 'Acier galvanisé, pomme en laiton.' },
  { name: 'Sécateur de jardin', category: 'garden', brands: ['Passerelle Jardin', 'Fiskars'], price: [15, 49], description: 'Lames en acier trempé, ressort à rappel.' },
  { name: 'Gants de jardinage', category: 'garden', brands: ['Passerelle Jardin'], price: [6, 15], axis: { key: 'size', values: [['7', 1], ['8', 1], ['9', 1], ['10', 1]] }, description: 'Cuir et coton, paume renforcée.' },
  { name: 'Guirlande lumineuse d’extérieur', category: 'garden', brands: ['Passerelle Jardin'], price: [19, 49], axis: { key: 'length', values: cm(['5 m', '10 m', '15 m'], 0.4) }, description: 'LED blanc chaud, étanche IP44.' },
  { name: 'Olivier en pot', category: 'garden', vat: 1000, brands: ['Pépinières Passerelle'], price: [29, 89], axis: { key: 'size', values: cm(['H 60 cm', 'H 100 cm', 'H 150 cm'], 0.9) }, storeOnly: true, description: 'Olivier cultivé en Provence, pot de 10 L.' },
  { name: 'Lavande en godet', category: 'garden', vat: 1000, brands: ['Pépinières Passerelle'], price: [4, 9], axis: { key: 'format', values: [['Godet 9 cm', 1], ['Pot 2 L', 2.2]] }, storeOnly: true, description: 'Lavande vraie, rustique et mellifère.' },
  { name: 'Plant d’aromatiques', category: 'garden', vat: 1000, brands: ['Pépinières Passerelle'], price: [3, 7], axis: { key: 'format', values: [['Basilic', 1], ['Thym', 1], ['Romarin', 1], ['Menthe', 1], ['Ciboulette', 1]] }, storeOnly: true, description: 'Plants cultivés sans pesticide de synthèse.' },
  { name: 'Sachet de graines potagères', category: 'garden', vat: 1000, brands: ['Passerelle Jardin'], price: [2, 5], axis: { key: 'format', values: [['Tomate cœur de bœuf', 1], ['Radis', 1], ['Courgette', 1], ['Haricot', 1], ['Carotte', 1]] }, description: 'Graines biologiques, semences reproductibles.' },
  { name: 'Bûches de bois compressé', category: 'garden', vat: 1000, brands: ['Passerelle Jardin'], price: [9, 15], axis: { key: 'format', values: [['Pack de 12', 1], ['Pack de 24', 1.9]] }, storeOnly: true, description: 'Bois de hêtre compressé sans liant, fort pouvoir calorifique.' },

  // Bricolage
  { name: 'Perceuse-visseuse sans fil', category: 'diy', brands: ['Bosch', 'Makita', 'Passerelle Outillage'], price: [69, 189], axis: { key: 'power', values: [['12 V', 1], ['18 V', 1.45]] }, naming: 'model', description: 'Deux batteries lithium-ion, chargeur et coffret.' },
  { name: 'Coffret de tournevis', category: 'diy', brands: ['Facom', 'Passerelle Outillage'], price: [19, 59], axis: { key: 'format', values: [['8 pièces', 1], ['16 pièces', 1.6]] }, naming: 'model', description: 'Embouts chrome-vanadium, manches bi-matière.' },
  { name: 'Boîte à outils métallique', category: 'diy', brands: ['Passerelle Outillage'], price: [25, 59], axis: { key: 'length', values: cm(['40 cm', '50 cm'], 0.3) }, colours: 'metal', description: 'Tôle d’acier, plateau amovible.' },
  { name: 'Peinture murale mate', category: 'diy', brands: ['Tollens', 'Ripolin', 'Maison Passerelle'], price: [19, 45], axis: { key: 'capacity', values: [['0,5 L', 1], ['2,5 L', 2.8]] }, colours: 'paint', description: 'Peinture acrylique lessivable, faible odeur.' },
  { name: 'Ampoule LED filament', category: 'diy', brands: ['Maison Passerelle'], price: [5, 12], axis: { key: 'format', values: [['E27 globe', 1], ['E27 standard', 1], ['E14 flamme', 1]] }, description: 'Blanc chaud 2700 K, équivalent 60 W.' },
  { name: 'Mètre ruban', category: 'diy', brands: ['Stanley', 'Passerelle Outillage'], price: [7, 19], axis: { key: 'length', values: cm(['3 m', '5 m', '8 m'], 0.3) }, description: 'Ruban acier, blocage automatique.' },
  { name: 'Niveau à bulle', category: 'diy', brands: ['Passerelle Outillage'], price: [9, 29], axis: { key: 'length', values: cm(['40 cm', '60 cm', '100 cm'], 0.3) }, description: 'Profil aluminium, 3 fioles.' },
  { name: 'Escabeau pliant en aluminium', category: 'diy', brands: ['Passerelle Outillage'], price: [49, 119], axis: { key: 'format', values: [['3 marches', 1], ['5 marches', 1.4], ['7 marches', 1.9]] }, description: 'Plateforme large, marches antidérapantes.' },
  { name: 'Kit de fixation murale', category: 'diy', brands: ['Passerelle Outillage'], price: [6, 15], axis: { key: 'format', values: [['Placo', 1], ['Béton', 1], ['Universel', 1.2]] }, description: 'Chevilles et vis assorties, notice de pose.' },
  { name: 'Pinceau à réchampir', category: 'diy', brands: ['Passerelle Outillage'], price: [4, 12], axis: { key: 'size', values: [['30 mm', 1], ['50 mm', 1.3], ['70 mm', 1.6]] }, description: 'Soies synthétiques, manche en hêtre.' },
  { name: 'Ponceuse vibrante', category: 'diy', brands: ['Bosch', 'Black+Decker'], price: [49, 119], naming: 'model', description: 'Aspiration intégrée, 12 000 oscillations/min.' },

  // Petit électroménager
  { name: 'Bouilloire électrique 1,7 L', category: 'small_appliances', brands: ['Tefal', 'Moulinex', 'SEB', 'Maison Passerelle'], price: [29, 79], colours: 'appliance', naming: 'model', description: 'Résistance cachée, arrêt automatique, filtre anticalcaire.' },
  { name: 'Grille-pain 2 fentes', category: 'small_appliances', brands: ['Moulinex', 'Tefal', 'SEB'], price: [29, 69], colours: 'appliance', naming: 'model', description: 'Fentes larges, 7 niveaux de brunissage.' },
  { name: 'Cafetière filtre programmable', category: 'small_appliances', brands: ['Moulinex', 'Krups', 'Maison Passerelle'], price: [39, 99], colours: 'appliance', naming: 'model', description: 'Verseuse isotherme 1,25 L, départ différé.' },
  { name: 'Machine à expresso broyeur', category: 'small_appliances', brands: ['Krups', 'De’Longhi'], price: [299, 699], naming: 'model', description: 'Broyeur intégré, buse vapeur, écran tactile.' },
  { name: 'Blender chauffant', category: 'small_appliances', brands: ['Moulinex', 'Tefal'], price: [79, 179], naming: 'model', description: 'Soupes et smoothies, bol verre 1,75 L.' },
  { name: 'Robot pâtissier', category: 'small_appliances', brands: ['Moulinex', 'KitchenAid', 'Maison Passerelle'], price: [199, 549], colours: 'appliance', naming: 'model', description: 'Bol inox 4,8 L, fouet, crochet et batteur.' },
  { name: 'Fer à repasser vapeur', category: 'small_appliances', brands: ['Rowenta', 'Calor'], price: [39, 119], naming: 'model', description: 'Semelle céramique, défroissage vertical.' },
  { name: 'Aspirateur balai sans fil', category: 'small_appliances', brands: ['Rowenta', 'Dyson'], price: [149, 499], naming: 'model', description: 'Autonomie 45 min, brosse motorisée.' },
  { name: 'Friteuse sans huile', category: 'small_appliances', brands: ['SEB', 'Moulinex', 'Tefal'], price: [79, 179], axis: { key: 'capacity', values: [['4,2 L', 1], ['6,5 L', 1.3]] }, naming: 'model', description: '8 programmes, cuve amovible lavable.' },
  { name: 'Yaourtière', category: 'small_appliances', brands: ['SEB', 'Maison Passerelle'], price: [29, 69], naming: 'model', description: '7 pots en verre, programmes yaourts et desserts.' },
  { name: 'Radiateur d’appoint bain d’huile', category: 'small_appliances', brands: ['Rowenta', 'Maison Passerelle'], price: [59, 129], axis: { key: 'power', values: [['1500 W', 1], ['2000 W', 1.2]] }, naming: 'model', description: 'Thermostat réglable, 3 puissances.' },

  // Épicerie fine (TVA 5,5 %)
  { name: 'Coffret de confitures artisanales', category: 'food_gifts', vat: 550, brands: ['La Chambre aux Confitures', 'Maison Passerelle'], price: [19, 39], axis: { key: 'format', values: [['3 pots', 1], ['6 pots', 1.8]] }, description: 'Fruits de saison cuits en chaudron.' },
  { name: 'Thé en vrac', category: 'food_gifts', vat: 550, brands: ['Kusmi Tea', 'Maison Passerelle'], price: [9, 25], axis: { key: 'format', values: [['100 g', 1], ['250 g', 2.2]] }, description: 'Mélanges parfumés, sachet refermable.' },
  { name: 'Tablette de chocolat noir', category: 'food_gifts', vat: 550, brands: ['Maison Passerelle', 'Bonnat'], price: [4, 9], axis: { key: 'format', values: [['70 % Pérou', 1], ['75 % Madagascar', 1], ['85 % Équateur', 1.05]] }, description: 'Pure origine, fabriqué en France.' },
  { name: 'Moutarde de Dijon', category: 'food_gifts', vat: 550, brands: ['Fallot'], price: [3, 7], axis: { key: 'format', values: [['Nature', 1], ['À l’ancienne', 1], ['Au cassis', 1.1]] }, description: 'Graines broyées à la meule de pierre.' },
  { name: 'Coffret d’huiles d’olive', category: 'food_gifts', vat: 550, brands: ['Maison Passerelle'], price: [25, 49], description: 'Trois huiles vierges extra de moulins provençaux.' },
  { name: 'Biscuits sablés au beurre', category: 'food_gifts', vat: 550, brands: ['La Mère Poulard', 'Maison Passerelle'], price: [4, 9], axis: { key: 'format', values: [['Boîte 250 g', 1], ['Boîte métal 500 g', 2]] }, description: 'Pur beurre, recette traditionnelle.' },
  { name: 'Miel de fleurs', category: 'food_gifts', vat: 550, brands: ['Maison Passerelle'], price: [8, 15], axis: { key: 'format', values: [['Lavande', 1], ['Acacia', 1], ['Châtaignier', 1], ['Toutes fleurs', 0.9]] }, description: 'Récolté en France, pot en verre de 500 g.' },
]

/** Books (TVA 5,5 %): one product each, no variants. */
export const books: Array<{ title: string; publisher: string; price: number }> = [
  { title: 'La cuisine de saison au fil des marchés', publisher: 'Marabout', price: 24.9 },
  { title: 'Le grand livre des confitures', publisher: 'Larousse', price: 19.95 },
  { title: 'Cocottes et mijotés', publisher: 'Hachette Pratique', price: 14.95 },
  { title: 'Pâtisserie de grand-mère', publisher: 'Marabout', price: 22.9 },
  { title: 'Le potager en permaculture', publisher: 'Rustica Éditions', price: 19.95 },
  { title: 'Un jardin sur mon balcon', publisher: 'Rustica Éditions', price: 14.9 },
  { title: 'Tailler ses arbres fruitiers', publisher: 'Rustica Éditions', price: 12.95 },
  { title: 'Décorer avec trois fois rien', publisher: 'Flammarion', price: 29.9 },
  { title: 'Maisons de famille en Bretagne', publisher: 'Flammarion', price: 39 },
  { title: 'Rénover sa maison pas à pas', publisher: 'Eyrolles', price: 27 },
  { title: 'Le bricolage pour les nuls', publisher: 'First', price: 22.95 },
  { title: 'Couture facile pour la maison', publisher: 'Marabout', price: 17.9 },
  { title: 'L’art de la table à la française', publisher: 'Larousse', price: 34.9 },
  { title: 'Recettes de bocaux et conserves', publisher: 'Hachette Pratique', price: 12.9 },
  { title: 'Le thé, histoire et dégustation', publisher: 'Flammarion', price: 25 },
  { title: 'Plantes d’intérieur faciles', publisher: 'Rustica Éditions', price: 9.95 },
  { title: 'Cuisine végétarienne du quotidien', publisher: 'Marabout', price: 19.9 },
  { title: 'Le goût des herbes aromatiques', publisher: 'Larousse', price: 15.9 },
  { title: 'Zéro déchet à la maison', publisher: 'Eyrolles', price: 16 },
  { title: 'Bougies et savons maison', publisher: 'Hachette Pratique', price: 11.9 },
  { title: 'Les secrets du pain au levain', publisher: 'Marabout', price: 21.9 },
  { title: 'Créer un jardin sec', publisher: 'Rustica Éditions', price: 24.95 },
  { title: 'Petits meubles en palettes', publisher: 'Eyrolles', price: 14 },
  { title: 'Le guide de la maison écologique', publisher: 'Flammarion', price: 32 },
]

/** Collections name the products of a base article, after French places. */
export const collections = [
  'Lubéron',
  'Étretat',
  'Camargue',
  'Belle-Île',
  'Vercors',
  'Chamonix',
  'Biarritz',
  'Honfleur',
  'Cassis',
  'Gordes',
  'Bréhat',
  'Colmar',
  'Sancerre',
  'Arles',
  'Porquerolles',
  'Annecy',
  'Saint-Malo',
  'Menton',
  'Ouessant',
  'Uzès',
  'Collioure',
  'Giverny',
  'Quiberon',
  'Ramatuelle',
]

export const models = [
  'Essentiel',
  'Confort',
  'Pro',
  'Vintage',
  'Compact',
  'Premium',
  'Silence',
  'Évolution',
  'Origine',
  'Expert',
]

/** GS1 France company prefixes (300–379) of the demo brands; the rest of the EAN is the item number. */
export function companyPrefix(brand: string): string {
  let h = 0
  for (const ch of brand) h = (h * 31 + ch.charCodeAt(0)) % 7_000_000
  // 7 digits starting with 30–37: inside the range GS1 assigns to France.
  return String(3_000_000 + (h % 800_000)).padStart(7, '0')
}
