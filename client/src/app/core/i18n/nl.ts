/**
 * Dutch interface texts (the default language). Wording follows the seed manuals.
 * `en.ts` is typed `Translation`, so a key missing there fails type-checking.
 * Interpolation: `{{ name }}`.
 */
export const nl = {
  app: {
    name: 'Klantenportaal',
    skipLink: 'Naar de inhoud',
  },
  language: {
    label: 'Taal',
  },
  titles: {
    login: 'Inloggen',
    passwordLink: 'Instellen wachtwoord',
    activate: 'Account activeren',
    setPassword: 'Instellen wachtwoord',
    passwordChange: 'Nieuw wachtwoord kiezen',
    home: 'Home',
    dossiers: 'Dossiers',
    actions: 'Acties',
    myDetails: 'Mijn gegevens',
    notFound: 'Pagina niet gevonden',
  },
  nav: {
    label: 'Hoofdmenu',
    home: 'Home',
    dossiers: 'Dossiers',
    actions: 'Acties',
    myDetails: 'Mijn gegevens',
    logout: 'Uitloggen',
    menu: 'Menu',
    signedInAs: 'Ingelogd als',
  },
  common: {
    required: 'Dit veld is verplicht.',
    emailInvalid: 'Vul een geldig e-mailadres in.',
    fieldInvalid: 'Controleer dit veld.',
    showPassword: 'Wachtwoord tonen',
    loading: 'Bezig met laden…',
    busy: 'Bezig…',
    none: '—',
    backToLogin: 'Terug naar inloggen',
  },
  login: {
    welcome: 'Welkom op het klantenportaal van {{ firmName }}',
    welcomeNoFirm: 'Welkom op het klantenportaal',
    identifier: 'E-mailadres of accountnummer',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    forgotPassword: 'Wachtwoord vergeten',
    setPassword: 'Instellen wachtwoord',
  },
  passwordLink: {
    heading: 'Instellen wachtwoord',
    intro:
      'Vul uw e-mailadres in en klik op verstuur om een link te ontvangen voor het wijzigen (of instellen) van uw wachtwoord.',
    email: 'E-mailadres',
    submit: 'Verstuur',
    sent: 'Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link om uw wachtwoord in te stellen.',
  },
  activate: {
    checking: 'De link wordt gecontroleerd…',
    heading: 'Instellen wachtwoord',
    expiredResentHeading: 'Deze uitnodiging is verlopen',
    expiredResent:
      'De link in uw uitnodiging is verlopen. Wij hebben u automatisch een nieuwe uitnodiging per e-mail gestuurd. Klik op de link in die e-mail om verder te gaan.',
    invalidHeading: 'Deze link is niet meer geldig',
    invalid: 'Vul hieronder uw e-mailadres in om een nieuwe link te ontvangen.',
  },
  setPassword: {
    heading: 'Instellen wachtwoord',
    intro: 'Stel uw wachtwoord in a.u.b.',
    submit: 'Instellen wachtwoord',
    checking: 'De link wordt gecontroleerd…',
    expiredHeading: 'Deze link is niet meer geldig',
    expired:
      'De link om uw wachtwoord in te stellen is verlopen of al gebruikt. Vraag een nieuwe link aan; u ontvangt die binnen enkele minuten per e-mail.',
    requestNew: 'Nieuwe link aanvragen',
  },
  passwordChange: {
    heading: 'Nieuw wachtwoord kiezen',
    intro:
      'Om veiligheidsredenen is uw wachtwoord een beperkte tijd geldig. Uw wachtwoord is verlopen: kies een nieuw wachtwoord om verder te gaan.',
    submit: 'Wachtwoord wijzigen',
  },
  password: {
    current: 'Huidig wachtwoord',
    new: 'Nieuw wachtwoord',
    repeat: 'Herhaal nieuw wachtwoord',
    mismatch: 'De wachtwoorden komen niet overeen.',
    notAllRulesMet: 'Het wachtwoord voldoet nog niet aan alle eisen.',
    introSeed:
      'Het wachtwoord dient minimaal {{ min }} tekens bevatten, waarvan minimaal 1 hoofdletter en 1 cijfer',
    introStandards:
      'Het wachtwoord moet minimaal {{ min }} en maximaal {{ max }} tekens bevatten. Een zin van een paar woorden is sterk en goed te onthouden.',
    rulesLabel: 'Eisen aan het wachtwoord',
    rules: {
      minLength: 'Minimaal {{ min }} tekens',
      maxLength: 'Maximaal {{ max }} tekens',
      uppercase: 'Minimaal 1 hoofdletter',
      digit: 'Minimaal 1 cijfer',
    },
    ruleMet: 'voldaan',
    ruleNotMet: 'nog niet voldaan',
    summary: '{{ met }} van {{ total }} eisen voldaan',
    allMet: 'Het wachtwoord voldoet aan alle eisen.',
    rejected: 'Het wachtwoord voldoet niet aan de eisen:',
    reasons: {
      TOO_SHORT: 'Het wachtwoord is te kort.',
      TOO_LONG: 'Het wachtwoord is te lang.',
      NO_UPPERCASE: 'Het wachtwoord bevat geen hoofdletter.',
      NO_DIGIT: 'Het wachtwoord bevat geen cijfer.',
      BLOCKLISTED:
        'Dit wachtwoord komt voor in lijsten van uitgelekte of veelgebruikte wachtwoorden. Kies een ander wachtwoord.',
      CONTAINS_IDENTITY: 'Het wachtwoord mag uw e-mailadres of accountnummer niet bevatten.',
      SAME_AS_CURRENT: 'Het nieuwe wachtwoord moet verschillen van het huidige wachtwoord.',
    },
  },
  errors: {
    generic: 'Er is iets misgegaan. Probeer het later opnieuw.',
    network: 'Er is geen verbinding met het portaal. Controleer uw internetverbinding en probeer het opnieuw.',
    invalidCredentials: 'De combinatie van e-mailadres/accountnummer en wachtwoord is onjuist.',
    rateLimited: 'Te veel pogingen. Probeer het over enkele minuten opnieuw.',
    badUserInput: 'Controleer de ingevulde gegevens.',
    unauthenticated: 'U bent niet (meer) ingelogd. Log opnieuw in.',
    forbidden: 'U heeft geen toegang tot deze gegevens.',
    notFound: 'Dit onderdeel is niet gevonden.',
    linkInvalid: 'Deze link is niet meer geldig.',
    passwordPolicy: 'Het wachtwoord voldoet niet aan de eisen.',
    wrongCurrentPassword: 'Het huidige wachtwoord is onjuist.',
    passwordChangeRequired: 'Kies eerst een nieuw wachtwoord.',
  },
  notices: {
    sessionExpired: 'Uw sessie is verlopen. Log opnieuw in.',
    loggedOut: 'U bent uitgelogd.',
    passwordChangedSignIn: 'Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord.',
  },
  home: {
    heading: 'Welkom, {{ name }}',
    intro: 'Kies een onderdeel.',
    dossiers: 'Bekijk de dossiers waarvoor u bent geautoriseerd, met correspondentie, documenten en berichten.',
    actions: 'Vragenlijsten die ons kantoor u heeft toegestuurd om in te vullen.',
    myDetails: 'Uw gegevens, taal, notificaties en wachtwoord.',
  },
  dossiers: {
    heading: 'Dossiers',
    intro:
      'Hier vindt u straks de dossiers waarvoor u bent geautoriseerd, met de correspondentie, documenten en berichten per dossier.',
  },
  actions: {
    heading: 'Acties',
    intro: 'Hier vindt u straks de vragenlijsten die ons kantoor u heeft toegestuurd om in te vullen.',
  },
  myDetails: {
    heading: 'Mijn gegevens',
    welcome: 'Welkom! Controleer uw gegevens en stel uw voorkeuren in.',
    account: {
      heading: 'Accountgegevens',
      name: 'Naam',
      email: 'E-mailadres',
      accountNumber: 'Accountnummer',
      mobile: 'Mobiel nummer',
      role: 'Rol',
    },
    roles: {
      CLIENT: 'Cliënt',
      COMPANY_MAIN: 'Hoofdaccount bedrijf',
      COMPANY_EXTRA: 'Extra account bedrijf',
      INTERMEDIARY: 'Tussenpersoon',
      OFFICE_USER_ADMIN: 'Gebruikersbeheerder kantoor',
      STAFF: 'Behandelaar',
      ADMIN: 'Beheerder',
    },
    language: {
      heading: 'Instellen taal',
      saved: 'Uw taalkeuze is opgeslagen.',
    },
    notifications: {
      heading: 'Notificaties',
      intro: 'Stuur mij een e-mail als er:',
      newDocuments: 'nieuwe documenten zijn klaargezet',
      newQuestionnaires: 'vragenlijsten zijn toegezonden',
      newMessages: 'berichten zijn gestuurd',
      saved: 'Uw notificatie-instellingen zijn opgeslagen.',
    },
    password: {
      heading: 'Wachtwoord wijzigen',
      submit: 'Wachtwoord wijzigen',
      changed: 'Uw wachtwoord is gewijzigd. Eventuele andere sessies zijn beëindigd.',
    },
  },
  notFound: {
    heading: 'Pagina niet gevonden',
    text: 'De pagina die u zoekt bestaat niet (meer).',
    home: 'Naar Home',
  },
};

/** The shape every language must provide. */
export type Translation = typeof nl;
