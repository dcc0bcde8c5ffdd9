// Dutch-ish vocabulary for dossier descriptions, subjects and message bodies. Base words are
// combined into compounds (as Dutch does: hypotheek + akte), which gives a few thousand distinct
// terms; the generator ranks them in a seeded order and samples them Zipf-like, so that the
// dataset has common, medium and rare search terms.
export const BASE_WORDS = `
akte levering woning hypotheek testament schenking nalatenschap erfenis boedel verdeling huwelijk
voorwaarden samenwoning contract statuten oprichting vennootschap aandelen overdracht volmacht
koop verkoop koper verkoper notaris kantoor cliënt dossier zaak claim schade verzekering polis
uitkering letsel aansprakelijkheid expertise rapport taxatie waarde bank lening rente aflossing
kadaster perceel grond kavel appartement recht splitsing vereniging eigenaars garage berging tuin
erfpacht canon bestemming plan vergunning gemeente provincie waterschap belasting aangifte
overlijden executeur legaat erfgenaam kind partner echtgenoot scheiding alimentatie convenant
ouderschap voogdij curatele bewind mentorschap levenstestament zorg wilsverklaring donor
bedrijf stichting holding fusie splitsing ontbinding vereffening faillissement curator schuld
schuldeiser beslag executie veiling inschrijving register uittreksel handelsregister jaarrekening
verklaring handtekening legalisatie apostille vertaling identiteit paspoort rijbewijs bewijs
brief email bijlage factuur nota voorschot depot derdengelden rekening betaling termijn
opzegging huur huurder verhuurder pand winkel kantoorruimte bedrijfspand loods magazijn
agrarisch boerderij weiland bos water brand storm inbraak diefstal lekkage aanrijding auto
motor fiets reis rechtsbijstand geschil bezwaar beroep uitspraak vonnis dagvaarding rechtbank
hof mediation schikking vaststelling overeenkomst akkoord concept ontwerp definitief getekend
passeren afspraak datum planning controle toets onderzoek advies second opinion begroting
kosten offerte opdracht bevestiging ontvangst herinnering aanmaning klacht reactie antwoord
vraag aanvulling stukken documenten origineel kopie scan foto tekening meetrapport bouwkundig
keuring energielabel asbest bodem fundering dak gevel kozijn installatie verwarming
`.trim().split(/\s+/);

export const SECOND_PARTS = `akte recht plan rapport brief overeenkomst verklaring regeling kosten schade
waarde termijn register bewijs stukken dossier zaak nota contract polis vergunning
`.trim().split(/\s+/);

export const CITIES = `Amsterdam Rotterdam Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Apeldoorn Haarlem
Arnhem Enschede Amersfoort Zaanstad Zwolle Leiden Maastricht Dordrecht Zoetermeer Deventer Delft Alkmaar
Heerlen Venlo Leeuwarden Hilversum Amstelveen Roosendaal Purmerend Oss Schiedam Spijkenisse Helmond Vlaardingen
Almelo Gouda Zaandam Lelystad Alphen Hoorn Velsen Ede Assen Veenendaal Zeist Nieuwegein Harderwijk Doetinchem`
  .trim().split(/\s+/);

export const STREETS = `Kerkstraat Dorpsstraat Schoolstraat Molenweg Stationsweg Hoofdstraat Julianastraat Beatrixstraat
Wilhelminastraat Nieuwstraat Marktplein Kastanjelaan Eikenlaan Lindelaan Prinses Irenestraat Oranjestraat Kanaalweg
Parallelweg Industrieweg Havenstraat Singel Herengracht Keizersgracht Prinsengracht Vondelstraat Zuiderweg`.trim().split(/\s+/);

export const FIRST_NAMES = `Jan Piet Kees Henk Willem Johan Pieter Gerrit Hans Marco Erik Sander Thijs Bram Daan Lars Ruben
Maria Anna Johanna Elisabeth Cornelia Wilhelmina Sanne Lisa Eva Emma Sophie Julia Anouk Fleur Iris Noor Lotte Femke`
  .trim().split(/\s+/);
export const LAST_NAMES = `de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|
de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|
Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek|de Bruijn|de Bruin|van der Heijden|Schouten|
van Beek|Willems|van Vliet|van de Ven|Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman|Peeters`
  .split('|').map((s) => s.trim());
export const COMPANY_SUFFIXES = ['B.V.', 'Holding B.V.', 'N.V.', 'V.O.F.', 'Beheer B.V.', 'Stichting'];

export const DOSSIER_KINDS = ['Levering', 'Hypotheek', 'Testament', 'Nalatenschap', 'Schadeclaim', 'Letselschade', 'Oprichting',
  'Aandelenoverdracht', 'Huwelijkse voorwaarden', 'Samenlevingscontract', 'Echtscheiding', 'Schenking', 'Volmacht',
  'Splitsing', 'Erfpacht', 'Rechtsbijstand', 'Incasso', 'Huurgeschil', 'Bedrijfsovername', 'Verzekeringsclaim'];

export const STEP_TITLES = ['Intake en identificatie', 'Stukken opgevraagd', 'Stukken ontvangen', 'Onderzoek kadaster',
  'Concept opgesteld', 'Concept besproken', 'Definitieve akte', 'Afspraak ondertekening', 'Ondertekend', 'Inschrijving register',
  'Afrekening verzonden', 'Dossier afgesloten'];

export const HANDLERS = Array.from({ length: 24 }, (_, i) => {
  const first = FIRST_NAMES[(i * 7) % FIRST_NAMES.length];
  const last = LAST_NAMES[(i * 11) % LAST_NAMES.length];
  const mail = `${first}.${last.replace(/\s+/g, '')}`.toLowerCase();
  return { name: `mr. ${first} ${last}`, email: `${mail}@kantoor.example`, phone: `+3130${String(2000000 + i * 7919).slice(0, 7)}` };
});

/** Every term: base words first, then compounds base+second part (ranked by the seeded shuffle in the generator). */
export function vocabulary() {
  const seen = new Set();
  const out = [];
  const add = (w) => { if (!seen.has(w)) { seen.add(w); out.push(w); } };
  for (const w of BASE_WORDS) add(w);
  for (const a of BASE_WORDS) for (const b of SECOND_PARTS) if (a !== b && !a.endsWith(b)) add(a + b);
  return out;
}
