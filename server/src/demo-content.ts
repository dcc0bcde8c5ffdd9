import { QuestionType } from './modules/action/action.types.js';
/** A one-page PDF (Helvetica, A4) with `lines` of text: real enough to open, small enough to generate. */
export function simplePdf(title: string, lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const text = [`BT /F1 16 Tf 56 780 Td (${esc(title)}) Tj ET`, ...lines.map((l, i) => `BT /F1 11 Tf 56 ${750 - i * 16} Td (${esc(l)}) Tj ET`)].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => { offsets.push(Buffer.byteLength(out)); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface DemoDossier {
  number: string; description: string; status: string; client: 'person' | 'company'; daysAgo: number;
  steps: [string, boolean][];
  documents: { category: 'CORRESPONDENCE' | 'DOCUMENT'; title: string; file: string; lines: string[] }[];
  messages: { fromOffice: boolean; subject: string; body: string; attachment?: string }[];
}

/** The demo firm's dossiers (README: demo accounts). Wording as a Dutch notary's portal would have it. */
export const DEMO_DOSSIERS: DemoDossier[] = [
  {
    number: '2026.0142', description: 'Levering woning Dorpsstraat 12, Utrecht', status: 'IN_PROGRESS', client: 'person', daysAgo: 21,
    steps: [['Opdracht ontvangen', true], ['Gegevens koper en verkoper gecontroleerd', true], ['Kadaster en hypotheekregisters geraadpleegd', true], ['Concept leveringsakte verstuurd', true],
      ['Opmerkingen op concept verwerkt', false], ['Hypotheekakte ontvangen van de bank', false], ['Nota van afrekening opgesteld', false], ['Gelden ontvangen op kwaliteitsrekening', false], ['Akte gepasseerd', false], ['Inschrijving in het Kadaster', false]],
    documents: [
      { category: 'CORRESPONDENCE', title: 'Bevestiging opdracht', file: 'Bevestiging opdracht.pdf', lines: ['Geachte heer De Vries,', 'Hierbij bevestigen wij uw opdracht voor de levering van Dorpsstraat 12.'] },
      { category: 'CORRESPONDENCE', title: 'Brief over de passeerdatum', file: 'Brief passeerdatum.pdf', lines: ['Geachte heer De Vries,', 'Wij stellen voor de akte te passeren op 15 januari.'] },
      { category: 'DOCUMENT', title: 'Concept leveringsakte', file: 'Concept leveringsakte.pdf', lines: ['CONCEPT', 'Levering registergoed Dorpsstraat 12, Utrecht'] },
      { category: 'DOCUMENT', title: 'Volmacht', file: 'Volmacht.pdf', lines: ['Ondergetekende verleent volmacht aan iedere medewerker van het kantoor.'] },
    ],
    messages: [
      { fromOffice: true, subject: 'Concept leveringsakte', body: 'Beste heer De Vries,\n\nIn de bijlage vindt u het concept van de leveringsakte. Wilt u dit controleren en uw opmerkingen vóór vrijdag aan ons sturen?\n\nMet vriendelijke groet,\nmr. Eva Mulder', attachment: 'Concept leveringsakte.pdf' },
      { fromOffice: false, subject: 'Kopie legitimatiebewijs', body: 'Beste mevrouw Mulder,\n\nHierbij zend ik een kopie van mijn paspoort.\n\nMet vriendelijke groet,\nJan de Vries', attachment: 'Kopie paspoort.pdf' },
    ],
  },
  {
    number: '2026.0087', description: 'Statutenwijziging Bakkerij Korenschoof B.V.', status: 'WAITING_FOR_CLIENT', client: 'company', daysAgo: 40,
    steps: [['Opdracht ontvangen', true], ['Concept statuten verstuurd', true], ['Aandeelhoudersbesluit ontvangen', false], ['Akte gepasseerd', false], ['Inschrijving Kamer van Koophandel', false]],
    documents: [
      { category: 'DOCUMENT', title: 'Concept gewijzigde statuten', file: 'Concept statuten.pdf', lines: ['CONCEPT', 'Statuten Bakkerij Korenschoof B.V.'] },
      { category: 'CORRESPONDENCE', title: 'Verzoek aandeelhoudersbesluit', file: 'Verzoek aandeelhoudersbesluit.pdf', lines: ['Geachte directie,', 'Voor de statutenwijziging ontvangen wij graag het getekende besluit.'] },
    ],
    messages: [{ fromOffice: true, subject: 'Aandeelhoudersbesluit', body: 'Geachte directie,\n\nWilt u het getekende aandeelhoudersbesluit via dit portaal aan ons sturen?\n\nMet vriendelijke groet,\nmr. Eva Mulder' }],
  },
  {
    number: '2026.0150', description: 'Huurovereenkomst bedrijfspand Havenweg 3', status: 'IN_PROGRESS', client: 'company', daysAgo: 5,
    steps: [], documents: [{ category: 'DOCUMENT', title: 'Concept huurovereenkomst', file: 'Concept huurovereenkomst.pdf', lines: ['CONCEPT', 'Huurovereenkomst bedrijfsruimte Havenweg 3'] }], messages: [],
  },
  {
    number: '2025.1203', description: 'Oprichting Korenschoof Holding B.V.', status: 'COMPLETED', client: 'company', daysAgo: 200,
    steps: [['Opdracht ontvangen', true], ['Akte van oprichting gepasseerd', true], ['Inschrijving Kamer van Koophandel', true]],
    documents: [{ category: 'DOCUMENT', title: 'Akte van oprichting', file: 'Akte van oprichting.pdf', lines: ['Akte van oprichting Korenschoof Holding B.V.'] }], messages: [],
  },
];

/**
 * The demo firm's questionnaire, assigned (open) to Jan de Vries's dossier 2026.0142: three pages, a question
 * shown only for a "ja", and a file question — enough to walk the whole wizard.
 */
export const DEMO_QUESTIONNAIRE = {
  title: 'Vragenlijst koper',
  pages: [
    { title: 'Uw gegevens', questions: [
      { key: 'naam', label: 'Volledige naam (zoals in uw paspoort)', type: QuestionType.TEXT, required: true },
      { key: 'geboortedatum', label: 'Geboortedatum', type: QuestionType.DATE, required: true },
      { key: 'burgerlijkeStaat', label: 'Burgerlijke staat', type: QuestionType.SINGLE_CHOICE, required: true, options: ['Ongehuwd', 'Gehuwd', 'Geregistreerd partner'] },
    ] },
    { title: 'Financiering', questions: [
      { key: 'hypotheek', label: 'Sluit u een hypotheek af voor deze woning?', type: QuestionType.YES_NO, required: true },
      { key: 'bank', label: 'Bij welke bank of adviseur?', type: QuestionType.TEXT, required: true, showIfKey: 'hypotheek', showIfValue: 'yes', help: 'Wij vragen de hypotheekakte bij hen op.' },
      { key: 'eigenGeld', label: 'Hoeveel eigen geld brengt u in (euro)?', type: QuestionType.NUMBER, required: false },
    ] },
    { title: 'Stukken en wensen', questions: [
      { key: 'legitimatie', label: 'Kopie van uw paspoort of identiteitskaart', type: QuestionType.FILE, required: true, help: 'Een pdf of foto (jpg, png).' },
      { key: 'advies', label: 'Waarover wilt u ook advies?', type: QuestionType.MULTIPLE_CHOICE, required: false, options: ['Testament', 'Samenlevingscontract', 'Levenstestament'] },
      { key: 'opmerkingen', label: 'Opmerkingen voor de notaris', type: QuestionType.LONG_TEXT, required: false },
    ] },
  ],
};
