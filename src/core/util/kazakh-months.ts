// Month names in Kazakh, as dates print them ("2026 ж. 25 қараша"): browsers without Kazakh date
// data and the agreement PDF both spell them out.
export const KK_MONTHS: readonly string[] = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
