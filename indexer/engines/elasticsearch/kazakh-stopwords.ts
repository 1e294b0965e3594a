/**
 * A deliberately small list of Kazakh function words: conjunctions, postpositions, pronouns and
 * particles that carry no legal meaning. Negations (емес, жоқ) and modal words (тиіс, міндетті)
 * are NOT here: in a judgment they decide the meaning ("кінәлі емес" is an acquittal).
 */
export const KAZAKH_STOPWORDS: readonly string[] = [
  // conjunctions
  'және', 'мен', 'бен', 'пен', 'да', 'де', 'та', 'те', 'әрі', 'немесе', 'не', 'бірақ', 'ал', 'алайда', 'сондай-ақ',
  // postpositions
  'туралы', 'бойынша', 'үшін', 'арқылы', 'сияқты', 'дейін', 'кейін', 'бері', 'қарай', 'сайын', 'сәйкес',
  // pronouns and demonstratives
  'бұл', 'осы', 'сол', 'ол', 'ана', 'мына', 'оның', 'онда', 'оған', 'оны', 'олар', 'өз', 'өзі',
  // particles
  'ғой', 'ма', 'ме', 'ба', 'бе', 'па', 'пе', 'ғана', 'қана', 'тек', 'ақ', 'ау',
];
